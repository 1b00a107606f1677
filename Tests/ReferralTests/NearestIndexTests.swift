import CareNetwork
import CarePathSupport
import Foundation
import Testing
@testable import Referral

/// The latitude-sorted search for the nearest facility against measuring every candidate.
@Suite("Nearest facility search")
struct NearestIndexTests {
    @Test("every health centre of the national network gets the emergency hospital that measuring all of them gives, at the same distance")
    func nationalCentres() throws {
        let network = try #require(NationalNetwork.network)
        let hospitals = Array(network.emergencyHospitals)
        let index = NearestIndex(network, hospitals)
        var checked = 0
        for centre in network.healthCentres {
            let point = network[centre].location
            let fast = try #require(index.nearest(to: point)), slow = try #require(ReferralRouter.nearest(network, to: point, among: hospitals))
            #expect(fast.0 == slow.0 && fast.1 == slow.1, "\(network[centre].key)")
            checked += 1
        }
        #expect(checked > 2000)
    }

    @Test("random points in and around Morocco, and candidates at equal distance (ties to the lowest id)")
    func randomPointsAndTies() throws {
        let network = try #require(NationalNetwork.network)
        let centres = Array(network.healthCentres)
        let index = NearestIndex(network, centres)
        // Seeded: the same 2,000 points every run.
        var random = SplitMix64(state: 11)
        for _ in 0..<2000 {
            let point = GeoPoint(latitude: Double.random(in: 19...37, using: &random), longitude: Double.random(in: -18...0, using: &random))
            let fast = try #require(index.nearest(to: point)), slow = try #require(ReferralRouter.nearest(network, to: point, among: centres))
            #expect(fast.0 == slow.0 && fast.1 == slow.1)
        }
        // A point on the bisector of two candidates: the lower id wins, as the exhaustive search says.
        let pair = Array(centres.prefix(2))
        let a = network[pair[0]].location, b = network[pair[1]].location
        let midpoint = GeoPoint(latitude: (a.latitude + b.latitude) / 2, longitude: (a.longitude + b.longitude) / 2)
        #expect(NearestIndex(network, pair.reversed()).nearest(to: midpoint)?.0 == ReferralRouter.nearest(network, to: midpoint, among: pair)?.0)
        #expect(NearestIndex(network, []).nearest(to: midpoint) == nil)
    }
}
