import ArgumentParser

/// Text for people, JSON for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}

/// `--format text|json`, shared by every command that prints results.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text (for people) or json (stable, for scripts).")
    var format: OutputFormat = .text
}

/// `--network FILE`, shared by every command that reads a network.
struct NetworkOptions: ParsableArguments {
    @Option(help: "Network file (YAML or JSON). Default: the bundled national network, Networks/morocco.yaml.")
    var network: String?
}
