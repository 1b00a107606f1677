import ArgumentParser
import CareNetwork
import Diagrams
import Foundation

/// `carepath render pathway`.
struct RenderPathway: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pathway",
        abstract: "Draw one patient's pathway: numbered steps, the rule of each step, the treating facility.",
        discussion: """
            Walks from the patient's health centre (P1) up the network's chain (P2, P3, P4) to the first
            facility that offers the service; --emergency starts at the nearest public hospital with an
            emergency service (P0). Until the router (module Referral) is wired in, the walk is the
            network's default chain only (provisionalChainWalk).

            Example: carepath render pathway --network Networks/training-small.yaml --from cs-tensift-1 --service cardiac-surgery -o pathway.svg
            """
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
        let network = try networkOptions.loadForRendering()
        try runReportingFailures {
            let pathway = try provisionalChainWalk(network: network, from: from, serviceKey: service, emergency: emergency)
            try output.write(PathwayDiagram.graph(of: pathway, in: network, language: output.language))
        }
    }
}

/// A stand-in for the router (module Referral, not merged yet): the network's default chain only.
/// Non-emergency: P1 at the health centre, then P2/P3/P4 via `nextLevel(from:)`, stopping at the first
/// facility that offers the service (P5). Emergency (P0): the nearest public hospital with an emergency
/// service, then up the chain from there. Replace with the router's `Pathway` when it lands.
func provisionalChainWalk(network: CareNetwork, from key: String, serviceKey: String, emergency: Bool) throws -> PathwayDiagramInput {
    guard let start = network.facility(key: key) else {
        throw DiagramsError.unknownReference(kind: "facility", key: key, hint: nil)
    }
    guard start.tier == .healthCentre, start.isOnRAMEDPathway else {
        throw RenderFailure(message: "'\(key)' is not a public health centre in Morocco: a pathway starts at the centre on the card (P1, X2, X3)")
    }
    guard let service = network.catalog.service(forKey: serviceKey) else {
        throw DiagramsError.unknownReference(kind: "service", key: serviceKey, hint: nil)
    }
    let serviceLabel = service.key
    let defaultChain = network.chain(of: start.id)?.facilities ?? [start.id]
    if service.isExcluded {
        // X1: an excluded service is never covered, whatever the facility.
        return PathwayDiagramInput(
            steps: [.init(facility: start.id, rule: "P1", action: "first contact")], outcome: .notCovered,
            reason: "\(service.rule): \(service.key) is excluded from the basket of care", service: serviceLabel, defaultChain: defaultChain)
    }
    var steps: [PathwayDiagramInput.Step] = []
    var current: FacilityID
    if emergency {
        // P0: the nearest public hospital with an emergency service (ties: the lower id).
        guard let nearest = network.emergencyHospitals.min(by: {
            (network.distanceKm(start.id, $0), $0.index) < (network.distanceKm(start.id, $1), $1.index)
        }) else {
            return PathwayDiagramInput(steps: [], outcome: .unavailable, reason: "P0: no public hospital with an emergency service", service: serviceLabel, defaultChain: defaultChain)
        }
        current = nearest
        steps.append(.init(facility: nearest, rule: "P0", action: "emergency"))
    } else {
        current = start.id
        steps.append(.init(facility: start.id, rule: "P1", action: "first contact"))
    }
    while true {
        if network[current].offers(service.id) {
            steps[steps.count - 1].action += ": treats (P5)"
            return PathwayDiagramInput(steps: steps, outcome: .treated, service: serviceLabel, defaultChain: defaultChain)
        }
        guard let next = network.nextLevel(from: current) else {
            steps[steps.count - 1].action += ": does not offer it"
            return PathwayDiagramInput(
                steps: steps, outcome: .unavailable,
                reason: "no facility of the chain offers \(service.key) (P5)", service: serviceLabel, defaultChain: defaultChain)
        }
        steps[steps.count - 1].action += ": refers up"
        // P2-P4: one level up the chain, never sideways.
        steps.append(.init(facility: next, rule: network[next].tier.arrivalRule, action: "referral"))
        current = next
    }
}
