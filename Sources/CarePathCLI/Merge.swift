import ArgumentParser
import CarePathSupport
import Foundation
import SimulationResults
import Sweeps

/// `carepath merge PART... --out DIR`: the results of a run from its shards' partials.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the partial results of a run's shards into its results.",
        discussion: """
            Reads the partials written by `carepath simulate --shard K/M --partial FILE` (or
            --replication-range A..<B), checks that they are of one run (the same network and
            scenario files, by digest, seed, days, warm-up, replications and CarePath version) and
            hold each of its replications exactly once, and writes to --out DIR the result.json and
            CSV tables that `carepath simulate --out DIR` writes for the whole run, byte for byte.
            The network and scenario are read again from the paths the partials record (relative
            ones from the current directory). See Docs/sweeps.md.

            Examples:
              carepath simulate --network Networks/training-small.yaml --replications 8 \\
                  --shard 1/2 --partial parts/1.partial
              carepath simulate --network Networks/training-small.yaml --replications 8 \\
                  --shard 2/2 --partial parts/2.partial
              carepath merge parts/1.partial parts/2.partial --out results/merged
            """.helpParagraphs
    )

    @Argument(help: "The partial results, in any order.") var partials: [String]
    @Option(help: "Write result.json, stations.csv, facilities.csv, links.csv, pathways.csv and daily.csv to this directory.") var out: String
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !partials.isEmpty else { throw ValidationError("give the partial results to merge") }
    }

    func run() throws {
        let started = Date()
        let merged: PartialMerge, files: ResultFiles
        do {
            merged = try PartialMerge.read(paths: partials)
            files = try merged.resultFiles(version: CarePathVersion.string)
        } catch { throw CommandFailure(error.message, hint: error.hint, diagnostics: error.diagnostics) }
        do { try files.write(to: out) } catch { throw Simulate.writeFailure(error) }
        let summary = MergeSummary(merge: merged, document: files.document, partials: partials.count, out: out,
                                   wallSeconds: Date().timeIntervalSince(started))
        print(output.format == .json ? summary.json() : summary.text(), terminator: "")
    }
}
