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

    public init(id: String, name: String, category: Category, perSide: Bool, measure: Measure, howTo: String) {
        self.id = id
        self.name = name
        self.category = category
        self.perSide = perSide
        self.measure = measure
        self.howTo = howTo
    }
}
