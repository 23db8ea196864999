import Foundation

/// A small deterministic random number generator (SplitMix64), so a failing run can be replayed.
///
/// Each test that draws random values makes one and so prints its seed once; setting
/// `JOURNAL_TEST_SEED` replays a printed seed, or tries another.
///
/// ```swift
/// var generator = SplitMix(seed: 23)  // prints "seed: 23 (test(); JOURNAL_TEST_SEED=23 replays it)"
/// let pain = Int(generator.next() % 11)
/// ```
public struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    /// A generator seeded with `$JOURNAL_TEST_SEED` when it is set, else with `seed`; prints the seed used.
    public init(seed: UInt64, test: String = #function) {
        let chosen = ProcessInfo.processInfo.environment["JOURNAL_TEST_SEED"].flatMap { UInt64($0) } ?? seed
        print("seed: \(chosen) (\(test); JOURNAL_TEST_SEED=\(chosen) replays it)")
        state = chosen
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
