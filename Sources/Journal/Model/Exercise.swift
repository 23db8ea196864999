/// An exercise a person can log, from the built-in catalogue.
///
/// ```swift
/// let bridge = Catalog.builtIn.exercise(id: "glute-bridge")!
/// bridge.name     // "Glute bridge"
/// bridge.measure  // .reps
/// ```
public struct Exercise: Sendable, Hashable, Identifiable {
    /// What the exercise trains.
    public enum Category: String, Sendable, Hashable, CaseIterable {
        case stability
        case stretch
        case selfTreatment = "self-treatment"
    }

    /// How a set is counted: by repetitions or by seconds held.
    public enum Measure: String, Sendable, Hashable, CaseIterable {
        case reps
        case hold
    }

    /// Lower-case id with dashes, such as `glute-bridge`.
    public let id: String
    /// Display name, such as "Glute bridge".
    public let name: String
    public let category: Category
    /// Done on one side, then the other.
    public let perSide: Bool
    public let measure: Measure
    /// How to do it, in a few plain sentences.
    public let howTo: String
    /// Added by the person rather than part of the built-in catalogue.
    public let isCustom: Bool

    /// The how-to the person gave for one of their own, `nil` when they gave none (``ownHowTo``).
    public var givenHowTo: String? { isCustom && howTo != Self.ownHowTo ? howTo : nil }

    public init(
        id: String, name: String, category: Category, perSide: Bool, measure: Measure, howTo: String,
        isCustom: Bool = false
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.perSide = perSide
        self.measure = measure
        self.howTo = howTo
        self.isCustom = isCustom
    }

    /// The longest display name.
    public static let maximumNameLength = 60

    /// What an exercise of the person's own shows as its how-to when they gave none.
    public static let ownHowTo = "Added by you; your physiotherapist's instructions apply."

    /// The how-to text a person gives (`--how-to`), checked like a note (``Note``) and with no control
    /// characters but line breaks and tabs; `nil` for none or an empty one.
    public static func checkedHowTo(_ text: String?) throws -> String? {
        let checked: String?
        do {
            checked = try Note.checked(text)
        } catch JournalError.noteTooLong(let characters, let limit) {
            throw JournalError.howToTooLong(characters: characters, limit: limit)
        } catch JournalError.invalidNote(let reason) {
            throw JournalError.invalidHowTo(reason)
        }
        guard let text = checked else { return nil }
        if let control = text.unicodeScalars.first(where: {
            $0 != "\n" && $0 != "\t" && ($0.properties.generalCategory == .control || $0 == "\u{FFFD}")
        }) {
            throw JournalError.invalidHowTo(
                "it holds the control character U+\(String(control.value, radix: 16, uppercase: true)), which could "
                    + "change a terminal when printed")
        }
        return text
    }

    /// A custom exercise, checked: the id is lower case letters, digits and dashes (2–40
    /// characters, starting with a letter), the name 1–60 characters, the how-to as ``checkedHowTo(_:)``.
    public static func custom(
        id: String, name: String, category: Category, perSide: Bool, measure: Measure, howTo: String? = nil
    ) throws -> Exercise {
        let bytes = Array(id.utf8)
        let allowed = bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        guard (2...40).contains(bytes.count), allowed, let first = bytes.first, first >= 0x61, first <= 0x7A,
            bytes.last != 0x2D
        else { throw JournalError.invalidExerciseID(id) }
        return Exercise(
            id: id, name: try checkedName(name), category: category, perSide: perSide, measure: measure,
            howTo: try checkedHowTo(howTo) ?? ownHowTo, isCustom: true)
    }

    /// An exercise name as typed input takes it: trimmed, 1 to ``maximumNameLength`` characters on
    /// one line, with no control or format character; throws ``JournalError/invalidExerciseName(_:)``,
    /// whose sentence says why (``refusal(ofName:)``).
    public static func checkedName(_ name: String) throws -> String {
        guard refusal(ofName: name) == nil else { throw JournalError.invalidExerciseName(name) }
        return String(name.trimmingWhitespace())
    }

    /// Why typed input refuses `name` as an exercise name, in words; `nil` when it takes it.
    ///
    /// The one rule for a name, typed or stored (``checkedName(_:)``; ``StoredValues`` names a
    /// stored one that breaks it with the same words).
    ///
    /// ```swift
    /// Exercise.refusal(ofName: "Glute\u{7} bridge")
    /// // "it holds the control character U+0007, which could change a terminal when printed"
    /// ```
    public static func refusal(ofName name: String) -> String? {
        let trimmed = String(name.trimmingWhitespace())
        if trimmed.isEmpty { return "it is empty" }
        let lineBreaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
        if trimmed.unicodeScalars.contains(where: lineBreaks.contains) { return "it is on more than one line" }
        if let hidden = Wording.hiddenCharacter(in: trimmed) { return hidden }
        if trimmed.count > maximumNameLength { return "it is \(trimmed.count) characters long" }
        return nil
    }
}

extension Exercise {
    /// The exercise an id stands for on every screen: its lower case.
    ///
    /// Every exercise's id is lower case, so an id written in other letters from outside (`Glute-Bridge`) counts as the exercise
    /// it spells: its rise holds that exercise and its review answers it (`StoredValues` names such
    /// an id; `HoldQueries` applies the same rule in SQL).
    public static func key(_ id: String) -> String { id.lowercased() }
}
