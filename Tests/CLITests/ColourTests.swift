import Foundation
import Testing

/// Colour only on a terminal, never with NO_COLOR: run through util-linux `script`, which gives the
/// binary a terminal.
@Suite struct ColourTests {
    let sandbox = Sandbox()

    /// util-linux `script`, or `nil` after printing why the test that asked is skipped.
    static func script(for test: String = #function) throws -> String? {
        guard let script = which("script") else {
            print("skipped \(test): util-linux script is not installed, so there is no terminal to run on")
            return nil
        }
        guard try execute(script, ["--version"]).stdout.contains("util-linux") else {
            print("skipped \(test): \(script) is not util-linux script, whose options the test uses")
            return nil
        }
        return script
    }

    func onATerminal(_ script: String, _ command: String) throws -> String {
        try execute(
            script, ["-qec", "\(Sandbox.binary.path) \(command)", "/dev/null"],
            environment: sandbox.environment.merging(["TERM": "xterm"]) { $1 }
        ).stdout
    }

    @Test func warningsAreRedOnATerminal() throws {
        guard let script = try Self.script() else { return }
        let output = try onATerminal(script, "log bird-dog --pain-before 2 --pain-after 4")
        #expect(output.contains("\u{1B}[1;31mSTOP\u{1B}[0m"))
    }

    @Test func noColourWithNoColor() throws {
        guard let script = try Self.script() else { return }
        sandbox.environment["NO_COLOR"] = "1"
        let output = try onATerminal(script, "log bird-dog --pain-before 2 --pain-after 4")
        #expect(output.contains("STOP Pain went up"))
        #expect(!output.contains("\u{1B}["))
    }

    @Test func noColourWhenPiped() throws {
        let run = try sandbox.run("log", "bird-dog", "--pain-before", "2", "--pain-after", "4")
        #expect(!run.stderr.contains("\u{1B}["))
    }
}
