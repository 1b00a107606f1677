import CarePathSupport
import ArgumentParser
import CareNetwork
import Diagrams
import Foundation

/// `carepath render network|pathway|load`.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the network, a patient's pathway or the referral load as svg, png, pdf or dot.",
        discussion: """
            Diagrams are laid out in-process by Graphviz (libgvc). Labels are French, Arabic, English or both French and Arabic (--lang).
            Without -o, or with -o -, the diagram goes to standard output; with -o FILE the format is taken
            from the file's extension unless --format is given. A diagram of more than --max-nodes nodes
            or links (6,000) is refused: its layout would take minutes. See Docs/diagrams.md.

            Example:
              carepath render network --collapse --lang both -o network.svg
            """.helpParagraphs,
        subcommands: [RenderNetwork.self, RenderPathway.self, RenderLoad.self]
    )
}

extension DiagramFormat: ExpressibleByArgument {}

/// `--lang fr|ar|en|both`: French, Arabic, English, or French above Arabic.
extension LabelLanguages: ExpressibleByArgument {
    /// The words `--lang` takes, with the labels each gives.
    static let argumentValues: [(word: String, languages: LabelLanguages)] = [("fr", .fr), ("ar", .ar), ("en", .en), ("both", .both)]

    public init?(argument: String) {
        guard let match = Self.argumentValues.first(where: { $0.word == argument }) else { return nil }
        self = match.languages
    }

    public var defaultValueDescription: String {
        Self.argumentValues.first { $0.languages == self }?.word ?? languages.map(\.rawValue).joined(separator: "+")
    }

    public static var allValueStrings: [String] { argumentValues.map(\.word) }

    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

/// `--format`, `-o`, `--lang` and `--max-nodes`, shared by every `render` subcommand.
struct RenderOutputOptions: ParsableArguments {
    @Option(help: "Output format: svg, png, pdf or dot. Default: from -o's extension, else svg.")
    var format: DiagramFormat?

    @Option(name: [.short, .customLong("output")], help: "File to write (written whole: a temporary file, then renamed); - for standard output. Default: standard output.")
    var output: String?

    @Option(name: .customLong("lang"), help: "Label language: fr, ar, en or both (French above Arabic).")
    var language: LabelLanguages = .fr

    @Option(name: .customLong("max-nodes"), help: ArgumentHelp(
        "Lay out at most this many nodes, and as many links; a larger diagram is refused (its layout would take minutes). --format dot is never refused.",
        valueName: "n"))
    var maxNodes: Int = GraphvizRenderer.defaultLimit

    /// The file -o names, or nil for standard output (no -o, or `-o -`).
    var file: String? { output == "-" ? nil : output }

    func validate() throws {
        guard maxNodes > 0 else { throw ValidationError("--max-nodes must be at least 1") }
        // A directory, a FIFO or a device at -o is refused by run() with what it is, not with its extension.
        if format == nil, let file, (try? AtomicFile.checkReplaceable(file)) != nil, DiagramFormat(fileExtension: URL(fileURLWithPath: file).pathExtension) == nil {
            throw ValidationError("cannot tell the format from '\(file)': add --format svg|png|pdf|dot, or use a .svg, .png, .pdf or .dot file name")
        }
    }

    /// The format to write: --format, else -o's extension, else svg.
    var resolvedFormat: DiagramFormat {
        format ?? file.flatMap { DiagramFormat(fileExtension: URL(fileURLWithPath: $0).pathExtension) } ?? .svg
    }

    /// Refuses an -o that cannot be written before anything is loaded or laid out: a directory, a
    /// device, FIFO, socket or symbolic link there, or a folder that does not exist. The write itself
    /// (AtomicFile) checks again.
    func checkDestination() throws {
        guard let file else { return }
        try AtomicFile.checkReplaceable(file)
    }

    /// Refuses `graph` when it is larger than --max-nodes allows for a layout (never for --format dot),
    /// with `fewer` (how to draw less) and the --max-nodes that would draw it as the hint.
    func checkSize(_ graph: DiagramGraph, fewer: String) throws {
        guard resolvedFormat != .dot else { return }
        do { try GraphvizRenderer.checkSize(graph, limit: maxNodes) } catch { throw Self.failure(error, fewer: fewer) }
    }

    private static func failure(_ error: DiagramsError, fewer: String) -> any Error {
        guard case .tooLarge(let nodes, let edges, _) = error else { return error }
        return CommandFailure(error.description, hint: "\(fewer); --max-nodes \(max(nodes, edges)) draws it anyway, slowly")
    }

    /// Renders `graph` and writes it to -o (whole, via a temporary file in the same folder) or stdout.
    func write(_ graph: DiagramGraph, fewer: String) throws {
        try checkSize(graph, fewer: fewer)
        let data: Data
        do { data = try GraphvizRenderer().render(graph, format: resolvedFormat, limit: maxNodes) } catch { throw Self.failure(error, fewer: fewer) }
        guard let file else {
            StandardOutput.write([UInt8](data))
            return
        }
        try AtomicFile.write([UInt8](data), to: file)
    }
}
