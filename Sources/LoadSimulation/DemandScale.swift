import CareNetwork

/// A factor on the demand of each (region, service): the annual visits of a health centre's
/// catchment for a service are multiplied by the factor of the centre's region and that service.
/// The identity (every factor 1) is the network's own demand. A scenario's `demand:` entries build
/// one (Docs/scenarios.md); ``SimulationModel/init(network:table:demandScale:)`` applies it.
public struct DemandScale: Sendable, Hashable {
    /// Per region × service, row-major by region: `factors[region * serviceCount + service]`.
    public private(set) var factors: [Double]
    /// The number of regions of the network the scale was made for.
    public let regionCount: Int
    /// The number of services of its catalogue.
    public let serviceCount: Int

    /// Every factor 1: the network's demand unchanged.
    public init(regionCount: Int, serviceCount: Int) {
        self.regionCount = regionCount
        self.serviceCount = serviceCount
        factors = Array(repeating: 1, count: regionCount * serviceCount)
    }

    /// The identity scale of `network`.
    public init(network: CareNetwork) {
        self.init(regionCount: network.regions.count, serviceCount: network.catalog.count)
    }

    /// Multiplies the factor of `region` (every region when nil) and `service` (every service when
    /// nil) by `factor`. Factors multiply: a region-wide ×1.2 and a maternity ×1.5 give ×1.8 there.
    public mutating func multiply(region: RegionID?, service: ServiceID?, by factor: Double) {
        let regions = region.map { [$0.index] } ?? Array(0..<regionCount)
        let services = service.map { [$0.index] } ?? Array(0..<serviceCount)
        for r in regions {
            for s in services { factors[r * serviceCount + s] *= factor }
        }
    }

    /// The factor of a health centre in `region` for `service` (1 for a centre with no region).
    public func factor(region: RegionID?, service: ServiceID) -> Double {
        guard let region, region.index < regionCount, service.index < serviceCount else { return 1 }
        return factors[region.index * serviceCount + service.index]
    }

    /// Whether every factor is 1.
    public var isIdentity: Bool { factors.allSatisfy { $0 == 1 } }
}
