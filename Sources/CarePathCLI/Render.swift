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
            Diagrams are laid out in-process by Graphviz (libgvc). Labels are French, Arabic or both (--lang).
            Without -o the diagram goes to standard output; with -o the format is taken from the file's
            extension unless --format is given. See Docs/diagrams.md.

            Example:
              carepath render network --collapse --lang both -o network.svg
            """.helpParagraphs,
        subcommands: [RenderNetwork.self, RenderPathway.self, RenderLoad.self]
    )
}

extension DiagramFormat: ExpressibleByArgument {}

/// `--lang fr|ar|both`: French, Arabic, or French above Arabic.
extension LabelLanguages: ExpressibleByArgument {
    /// The words `--lang` takes, with the labels each gives.
    static let argumentValues: [(word: String, languages: LabelLanguages)] = [("fr", .fr), ("ar", .ar), ("both", .both)]

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

/// `--format`, `-o` and `--lang`, shared by every `render` subcommand.
struct RenderOutputOptions: ParsableArguments {
    @Option(help: "Output format: svg, png, pdf or dot. Default: from -o's extension, else svg.")
    var format: DiagramFormat?

    @Option(name: [.short, .customLong("output")], help: "File to write (written whole: a temporary file, then renamed). Default: standard output.")
    var output: String?

    @Option(name: .customLong("lang"), help: "Label language: fr, ar or both.")
    var language: LabelLanguages = .fr

    func validate() throws {
        if format == nil, let output, DiagramFormat(fileExtension: URL(fileURLWithPath: output).pathExtension) == nil {
            throw ValidationError("cannot tell the format from '\(output)': add --format svg|png|pdf|dot, or use a .svg, .png, .pdf or .dot file name")
        }
    }

    /// The format to write: --format, else -o's extension, else svg.
    var resolvedFormat: DiagramFormat {
        format ?? output.flatMap { DiagramFormat(fileExtension: URL(fileURLWithPath: $0).pathExtension) } ?? .svg
    }

    /// Renders `graph` and writes it to -o (whole, via a temporary file in the same folder) or stdout.
    func write(_ graph: DiagramGraph) throws {
        let data: Data
        data = try GraphvizRenderer().render(graph, format: resolvedFormat)
        guard let output else {
            StandardOutput.write([UInt8](data))
            return
        }
        try AtomicFile.write([UInt8](data), to: output)
    }
}
