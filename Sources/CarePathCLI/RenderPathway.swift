import CarePathSupport
import ArgumentParser
import CareNetwork
import Diagrams
import Foundation
import Referral

/// `carepath render pathway`.
struct RenderPathway: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pathway",
        abstract: "Draw one patient's pathway: numbered steps, the rule of each step, the treating facility.",
        discussion: """
            Walks from the patient's health centre (P1) up the network's chain (P2, P3, P4) to the first
            facility that provides the service (P5); --emergency starts at the nearest public hospital with
            an emergency service (P0). The route is the router's (module Referral, as `carepath route`).

            Example:
              carepath render pathway --network Networks/training-small.yaml \\
                  --from cs-tensift-1 --service cardiac-surgery -o pathway.svg
            """.helpParagraphs
    )

    @OptionGroup var networkOptions: NetworkOptions
    @OptionGroup var output: RenderOutputOptions


    @Option(help: "The patient's health centre (facility id), the one on the card (P1).")
    var from: String

    @Option(help: "The service needed (catalogue id, see carepath basket).")
    var service: String

    @Flag(help: "The patient is an emergency (P0): go to the nearest public hospital with an emergency service.")
    var emergency = false

    func run() throws {
        try output.checkDestination()
        let network = try networkOptions.load().network
        let pathway = try routedPathway(network: network, from: from, serviceKey: service, emergency: emergency)
        // A pathway draws a handful of nodes: the bound is only a backstop here.
        try output.write(PathwayDiagram.graph(of: pathway, in: network, language: output.language), fewer: "a pathway draws its steps and its chain")
    }
}

/// Routes the patient with the router (module Referral): P1 at the health centre, P2-P4 up the chain
/// to the first facility that provides the service (P5), or P0 to the nearest emergency hospital.
func routedPathway(network: CareNetwork, from key: String, serviceKey: String, emergency: Bool) throws -> PathwayDiagramInput {
    guard let start = network.facilityID(key: key) else {
        throw DiagramsError.unknownReference(kind: "facility", key: key, hint: Suggestion.nearest(to: key, in: network.facilityKeys))
    }
    guard let service = network.catalog.service(forKey: serviceKey) else {
        throw DiagramsError.unknownReference(kind: "service", key: serviceKey, hint: Suggestion.nearest(to: serviceKey, in: network.catalog.services.map(\.key)))
    }
    let request = ReferralRequest(entry: .healthCentre(start), service: service.id, emergency: emergency)
    return PathwayDiagramInput(pathway: try ReferralRouter(network: network).route(request), in: network, service: service)
}
