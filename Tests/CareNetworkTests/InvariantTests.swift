import Foundation
import Testing
@testable import CareNetwork

/// ``CareNetwork/invariantViolations()``: every loaded network keeps its index invariants, a broken
/// one is reported, and a debug build stops as the broken network is built.
@Suite("CareNetwork invariants")
struct InvariantTests {
    /// The two-region fixture with one health centre's next level moved from its P2 hospital straight
    /// to the CHU: a referral that skips two levels, which the loader never builds.
    static func skippingNetwork() throws -> CareNetwork {
        let network = try NetworkLoader.load(yaml: Fixtures.twoRegions)
        var nextLevel = network.nextLevelIndex
        let centre = try #require(network.facilityID(key: "cs-one")), chu = try #require(network.facilityID(key: "chu-north"))
        nextLevel[centre.index] = Int32(chu.index)
        return CareNetwork(name: network.name, catalog: network.catalog, regions: network.regions, provinces: network.provinces,
                           facilities: network.facilities, demand: network.demand, nextLevel: nextLevel)
    }

    @Test("a loaded network has no violation")
    func loaded() throws {
        #expect(try NetworkLoader.load(yaml: Fixtures.twoRegions).invariantViolations().isEmpty)
    }

    #if DEBUG
    @Test("a next level that skips a level stops a debug build as the network is built, naming the facility")
    func brokenStopsDebugBuild() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try InvariantTests.skippingNetwork()
        }
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(stderr.contains("CareNetwork invariants broken"), "\(stderr)")
        #expect(stderr.contains("cs-one refers to chu-north, not one level up"), "\(stderr)")
    }
    #else
    @Test("a next level that skips a level is reported (a release build does not check at construction)")
    func brokenIsReported() throws {
        let problems = try Self.skippingNetwork().invariantViolations()
        #expect(problems.contains("cs-one refers to chu-north, not one level up"), "\(problems)")
        #expect(problems.contains("the chain of cs-one does not start with its next level") == false)
    }
    #endif
}
