import Foundation

/// Bech32 (BIP-173), as age uses it for keys: `age1…` recipients and `AGE-SECRET-KEY-1…` identities.
///
/// As in age, a string must be all lower case or all upper case, the human-readable part keeps its
/// case (so a key's type is checked case and all), and the data is 8-bit bytes packed into 5-bit
/// groups with zero padding.
///
/// ```swift
/// let text = Bech32.encode(hrp: "age", data: publicKey)  // "age1…"
/// let (hrp, data) = try Bech32.decode(text)               // ("age", publicKey)
/// ```
enum Bech32 {
    private static let charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)
    private static let generator: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]

    /// Why a string is not Bech32.
    struct Invalid: Error {
        let reason: String
    }

    /// The Bech32 string of `data` under the human-readable part `hrp`, in the case of `hrp` (all
    /// lower or all upper), as age's encoder writes it.
    static func encode(hrp: String, data: [UInt8]) -> String {
        let values = convert(data, from: 8, to: 5, pad: true) ?? []
        let lower = hrp.lowercased()
        let checksum = checksum(hrp: Array(lower.utf8), values: values)
        let text = lower + "1" + String(decoding: (values + checksum).map { charset[Int($0)] }, as: UTF8.self)
        return hrp == lower ? text : text.uppercased()
    }

    /// The human-readable part (in the string's own case, as age's decoder returns it) and the
    /// bytes of a Bech32 string.
    ///
    /// So `AGE1…` decodes with the part `AGE`, which is not an age recipient's `age`; and the
    /// lower-case form of an identity has the part `age-secret-key-`, which is not `AGE-SECRET-KEY-`.
    static func decode(_ text: [UInt8]) throws -> (hrp: [UInt8], data: [UInt8]) {
        let bytes = text
        guard bytes.allSatisfy({ (33...126).contains($0) }) else {
            throw Invalid(reason: "a space, control or non-ASCII character")
        }
        let upper = bytes.contains { (0x41...0x5A).contains($0) }
        let lower = bytes.contains { (0x61...0x7A).contains($0) }
        guard !(lower && upper) else { throw Invalid(reason: "both upper and lower case") }
        let folded = bytes.map { (0x41...0x5A).contains($0) ? $0 + 32 : $0 }
        guard let separator = folded.lastIndex(of: UInt8(ascii: "1")), separator >= 1,
            separator + 7 <= folded.count
        else { throw Invalid(reason: "no separator or too short") }
        let hrp = Array(folded[..<separator])
        var values: [UInt8] = []
        for byte in folded[(separator + 1)...] {
            guard let index = charset.firstIndex(of: byte) else { throw Invalid(reason: "a character outside Bech32") }
            values.append(UInt8(index))
        }
        guard polymod(expand(hrp) + values) == 1 else { throw Invalid(reason: "a wrong checksum (a typo?)") }
        guard let data = convert(Array(values.dropLast(6)), from: 5, to: 8, pad: false) else {
            throw Invalid(reason: "bad padding")
        }
        return (Array(bytes[..<separator]), data)
    }

    /// ``decode(_:)-([UInt8])`` of a string.
    static func decode(_ text: String) throws -> (hrp: String, data: [UInt8]) {
        let (hrp, data) = try decode(Array(text.utf8))
        return (String(decoding: hrp, as: UTF8.self), data)
    }

    private static func polymod(_ values: [UInt8]) -> UInt32 {
        var check: UInt32 = 1
        for value in values {
            let top = check >> 25
            check = (check & 0x1ff_ffff) << 5 ^ UInt32(value)
            for bit in 0..<5 where (top >> bit) & 1 == 1 { check ^= generator[bit] }
        }
        return check
    }

    private static func expand(_ hrp: [UInt8]) -> [UInt8] {
        hrp.map { $0 >> 5 } + [0] + hrp.map { $0 & 31 }
    }

    private static func checksum(hrp: [UInt8], values: [UInt8]) -> [UInt8] {
        let modulus = polymod(expand(hrp) + values + [0, 0, 0, 0, 0, 0]) ^ 1
        return (0..<6).map { UInt8((modulus >> (5 * (5 - UInt32($0)))) & 31) }
    }

    /// Regroups bits; `nil` when, without `pad`, leftover bits are too many or not zero.
    private static func convert(_ data: [UInt8], from: Int, to: Int, pad: Bool) -> [UInt8]? {
        var accumulator = 0
        var bits = 0
        var result: [UInt8] = []
        let mask = (1 << to) - 1
        for value in data {
            accumulator = (accumulator << from) | Int(value)
            bits += from
            while bits >= to {
                bits -= to
                result.append(UInt8((accumulator >> bits) & mask))
            }
            accumulator &= (1 << bits) - 1
        }
        if pad {
            if bits > 0 { result.append(UInt8((accumulator << (to - bits)) & mask)) }
        } else if bits >= from || accumulator != 0 {
            return nil
        }
        return result
    }
}

