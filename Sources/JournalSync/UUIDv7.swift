/// A UUID version 7 (RFC 9562, section 5.7): 48 bits of Unix time in milliseconds, the version
/// (7), 12 bits of counter, the variant (binary 10) and 62 random bits.
///
/// Ids made by one ``UUIDv7Generator`` sort in the order they were made, by their bytes or their
/// text, so a record's id is unique across devices and still says roughly when it was made.
///
/// ```swift
/// var generator = UUIDv7Generator()
/// let id = generator.next(milliseconds: 1_645_557_742_000)
/// id.string         // "017f22e2-79b0-7…"
/// id.milliseconds   // 1_645_557_742_000
/// ```
public struct UUIDv7: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 16 bytes, most significant first.
    public let bytes: [UInt8]

    /// The id of these 16 bytes; `nil` for another count, or a version or variant that is not v7's.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 16, bytes[6] >> 4 == 7, bytes[8] >> 6 == 0b10 else { return nil }
        self.bytes = bytes
    }

    /// The id written as RFC 9562 does (`8-4-4-4-12` hex digits), in either case; `nil` for anything else.
    public init?(string: String) {
        let digits = Array(string.utf8)
        guard digits.count == 36, [8, 13, 18, 23].allSatisfy({ digits[$0] == UInt8(ascii: "-") }) else { return nil }
        let hex = digits.enumerated().filter { ![8, 13, 18, 23].contains($0.offset) }.map(\.element)
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: hex.count, by: 2) {
            guard let high = Self.value(of: hex[index]), let low = Self.value(of: hex[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self.init(bytes: bytes)
    }

    /// The id with these fields: `milliseconds` (its low 48 bits), `counter` (12 bits, `rand_a`) and
    /// `random`'s low 62 bits (`rand_b`, after the variant; bits 61…48 sort first).
    public init(milliseconds: UInt64, counter: UInt16, random: UInt64) {
        var bytes = (0..<6).map { UInt8(truncatingIfNeeded: milliseconds >> (40 - 8 * $0)) }
        bytes.append(0x70 | UInt8(counter >> 8 & 0x0F))
        bytes.append(UInt8(truncatingIfNeeded: counter))
        bytes.append(0x80 | UInt8(truncatingIfNeeded: random >> 56) & 0x3F)
        bytes += (0..<7).map { UInt8(truncatingIfNeeded: random >> (48 - 8 * $0)) }
        self.bytes = bytes
    }

    /// The Unix time, in milliseconds, the id was made at.
    public var milliseconds: UInt64 { bytes.prefix(6).reduce(0) { $0 << 8 | UInt64($1) } }

    /// The lower-case text form, `8-4-4-4-12` hex digits.
    public var string: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if [4, 6, 8, 10].contains(index) { text.append(UInt8(ascii: "-")) }
            text += [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
        }
        return String(decoding: text, as: UTF8.self)
    }

    public var description: String { string }

    public static func < (left: UUIDv7, right: UUIDv7) -> Bool {
        left.bytes.lexicographicallyPrecedes(right.bytes)
    }

    private static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Makes ``UUIDv7``s that only grow, with RFC 9562's method 1 (a 12-bit counter in `rand_a`).
///
/// In a new millisecond the counter starts at a random value below 2048 (its top bit clear, as the
/// RFC advises, so at least 2048 ids fit in each millisecond); within the same millisecond it
/// counts up; when it overflows, or when the clock goes back, the generator keeps to its last
/// millisecond and moves it one ahead as needed, so every id is greater than the one before.
/// The caller gives the time: the library never reads the clock.
///
/// ```swift
/// var generator = UUIDv7Generator()
/// generator.next(milliseconds: now) < generator.next(milliseconds: now)  // true
/// ```
public struct UUIDv7Generator: Sendable {
    private var lastMilliseconds: UInt64 = 0
    private var counter: UInt16 = 0
    private var started = false

    public init() {}

    /// The next id, at `milliseconds` since 1970 (UTC), from the system's secure random generator.
    public mutating func next(milliseconds: UInt64) -> UUIDv7 {
        var random = SystemRandomNumberGenerator()
        return next(milliseconds: milliseconds, using: &random)
    }

    /// The next id, at `milliseconds` since 1970 (UTC), with random bits from `random`.
    public mutating func next(milliseconds: UInt64, using random: inout some RandomNumberGenerator) -> UUIDv7 {
        let now = milliseconds & 0xFFFF_FFFF_FFFF
        if !started || now > lastMilliseconds {
            started = true
            lastMilliseconds = now
            counter = UInt16.random(in: 0..<2048, using: &random)
        } else if counter < 0x0FFF {
            counter += 1
        } else {
            lastMilliseconds += 1
            counter = UInt16.random(in: 0..<2048, using: &random)
        }
        return UUIDv7(milliseconds: lastMilliseconds, counter: counter, random: random.next())
    }
}
