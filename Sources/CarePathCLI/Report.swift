import ArgumentParser
import CarePathSupport
import CareNetwork
import Diagrams
import Foundation
import LoadSimulation
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
            stations, and the load pictures of `carepath render load` for the country and each region
            (when the network the result records is here, unchanged). With --compare, what changed by
            region and station, with its significance, as `carepath compare` judges it, and the load
            pictures of both runs, side by side: the country, then each region that changed. It prints
            on A4. See Docs/report.md.

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
    @Flag(help: "Leave out the load pictures of the country and its regions.")
    var noPictures = false

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
        let network = Self.network(of: baseline)
        var pictures: [LoadPicture] = []
        if !noPictures, let variant {
            // Each area drawn for both runs, each on its own network (the variant's scenario applied).
            let otherNetwork = Self.network(of: variant.document)
            if let network, let otherNetwork {
                pictures = Self.pictures(baseline, network: network, path: result, compared: variant.document, otherNetwork: otherNetwork, otherPath: variant.path,
                                         languages: language.languages)
            } else {
                let missing = network == nil ? baseline.network.path : variant.document.network.path
                StandardError.write("note: the network a result records ('\(missing)') is not here, or has changed since, or its scenario: the report has no load pictures\n")
            }
        } else if !noPictures {
            if let network {
                pictures = Self.pictures(baseline, network: network, path: result, languages: language.languages)
            } else {
                StandardError.write("note: the network the result records ('\(baseline.network.path)') is not here, or has changed since: the report has no load pictures\n")
            }
        }
        let report = ResultReport(baseline: .init(document: baseline, path: result), variant: variant, languages: language,
                                  names: network.map(ReportNames.init) ?? ReportNames(), limit: limit, pictures: pictures)
        let html = report.html()
        if output == "-" { StandardOutput.write(Array(html.utf8)) } else { try AtomicFile.write(html, to: output) }
    }

    /// The network the result records, when it is here and is the same file (by digest), with the
    /// recorded scenario applied when it is here and the same too; else nil (the report then writes
    /// the regions' keys and has no pictures).
    static func network(of document: ResultDocument) -> CareNetwork? {
        func unchanged(_ path: String, _ digest: String) -> Bool {
            FileManager.default.contents(atPath: path).map { FNV1a64.digest(of: $0) == digest } ?? false
        }
        let path = document.network.path
        guard unchanged(path, document.network.digest) else { return nil }
        if let scenario = document.scenario {
            guard unchanged(scenario.path, scenario.digest) else { return nil }
            return ScenarioLoader.check(scenarioPath: scenario.path, networkPath: path).application?.network
        }
        return try? NetworkLoader.load(path: path)
    }

    /// The load of `document` drawn for the country, then for each region with a facility in it, in
    /// each of `languages`; none when the load does not fit `network`.
    static func pictures(_ document: ResultDocument, network: CareNetwork, path: String, languages: [Language]) -> [LoadPicture] {
        guard let input = try? RenderLoad.diagramInput(document.load, in: network, path: path, field: "load.") else { return [] }
        let selections: [(title: LocalizedName, regions: [String])] = [(LoadPicture.country, [])] + network.regions.map { ($0.name, [$0.key]) }
        return selections.compactMap { selection in
            svgs(input, on: network, regions: selection.regions, languages: languages).map { LoadPicture(title: selection.title, svg: $0) }
        }
    }

    /// For a comparison: the country, then each region that changed (`ResultReport.changedRegions`),
    /// drawn for `document` on `network` and for `other` on `otherNetwork`, in each of `languages`;
    /// none when a load does not fit its network.
    static func pictures(_ document: ResultDocument, network: CareNetwork, path: String, compared other: ResultDocument, otherNetwork: CareNetwork, otherPath: String,
                         languages: [Language]) -> [LoadPicture] {
        guard let before = try? RenderLoad.diagramInput(document.load, in: network, path: path, field: "load."),
              let after = try? RenderLoad.diagramInput(other.load, in: otherNetwork, path: otherPath, field: "load.") else { return [] }
        let changed = Set(ResultReport.changedRegions(baseline: document, other: other))
        let regions = network.regions.map { ($0.key, $0.name) } + otherNetwork.regions.filter { region in network.region(key: region.key) == nil }.map { ($0.key, $0.name) }
        let selections: [(title: LocalizedName, regions: [String])] = [(LoadPicture.country, [])] + regions.filter { changed.contains($0.0) }.map { ($0.1, [$0.0]) }
        return selections.compactMap { selection in
            let first = svgs(before, on: network, regions: selection.regions, languages: languages)
            let second = svgs(after, on: otherNetwork, regions: selection.regions, languages: languages)
            guard first != nil || second != nil else { return nil }
            return LoadPicture(title: selection.title, svg: first ?? [:], after: second ?? [:])
        }
    }

    /// One Graphviz context for every picture of the report (a context per picture cost more than
    /// some of the pictures).
    static let renderer = try? GraphvizRenderer()

    /// `input` drawn on `network` for `regions` (none: the country) as SVG in each of `languages`;
    /// nil when there is nothing of the load there, or it cannot be drawn.
    static func svgs(_ input: LoadDiagramInput, on network: CareNetwork, regions: [String], languages: [Language]) -> [Language: String]? {
        guard regions.allSatisfy({ network.region(key: $0) != nil }), let renderer else { return nil }
        var svg: [Language: String] = [:]
        for language in languages {
            let options = NetworkDiagramOptions(regions: regions, language: LabelLanguages(language))
            guard let graph = try? LoadDiagram.graph(of: input, in: network, options: options),
                  graph.clusters.contains(where: { $0.id != "legend" }),
                  let data = try? renderer.render(graph, format: .svg) else { return nil }
            svg[language] = String(decoding: data, as: UTF8.self)
        }
        return svg
    }
}
