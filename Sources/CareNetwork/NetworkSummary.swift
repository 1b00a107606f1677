/// What a network holds, as `carepath validate` prints it after the diagnostics.
public struct NetworkSummary: Sendable, Hashable {
    /// Regions.
    public var regions = 0
    /// Provinces.
    public var provinces = 0
    /// Facility count per tier raw value (every tier present, zero where none).
    public var facilities: [String: Int] = Dictionary(uniqueKeysWithValues: Tier.allCases.map { ($0.rawValue, 0) })
    /// Distinct services offered anywhere in the network.
    public var services = 0
    /// Total population (the provinces' populations).
    public var population = 0

    /// Nothing counted yet (to ``add(_:)`` the counts of several files to).
    package init() {}

    /// What a loaded network holds.
    public init(_ network: CareNetwork) {
        regions = network.regions.count
        provinces = network.provinces.count
        for facility in network.facilities { facilities[facility.tier.rawValue, default: 0] += 1 }
        services = Set(network.facilities.flatMap { $0.services.map(\.service) }).count
        population = network.population
    }

    /// Counts what a description holds, for a file that did not validate.
    init(_ description: NetworkDescription, catalog: ServiceCatalog = .standard) {
        regions = description.regions.count
        provinces = description.provinces.count
        for facility in description.facilities { facilities[facility.tier.rawValue, default: 0] += 1 }
        var offered = Set(description.facilities.flatMap { $0.services.map(\.service) })
        for facility in description.facilities {
            if let profile = facility.profile.flatMap({ description.profiles[$0] }) { offered.formUnion(profile.services.map(\.service)) }
        }
        services = offered.filter { catalog.id(forKey: $0) != nil }.count
        population = description.provinces.reduce(0) { $0 + $1.population }
    }

    /// Adds another network's counts (for a summary over several files).
    package mutating func add(_ other: NetworkSummary) {
        regions += other.regions
        provinces += other.provinces
        for (tier, count) in other.facilities { facilities[tier, default: 0] += count }
        services = max(services, other.services)
        population += other.population
    }
}
