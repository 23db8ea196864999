/// The exercises journal knows, and lookup by id, alias or name with suggestions for typos.
///
/// ```swift
/// try Catalog.builtIn.resolve("Glute Bridge").id     // "glute-bridge"
/// try Catalog.builtIn.resolve("seated-ql-stretch").id // "sitting-ql-stretch"
/// try Catalog.builtIn.resolve("glute-brige")
/// // throws: unknown exercise "glute-brige"; did you mean "glute-bridge"?
/// ```
public struct Catalog: Sendable, Hashable {
    /// Every exercise, in the order of the source guide.
    public let exercises: [Exercise]
    private let byKey: [String: Exercise]

    /// Builds a catalogue; `aliases` maps other spellings to exercise ids.
    public init(exercises: [Exercise], aliases: [String: String] = [:]) {
        self.exercises = exercises
        var byKey: [String: Exercise] = [:]
        for exercise in exercises {
            byKey[exercise.id] = exercise
            byKey[Self.key(exercise.name)] = exercise
        }
        for (alias, id) in aliases {
            if let exercise = byKey[id] { byKey[Self.key(alias)] = exercise }
        }
        self.byKey = byKey
    }

    /// `base` with more exercises (the person's own) after its own; they keep `base`'s aliases.
    public init(extending base: Catalog, with more: [Exercise]) {
        self.exercises = base.exercises + more
        var byKey = base.byKey
        for exercise in more {
            byKey[exercise.id] = byKey[exercise.id] ?? exercise
            byKey[Self.key(exercise.name)] = byKey[Self.key(exercise.name)] ?? exercise
        }
        self.byKey = byKey
    }

    /// The exercise with exactly this id.
    public func exercise(id: String) -> Exercise? {
        byKey[id].flatMap { $0.id == id ? $0 : nil }
    }

    /// The exercise a person meant by `text`: an id, an alias or a display name, in any case, with spaces or
    /// underscores for dashes, singular or plural.
    ///
    /// Throws ``JournalError/unknownExercise(_:suggestions:)`` with the closest ids otherwise.
    public func resolve(_ text: String) throws -> Exercise {
        let key = Self.key(text)
        if let exercise = byKey[key] { return exercise }
        if key.hasSuffix("s"), let exercise = byKey[String(key.dropLast())] { return exercise }
        throw JournalError.unknownExercise(text, suggestions: suggestions(for: key))
    }

    /// Up to three ids close to `key`: within a few typos, or containing it.
    public func suggestions(for key: String) -> [String] {
        guard !key.isEmpty else { return [] }
        let limit = max(2, key.count / 4)
        var scored: [(distance: Int, id: String)] = []
        for exercise in exercises {
            let distance = min(
                Self.editDistance(key, exercise.id),
                Self.editDistance(key, Self.key(exercise.name)))
            if distance <= limit {
                scored.append((distance, exercise.id))
            } else if key.count >= 4, exercise.id.contains(key) {
                scored.append((limit + 1, exercise.id))
            }
        }
        return scored.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }.prefix(3).map(\.id)
    }

    /// Lower case, trimmed, runs of spaces, underscores and dashes as one dash.
    public static func key(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character == " " || character == "_" || character == "-" || character == "\t" {
                pendingDash = !result.isEmpty
            } else {
                if pendingDash { result.append("-") }
                pendingDash = false
                result.append(character)
            }
        }
        return result
    }

    /// Levenshtein distance between two strings, by characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
