/// A health centre's default referral chain, precomputed at load time: its P2 hospital, that
/// hospital's regional hospital (P3) and that regional hospital's CHU (P4), with the great-circle
/// distance of each hop. A level is nil only in a network that failed validation, never in a
/// loaded ``CareNetwork``.
public struct ReferralChain: Hashable, Sendable {
    /// The health centre the chain starts from (P1).
    public let healthCentre: FacilityID
    /// P2: the nearest public local, provincial or specialised hospital in the region (or `refers-to`).
    public let p2: FacilityID?
    /// P3: the P2 hospital's regional hospital.
    public let p3: FacilityID?
    /// P4: the regional hospital's CHU, in another region where the region has none.
    public let p4: FacilityID?
    /// Kilometres from the health centre to P2, P2 to P3, and P3 to P4 (0 where the level is missing).
    public let hopKm: (toP2: Double, toP3: Double, toP4: Double)

    public static func == (a: ReferralChain, b: ReferralChain) -> Bool {
        a.healthCentre == b.healthCentre && a.p2 == b.p2 && a.p3 == b.p3 && a.p4 == b.p4
            && a.hopKm == b.hopKm
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(healthCentre)
        hasher.combine(p2)
        hasher.combine(p3)
        hasher.combine(p4)
    }

    /// The facilities of the chain in order, health centre first, stopping at the first missing level.
    public var facilities: [FacilityID] {
        var result = [healthCentre]
        for next in [p2, p3, p4] {
            guard let next else { break }
            result.append(next)
        }
        return result
    }
}
