import Testing

@testable import Journal

@Suite struct JSONReaderTests {
    func value(_ text: String) throws -> JSONValue {
        var reader = JSONReader(source: ByteSource(bytes: Array(text.utf8)))
        return try reader.value()
    }

    func problem(_ text: String) -> JSONReadError? {
        do {
            var reader = JSONReader(source: ByteSource(bytes: Array(text.utf8)))
            _ = try reader.value()
            try reader.end()
            return nil
        } catch {
            return error as? JSONReadError
        }
    }

    @Test func readsEveryKindOfValue() throws {
        #expect(
            try value(#" {"a": [1, -0.5e+3, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"} "#)
                == .object([
                    "a": .array([.number("1"), .number("-0.5e+3"), .bool(true), .bool(false), .null]),
                    "b": .string("x\"\\/\u{8}\u{C}\n\r\té😀"),
                ]))
        #expect(try value("\"\\u0000\"") == .string("\u{0}"))
    }

    @Test func streamsMembersAndElementsWithTheirLines() throws {
        var reader = JSONReader(source: ByteSource(bytes: Array("\u{FEFF}{\"a\":[\n1,\n{}\n],\n\"b\":[]}\n".utf8)))
        try reader.beginObject()
        #expect(try reader.nextMember(first: true)?.key == "a")
        try reader.beginArray()
        #expect(try reader.nextElement(first: true) == 2)
        #expect(try reader.value() == .number("1"))
        #expect(try reader.nextElement(first: false) == 3)
        #expect(try reader.value() == .object([:]))
        #expect(try reader.nextElement(first: false) == nil)
        #expect(try reader.nextMember(first: false)?.line == 5)
        try reader.beginArray()
        #expect(try reader.nextElement(first: true) == nil)
        #expect(try reader.nextMember(first: false) == nil)
        try reader.end()
    }

    @Test(arguments: [
        (#"{"a":1,"a":2}"#, "the member \"a\" appears twice"),
        (#""\ud800""#, "a lone surrogate (\\u escape)"),
        (#""\udc00""#, "a lone surrogate (\\u escape)"),
        ("\"tab\there\"", "a control character inside a string (a line break is written \\n)"),
        (#""\x""#, "an escape that JSON does not have (\\x)"),
        ("01", "a number with a leading zero"),
        ("1.", "a number with a digit missing"),
        ("-", "a number with a digit missing"),
        ("[1,]", "expected a value (a string, number, object, array, true, false or null)"),
        ("[1 2]", "expected a comma (,) or the end of the array (])"),
        ("nul", "the document ends too early"),
        ("truth", "expected a value (a string, number, object, array, true, false or null)"),
        ("{} {}", "text after the end of the document"),
        ("[[[[[[[[[1]]]]]]]]]", "values nested more than 8 deep"),
        ("'x'", "expected a value (a string, number, object, array, true, false or null)"),
    ])
    func refusesWhatItCannotReadExactly(text: String, problem: String) throws {
        #expect(self.problem(text)?.problem == problem)
    }

    @Test func refusesBytesThatAreNotUTF8() throws {
        var reader = JSONReader(source: ByteSource(bytes: [0x22, 0x61, 0xFF, 0x22]))
        #expect(throws: JSONReadError(line: 1, problem: "a string that is not valid UTF-8 text")) { try reader.value() }
    }

    @Test func memoryStaysBounded() throws {
        let long = String(repeating: "x", count: JSONReader.Limits.stringBytes)
        #expect(try value("\"\(long.dropLast())\"") == .string(String(long.dropLast())))
        #expect(problem("\"\(long)\"")?.problem == "a string longer than 65536 bytes")
        let members = (0...64).map { "\"k\($0)\":0" }.joined(separator: ",")
        #expect(problem("{\(members)}")?.problem == "an object with more than 64 members")
        let elements = String(repeating: "0,", count: 64) + "0"
        #expect(problem("[\(elements)]")?.problem == "an array with more than 64 elements")
        let spaces = String(repeating: " ", count: JSONReader.Limits.valueBytes)
        #expect(problem("[\(spaces)]")?.problem == "a value longer than 262144 bytes")
        var reader = JSONReader(source: ByteSource(bytes: [UInt8](repeating: 0x5B, count: 1 << 20)))
        #expect(throws: JSONReadError(line: 1, problem: "values nested more than 8 deep")) { try reader.value() }
    }
}
