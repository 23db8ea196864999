import ArgumentParser

/// `--json`: print data as JSON for scripts.
struct JSONOption: ParsableArguments {
    @Flag(help: "Print JSON instead of text.")
    var json = false
}
