import ArgumentParser
import CarePathSupport
import CareNetwork
import Foundation
import ResultReport
import SimulationResults

extension ReportLanguages: ExpressibleByArgument {}

/// `carepath report`: a result (or two, compared) as one self-contained HTML file.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a simulation result as one self-contained HTML report, for a browser or a printer.",
        discussion: """
            Reads a result.json written by `carepath simulate --out DIR` and writes one HTML file that
            loads nothing from anywhere (its style and SVG charts are inline, its fonts Debian's, named
            by family): what was run, the accounting per replication and per day, tables by region and
            by tier, the day-end census with the warm-up, the distribution of utilisation by tier, the
            longest waits with their intervals, the flows between tiers, the busiest and overloaded
            stations. With --compare, what changed by region and station, with its significance, as
            `carepath compare` judges it. It prints on A4. See Docs/report.md.

            Example:
              carepath simulate --network Networks/training-small.yaml --days 30 --out run
              carepath report run/result.json --lang both -o report.html
            """.helpParagraphs
    )

    @Argument(help: "The result.json to report on (the baseline with --compare).") var result: String
    @Option(name: .customLong("compare"), help: "A second result.json, compared with the first.") var other: String?
    @Option(name: .customLong("lang"), help: "Language: fr, ar (right to left) or both (the French report, then the Arabic one).")
    var language: ReportLanguages = .fr
    @Option(name: [.short, .customLong("output")], help: "The HTML file to write (written whole: a temporary file, then renamed); - for standard output.")
    var output: String
    @Option(help: "List at most this many stations in each table and chart.") var limit: Int = 15
    @Flag(help: "Compare results of different networks (by digest) all the same: only their common stations are paired.")
    var allowDifferentNetworks = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        if output != "-" { try AtomicFile.checkReplaceable(output) }
        let baseline = try ResultDocument.read(path: result)
        let variant = try other.map { path in ResultReport.Input(document: try ResultDocument.read(path: path), path: path) }
        if let variant, !allowDifferentNetworks {
            try CompareNetworks.check(baseline: baseline, baselinePath: result, other: variant.document, otherPath: variant.path)
        }
        let report = ResultReport(baseline: .init(document: baseline, path: result), variant: variant, languages: language,
                                  names: Self.names(baseline), limit: limit)
        let html = report.html()
        if output == "-" { StandardOutput.write(Array(html.utf8)) } else { try AtomicFile.write(html, to: output) }
    }

    /// Region and network names from the network the result records, when it is here and is the
    /// same file (by digest); else the report writes the keys.
    static func names(_ document: ResultDocument) -> ReportNames {
        let path = document.network.path
        guard let data = FileManager.default.contents(atPath: path), FNV1a64.digest(of: data) == document.network.digest,
              let network = try? NetworkLoader.load(path: path) else { return ReportNames() }
        return ReportNames(network)
    }
}
