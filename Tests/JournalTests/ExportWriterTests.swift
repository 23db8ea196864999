import Foundation
import Testing

@testable import Journal

/// Writing exports (``ExportWriter``): what a reader of an empty or one-entry export gets.
@Suite struct ExportWriterTests {
    final class Collected: @unchecked Sendable {
        var bytes: [UInt8] = []
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    func written(_ body: (OutputSink) throws -> Void) throws -> String {
        let collected = Collected()
        let sink = OutputSink(name: "test") { collected.bytes += $0 }
        try body(sink)
        try sink.flush()
        return collected.text
    }

    @Test func anEmptyJSONExportIsAnEmptyArrayAndCSVTheHeaderAlone() throws {
        #expect(try written { _ = try ExportWriter(.json, to: $0, byteOrderMark: false).finish() } == "[]\n")
        #expect(
            try written { _ = try ExportWriter(.csv, to: $0, byteOrderMark: true).finish() }
                == String(decoding: CSVFormat.byteOrderMark, as: UTF8.self) + CSVFormat.header)
    }

    @Test func entriesAreCountedAndEachIsOneJSONElement() throws {
        var count = 0
        let text = try written { sink in
            var writer = try ExportWriter(.json, to: sink, byteOrderMark: false)
            try writer.write(Fixture.entry(1, day: 1, before: 2, after: 3))
            try writer.write(Fixture.entry(2, day: 2, before: 3, after: 3))
            count = try writer.finish()
        }
        #expect(count == 2)
        #expect(text.hasPrefix("[\n{"))
        #expect(text.hasSuffix("}\n]\n"))
        #expect(text.components(separatedBy: "},\n{").count == 2)
    }
}
