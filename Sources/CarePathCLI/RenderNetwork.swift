import CarePathSupport
import ArgumentParser
import Diagrams
import Foundation

/// `carepath render network`.
struct RenderNetwork: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "Draw the public referral network: regions as boxes, tiers ranked, P2/P3/P4 links.",
        discussion: """
            Private (X3) and foreign (X2) facilities are left out. --collapse folds each province's health
            centres into one node with their count and population (use it for the national network); a
            --region or --province selection of more than 96 health centres is folded anyway, with a note.

            Examples:
              carepath render network --region souss-massa --lang ar -o souss-massa.png
              carepath render network --network Networks/training-small.yaml \\
                  --region atlas-pedago --lang both -o atlas.svg
            """.helpParagraphs
    )

    @OptionGroup var networkOptions: NetworkOptions
    @OptionGroup var output: RenderOutputOptions


    @Option(name: .customLong("region"), help: "Only this region (file id); repeat for several.")
    var regions: [String] = []

    @Option(name: .customLong("province"), help: "Only this province (file id); repeat for several.")
    var provinces: [String] = []

    @Flag(help: "Fold each province's health centres into one node with their count and population.")
    var collapse = false

    func run() throws {
        try output.checkDestination()
        let network = try networkOptions.load().network
        let options = NetworkDiagramOptions(regions: regions, provinces: provinces, collapseHealthCentres: collapse, language: output.language)
        let centres = try NetworkDiagram.healthCentres(of: network, options: options)
        let graph = try NetworkDiagram.graph(of: network, options: options)
        // Past --max-nodes the layout would take minutes: refused before the note below, which would not apply.
        let fewer = (collapse ? "" : "--collapse folds each province's health centres into one node; ")
            + "--region ID or --province ID draws part of the network"
        try output.checkSize(graph, fewer: fewer)
        if !collapse, try NetworkDiagram.foldsHealthCentres(of: network, options: options) {
            StandardError.write("note: \(centres) health centres: folded into one node per province (more than \(NetworkDiagram.maxHealthCentresDrawn) "
                + "one by one would not be legible on a page); --province ID draws a province of at most \(NetworkDiagram.maxHealthCentresDrawn) one by one.\n")
        } else if !collapse, centres > NetworkDiagram.maxWrappedHealthCentres {
            StandardError.write("note: \(centres) health centres drawn one by one, one row per region: a very wide drawing. "
                + "--collapse folds them by province; --region or --province draws fewer.\n")
        }
        try output.write(graph, fewer: fewer)
    }
}
