import Foundation
import Testing

@Suite("carepath render load --region, --province, --collapse")
struct RenderLoadCommandTests {
    static let training = CLI.packageRoot.appendingPathComponent("Networks/training-small.yaml").path
    static let load = CLI.packageRoot.appendingPathComponent("Docs/diagrams/load-training-small.json").path

    @Test("--region draws one region; --collapse folds the centres; a typo gets a hint; a region without load is an error")
    func filters() throws {
        let region = try CLI.run(["render", "load", "--network", Self.training, "--input", Self.load, "--region", "atlas-pedago", "--format", "dot"])
        #expect(region.status == 0 && region.stderr.isEmpty, "\(region.stderr)")
        #expect(region.stdout.contains("subgraph \"cluster_atlas-pedago\"") && !region.stdout.contains("subgraph \"cluster_oasis-pedago\""))
        let collapsed = try CLI.run(["render", "load", "--network", Self.training, "--input", Self.load, "--collapse", "--format", "dot"])
        #expect(collapsed.status == 0 && collapsed.stdout.contains("\"hc:") && !collapsed.stdout.contains("\"f:cs-haouz-1\""))
        let svg = try CLI.run(["render", "load", "--network", Self.training, "--input", Self.load, "--province", "haouz-pedago"])
        #expect(svg.status == 0 && svg.stdout.contains("<svg"), "\(svg.stderr)")
        let typo = try CLI.run(["render", "load", "--network", Self.training, "--input", Self.load, "--region", "oasis-pedagog"])
        #expect(typo.status == 1 && typo.stderr.contains("unknown region 'oasis-pedagog'") && typo.stderr.contains("oasis-pedago"), "\(typo.stderr)")
        let empty = try CLI.run(["render", "load", "--network", Self.training, "--input", Self.load, "--region", "oasis-pedago", "-o", try CLI.temporaryDirectory() + "/e.svg"])
        #expect(empty.status == 1 && empty.stderr == "error: the load has no facility in the regions or provinces asked for (oasis-pedago)\n", "\(empty.stderr)")
    }
}
