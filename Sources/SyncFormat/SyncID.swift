/// A random 128-bit id of a sync folder or of a replica, written as 32 lower-case hex digits.
///
/// ```swift
/// let replica = SyncID.random()
/// SyncID(hex: replica.hex) == replica  // true
/// ```
public struct SyncID: Hashable, Sendable {
    public static let byteCount = 16
    public let bytes: [UInt8]

    /// The id of these 16 bytes; `nil` for another count.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        self.bytes = bytes
    }

    /// The id written as 32 lower-case hex digits; `nil` for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 2 * Self.byteCount else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = Self.value(of: digits[index]), let low = Self.value(of: digits[index + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        self.bytes = bytes
    }

    /// A new id from the system's secure random generator.
    public static func random() -> SyncID {
        var generator = SystemRandomNumberGenerator()
        return SyncID(unchecked: (0..<byteCount).map { _ in generator.next() })
    }

    init(unchecked bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var hex: String {
        String(decoding: bytes.flatMap { [Self.digits[Int($0 >> 4)], Self.digits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
