/// A health facility of the network: a health centre or a hospital, public or private, in Morocco or
/// abroad.
public struct Facility: Hashable, Sendable {
    /// Dense id in the network.
    public let id: FacilityID
    /// The kebab-case id from the network file.
    public let key: String
    /// Its name in French and Arabic (and English, where the file gives one).
    public let name: LocalizedName
    /// Its level in the referral chain.
    public let tier: Tier
    /// Public or private; only a public facility is on a RAMED pathway (X3).
    public let sector: Sector
    /// ISO 3166 alpha-2 country code (`MA` for Morocco).
    public let country: String
    /// The region; nil only for a facility abroad.
    public let region: RegionID?
    /// The province; nil only for a facility abroad.
    public let province: ProvinceID?
    /// Where it is.
    public let location: GeoPoint
    /// Population served (health centres); 0 for other tiers.
    public let catchment: Int
    /// Whether it has an emergency service (a P0 target when public and in Morocco).
    public let hasEmergency: Bool
    /// The services it offers, sorted by service id.
    public let services: [ServiceCapacity]
    /// The explicit referral target of the file's `refers-to`, if any.
    public let explicitReferral: FacilityID?
    /// Whether the facility was generated rather than taken from a public list.
    public let synthesised: Bool
    /// The file's `source` text.
    public let source: String?

    /// Whether the facility is in Morocco.
    public var isInMorocco: Bool { country == "MA" }

    /// Whether the facility can be on a RAMED pathway: public (X3) and in Morocco (X2).
    public var isOnRAMEDPathway: Bool { sector == .public && isInMorocco }

    /// What the facility offers of `service`, or nil when it does not offer it.
    public func capacity(for service: ServiceID) -> ServiceCapacity? {
        // Services are few per facility (under 30) and sorted: a linear scan beats hashing here.
        for capacity in services where capacity.service == service { return capacity }
        return nil
    }

    /// Whether the facility offers `service` (covered or not).
    public func offers(_ service: ServiceID) -> Bool { capacity(for: service) != nil }
}