/// Standard base64 in the two forms age uses: without padding in the header (``encodeRaw(_:)``,
/// ``decodeRaw(_:)``), and with it in the armor (``encodePadded(_:)``, ``decodePadded(_:)``).
///
/// Decoding is strict, as the spec asks: only the canonical encoding of some bytes is accepted (no
/// stray padding, no line breaks or spaces, unused trailing bits zero).
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = Int8(index) }
        return table
    }()

    /// Whether `byte` is one of the 64 characters.
    static func isAlphabet(_ byte: UInt8) -> Bool { values[Int(byte)] >= 0 }

    /// Base64 without `=` padding.
    static func encodeRaw(_ data: some Collection<UInt8>) -> String {
        String(decoding: encode(Array(data), pad: false), as: UTF8.self)
    }

    /// Base64 with `=` padding.
    static func encodePadded(_ data: some Collection<UInt8>) -> String {
        String(decoding: encode(Array(data), pad: true), as: UTF8.self)
    }

    /// The bytes of canonical unpadded base64, or `nil`.
    static func decodeRaw(_ text: some Collection<UInt8>) -> [UInt8]? {
        decode(Array(text))
    }

    /// The bytes of canonical padded base64 (its length a multiple of 4), or `nil`.
    static func decodePadded(_ text: some Collection<UInt8>) -> [UInt8]? {
        var text = Array(text)
        guard text.count % 4 == 0 else { return nil }
        var padding = 0
        while padding < 2, text.last == UInt8(ascii: "=") {
            text.removeLast()
            padding += 1
        }
        guard padding == 0 || text.count % 4 == 4 - padding else { return nil }
        return decode(text)
    }

    private static func encode(_ data: [UInt8], pad: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((data.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= data.count {
            let group = Int(data[index]) << 16 | Int(data[index + 1]) << 8 | Int(data[index + 2])
            for shift in [18, 12, 6, 0] { output.append(alphabet[(group >> shift) & 63]) }
            index += 3
        }
        let left = data.count - index
        if left > 0 {
            let group = Int(data[index]) << 16 | (left == 2 ? Int(data[index + 1]) << 8 : 0)
            let characters = left + 1
            for shift in [18, 12, 6].prefix(characters) { output.append(alphabet[(group >> shift) & 63]) }
            if pad { output.append(contentsOf: [UInt8](repeating: UInt8(ascii: "="), count: 4 - characters)) }
        }
        return output
    }

    private static func decode(_ text: [UInt8]) -> [UInt8]? {
        guard text.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(text.count * 3 / 4)
        var accumulator = 0
        var bits = 0
        for byte in text {
            let value = values[Int(byte)]
            guard value >= 0 else { return nil }
            accumulator = (accumulator << 6) | Int(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((accumulator >> bits) & 0xFF))
                accumulator &= (1 << bits) - 1
            }
        }
        return accumulator == 0 ? output : nil  // unused trailing bits must be zero
    }
}
