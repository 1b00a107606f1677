import CareNetwork
import CareRules

/// One patient to route: where they enter, the service they need, whether it is an emergency, and what
/// their card or receipt entitles them to on the day.
public struct ReferralRequest: Hashable, Sendable {
    /// Where the patient starts.
    public enum Entry: Hashable, Sendable {
        /// P1: the health centre printed on the card.
        case healthCentre(FacilityID)
        /// A place: the nearest public health centre is the first contact (P1), the nearest public
        /// hospital with an emergency service the emergency target (P0).
        case location(GeoPoint)
    }

    /// Where the patient starts.
    public var entry: Entry
    /// The service needed.
    public var service: ServiceID
    /// P0: an emergency bypasses the chain.
    public var emergency: Bool
    /// The patient's status on the day (C2, C5, C6); by default a cardholder with a valid card.
    public var status: BeneficiaryStatus

    /// A patient entering at `entry` who needs `service`; by default not an emergency, holding a valid card.
    public init(entry: Entry, service: ServiceID, emergency: Bool = false, status: BeneficiaryStatus = .assumedCardholder) {
        self.entry = entry
        self.service = service
        self.emergency = emergency
        self.status = status
    }
}

/// Why a request cannot be routed at all (as opposed to a pathway that ends not covered or unavailable).
public enum ReferralError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The entry facility is a hospital: a non-emergency pathway starts at a health centre (P1).
    case notAHealthCentre(key: String, tier: Tier)
    /// The network has no public health centre to start from.
    case noHealthCentre

    public var description: String {
        switch self {
        case .notAHealthCentre(let key, let tier):
            "'\(key)' is a \(tier.name.en ?? tier.rawValue), not a health centre: a pathway starts at the health centre on the card (P1)"
        case .noHealthCentre:
            "the network has no public health centre in Morocco to start from (P1)"
        }
    }
}
