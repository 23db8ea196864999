/// The words journal shows people, written once: counts with their noun, doses, times with their
/// offset, and the sentences more than one command says.
///
/// ```swift
/// Wording.count(3, "entry", "entries")  // "3 entries"
/// Wording.dose(sets: 3, reps: 10, holdSeconds: nil, side: .left)  // "3 × 10 reps, left side"
/// ```
///
/// The library's renderers and the CLI's commands both call these, so a word changes in one place.
public enum Wording {
    /// `value` and the noun that agrees with it: "1 entry", "0 entries", "3 entries".
    public static func count(_ value: some BinaryInteger, _ one: String, _ many: String) -> String {
        "\(value) \(noun(value, one, many))"
    }

    /// The noun alone that agrees with `value`: `one` for exactly 1, else `many` ("entry", "entries").
    public static func noun(_ value: some BinaryInteger, _ one: String, _ many: String) -> String {
        value == 1 ? one : many
    }

    /// "it" for one, "them" for any other number: what a sentence after a count refers back with.
    public static func pronoun(_ value: some BinaryInteger) -> String {
        noun(value, "it", "them")
    }

    /// Items joined as a sentence lists them: "a", "a and b", "a, b and c".
    public static func list(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
