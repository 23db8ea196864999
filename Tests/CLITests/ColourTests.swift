import Foundation
import Testing

/// Colour only on a terminal, never with NO_COLOR: run through `script`, which gives the binary a terminal.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
struct ColourTests {
    let sandbox = Sandbox()

    func onATerminal(_ command: String) throws -> String {
        try execute(
            "/usr/bin/script", ["-qec", "\(Sandbox.binary.path) \(command)", "/dev/null"],
            environment: sandbox.environment.merging(["TERM": "xterm"]) { $1 }
        ).stdout
    }

    @Test func warningsAreRedOnATerminal() throws {
        let output = try onATerminal("log bird-dog --pain-before 2 --pain-after 4")
        #expect(output.contains("\u{1B}[1;31mSTOP\u{1B}[0m"))
    }

    @Test func noColourWithNoColor() throws {
        sandbox.environment["NO_COLOR"] = "1"
        let output = try onATerminal("log bird-dog --pain-before 2 --pain-after 4")
        #expect(output.contains("STOP Pain went up"))
        #expect(!output.contains("\u{1B}["))
    }

    @Test func noColourWhenPiped() throws {
        let run = try sandbox.run("log", "bird-dog", "--pain-before", "2", "--pain-after", "4")
        #expect(!run.stderr.contains("\u{1B}["))
    }
}
