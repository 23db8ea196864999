import Foundation
import TestSupport
import Testing

@testable import Journal

/// journal's JSON writer against what it stands in for: Foundation's `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, byte for byte.
@Suite struct JSONWriterTests {
    /// A JSON value built through every path of the `Encoder` protocol.
    indirect enum Sample: Encodable {
        case null
        case bool(Bool)
        case int(Int64)
        case unsigned(UInt64)
        case small(Int8)
        case double(Double)
        case float(Float)
        case string(String)
        case maybe(Double?)
        /// Encoded with `encodeIfPresent`: the key is left out when `nil`.
        case absent([String: Sample?])
        case array([Sample])
        case object([String: Sample])
        /// An object holding `key`, written through `nestedContainer(keyedBy:forKey:)`.
        case nested(String, [String: Sample])
        /// An object holding `key`, written through `nestedUnkeyedContainer(forKey:)`.
        case nestedList(String, [Sample])
        /// An object whose `key` is filled through `superEncoder(forKey:)`.
        case viaSuper(String, Sample)

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ text: String) { stringValue = text }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .null:
                var single = encoder.singleValueContainer()
                try single.encodeNil()
            case .bool(let value): try value.encode(to: encoder)
            case .int(let value): try value.encode(to: encoder)
            case .unsigned(let value): try value.encode(to: encoder)
            case .small(let value): try value.encode(to: encoder)
            case .double(let value): try value.encode(to: encoder)
            case .float(let value): try value.encode(to: encoder)
            case .string(let value): try value.encode(to: encoder)
            case .maybe(let value): try value.encode(to: encoder)
            case .absent(let members):
                var object = encoder.container(keyedBy: Key.self)
                for (key, value) in members { try object.encodeIfPresent(value, forKey: Key(key)) }
            case .array(let items):
                var list = encoder.unkeyedContainer()
                for (index, item) in items.enumerated() {
                    switch (index % 3, item) {
                    case (0, .string(let text)): try list.encode(text)
                    case (1, .int(let number)): try list.encode(number)
                    case (2, .null): try list.encodeNil()
                    default: try list.encode(item)
                    }
                }
            case .object(let members):
                var object = encoder.container(keyedBy: Key.self)
                for (key, value) in members {
                    switch value {
                    case .string(let text): try object.encode(text, forKey: Key(key))
                    case .double(let number): try object.encode(number, forKey: Key(key))
                    case .bool(let flag): try object.encode(flag, forKey: Key(key))
                    case .null: try object.encodeNil(forKey: Key(key))
                    default: try object.encode(value, forKey: Key(key))
                    }
                }
            case .nested(let key, let members):
                var outer = encoder.container(keyedBy: Key.self)
                var inner = outer.nestedContainer(keyedBy: Key.self, forKey: Key(key))
                for (key, value) in members { try inner.encode(value, forKey: Key(key)) }
            case .nestedList(let key, let items):
                var outer = encoder.container(keyedBy: Key.self)
                var inner = outer.nestedUnkeyedContainer(forKey: Key(key))
                for item in items { try inner.encode(item) }
            case .viaSuper(let key, let value):
                var outer = encoder.container(keyedBy: Key.self)
                try value.encode(to: outer.superEncoder(forKey: Key(key)))
            }
        }
    }

    static func foundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func writesWhatJSONEncoderWritesForHandWrittenValues() throws {
        let value = Sample.object([
            "pain_after": .int(3), "painful": .bool(true), "Pain": .null, "a10": .double(1), "a9": .double(-0.0),
            "empty": .array([]), "none": .object([:]), "z/": .string("a/b \"q\" \\ \u{1}\u{7F}\t\u{2028}é"),
            "list": .array([.double(2.5e-5), .double(1e21), .object([:]), .array([.array([])])]),
        ])
        let expected = """
            {
              "Pain" : null,
              "a10" : 1,
              "a9" : -0,
              "empty" : [

              ],
              "list" : [
                2.5e-05,
                1e+21,
                {

                },
                [
                  [

                  ]
                ]
              ],
              "none" : {

              },
              "pain_after" : 3,
              "painful" : true,
              "z/" : "a/b \\"q\\" \\\\ \\u0001\u{7F}\\t\u{2028}é"
            }
            """
        #expect(try JSONWriter.pretty(value) == expected)
        #expect(try Self.foundation(value) == expected)
        #expect(try JSONWriter.pretty(Sample.object([:])) == "{\n\n}")
        #expect(try JSONWriter.pretty(Sample.string("x")) == "\"x\"")
        #expect(try JSONWriter.pretty(Sample.maybe(nil)) == "null")
    }

    @Test func refusesNumbersJSONCannotHold() throws {
        for number in [Double.nan, .infinity, -.infinity] {
            #expect(throws: EncodingError.self) { try JSONWriter.pretty(Sample.array([.double(number)])) }
            #expect(throws: EncodingError.self) { try Self.foundation(Sample.array([.double(number)])) }
        }
    }

    /// Random values of every shape, seeded: the writer's text must equal JSONEncoder's.
    @Test(arguments: 0..<8) func writesWhatJSONEncoderWritesForRandomValues(index: Int) throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["JOURNAL_TEST_SEED"] ?? "") ?? UInt64(7_300 + index)
        print("JSONWriterTests seed \(seed) (JOURNAL_TEST_SEED=\(seed) replays it)")
        var random = SplitMix(seed: seed)
        for round in 0..<150 {
            let value = Self.sample(depth: 0, &random)
            let ours = try JSONWriter.pretty(value)
            let theirs = try Self.foundation(value)
            #expect(ours == theirs, "seed \(seed), round \(round)")
            if ours != theirs { return }
        }
    }

    static let keyPieces = [
        "a", "b", "B", "Z", "_", "-", " ", "/", "0", "9", "10", "pain", "pain_after", "é", "e\u{301}", "ä", "😀",
        "\u{1}", "\"", "\\", "~", ".", "\u{FF01}",
    ]
    static let textPieces =
        keyPieces + ["\n", "\t", "\r", "\u{8}", "\u{C}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{0}", "→"]
    static let doubles: [Double] = [
        0, -0.0, 1, -1, 0.5, 1.25, 100, 1e15, 1e16, 1e21, 1e22, 1e-7, 2.5e-5, 0.1 + 0.2, 3.14159, 123_456_789.125,
        .greatestFiniteMagnitude, .leastNonzeroMagnitude, .leastNormalMagnitude, 4.67, 33.33, -12.5,
    ]

    static func text(_ random: inout SplitMix, pieces: [String], count: Int) -> String {
        (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    static func double(_ random: inout SplitMix) -> Double {
        if random.next() % 3 == 0 {
            let bits = Double(bitPattern: random.next())
            return bits.isFinite ? bits : 7
        }
        return doubles[Int(random.next() % UInt64(doubles.count))]
    }

    static func members(depth: Int, _ random: inout SplitMix) -> [String: Sample] {
        var members: [String: Sample] = [:]
        for _ in 0..<Int(random.next() % 5) {
            members[text(&random, pieces: keyPieces, count: 1 + Int(random.next() % 3))] = sample(
                depth: depth + 1, &random)
        }
        return members
    }

    static func sample(depth: Int, _ random: inout SplitMix) -> Sample {
        let kinds: UInt64 = depth >= 4 ? 9 : 15
        switch random.next() % kinds {
        case 0: return .null
        case 1: return .bool(random.next() % 2 == 0)
        case 2: return .int(Int64(bitPattern: random.next()) >> (random.next() % 64))
        case 3: return .unsigned(random.next() >> (random.next() % 64))
        case 4: return .small(Int8(truncatingIfNeeded: random.next()))
        case 5: return .double(double(&random))
        case 6: return .float(Float(bitPattern: UInt32(truncatingIfNeeded: random.next() % 0x7F00_0000)))
        case 7: return .string(text(&random, pieces: textPieces, count: Int(random.next() % 6)))
        case 8: return .maybe(random.next() % 2 == 0 ? nil : double(&random))
        case 9: return .array((0..<Int(random.next() % 5)).map { _ in sample(depth: depth + 1, &random) })
        case 10, 11: return .object(members(depth: depth, &random))
        case 12:
            return .absent(
                members(depth: depth, &random).mapValues { random.next() % 2 == 0 ? nil : $0 })
        case 13:
            return random.next() % 2 == 0
                ? .nested(text(&random, pieces: keyPieces, count: 2), members(depth: depth, &random))
                : .nestedList(
                    text(&random, pieces: keyPieces, count: 2),
                    (0..<Int(random.next() % 4)).map { _ in sample(depth: depth + 1, &random) })
        default: return .viaSuper(text(&random, pieces: keyPieces, count: 2), sample(depth: depth + 1, &random))
        }
    }
}
