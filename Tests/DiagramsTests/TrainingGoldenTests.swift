import CareNetwork
@testable import Diagrams
import Foundation
import Referral
import Testing

/// Golden DOT text of each diagram kind on `Networks/training-small.yaml`, pinned byte for byte in
/// `Golden/training-*.dot`. After an intended change, regenerate them with
/// `CAREPATH_UPDATE_GOLDENS=1 swift test --filter TrainingGoldenTests` and review the diff.
@Suite("Golden diagrams of the training network")
struct TrainingGoldenTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = here.deletingLastPathComponent().deletingLastPathComponent()

    static func network() throws -> CareNetwork {
        try NetworkLoader.load(path: root.appendingPathComponent("Networks/training-small.yaml").path)
    }

    static func check(_ dot: String, golden name: String) throws {
        let file = here.appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["CAREPATH_UPDATE_GOLDENS"] == "1" {
            try dot.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(dot == expected, "\(name) differs from its golden")
    }

    @Test("network diagram, French and Arabic")
    func network() throws {
        try Self.check(NetworkDiagram.graph(of: Self.network(), options: NetworkDiagramOptions(language: .both)).dotSource, golden: "training-network.dot")
    }

    @Test("pathway diagram: cardiac surgery from cs-haouz-1 up to the CHU (P1-P4, P5)")
    func pathway() throws {
        let network = try Self.network()
        let centre = try #require(network.facilityID(key: "cs-haouz-1"))
        let service = try #require(network.catalog.id(forKey: "cardiac-surgery"))
        let pathway = try ReferralRouter(network: network).route(ReferralRequest(entry: .healthCentre(centre), service: service))
        let input = PathwayDiagramInput(pathway: pathway, in: network, service: "cardiac-surgery")
        try Self.check(PathwayDiagram.graph(of: input, in: network).dotSource, golden: "training-pathway.dot")
    }

    @Test("load diagram: utilisation and flows along cs-haouz-1's chain")
    func load() throws {
        let network = try Self.network()
        let centre = try #require(network.facilityID(key: "cs-haouz-1"))
        let chain = try #require(network.chain(of: centre))
        let ids = chain.facilities
        let input = LoadDiagramInput(
            utilisation: Dictionary(uniqueKeysWithValues: zip(ids, [0.35, 0.72, 0.91, 1.05])),
            flows: zip(ids, ids.dropFirst()).enumerated().map { .init(from: $1.0, to: $1.1, patients: Double(40 >> $0)) })
        try Self.check(LoadDiagram.graph(of: input, in: network).dotSource, golden: "training-load.dot")
    }
}
