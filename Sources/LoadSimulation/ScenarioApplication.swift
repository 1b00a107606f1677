import CareNetwork
import Referral

/// A scenario applied to a network: the modified, validated network and what the simulation model
/// needs on top of it (demand factors and queue limits). Made by ``ScenarioLoader``.
public struct ScenarioApplication: Sendable {
    /// The scenario as read.
    public let scenario: Scenario
    /// The network with the scenario's network-level operations (close, open, chu, servers) applied.
    public let network: CareNetwork
    /// One line per operation, in the order applied, for reports (`closed chu-x (...)`, `demand ×1.2 ...`).
    public let changes: [String]
    /// The warnings of the scenario (there is no error in an application).
    public let diagnostics: [Diagnostic]
    /// The `demand:` factors per region and service.
    public let demandScale: DemandScale

    init(scenario: Scenario, network: CareNetwork, changes: [String], diagnostics: [Diagnostic]) {
        self.scenario = scenario
        self.network = network
        self.changes = changes
        self.diagnostics = diagnostics
        var scale = DemandScale(network: network)
        for operation in scenario.operations {
            guard case .demand(let region, let service, let factor) = operation.change else { continue }
            // The loader checked both ids against this network.
            scale.multiply(region: region.flatMap { network.region(key: $0)?.id },
                           service: service.flatMap { network.catalog.id(forKey: $0) }, by: factor)
        }
        demandScale = scale
    }

    /// Whether any `queue-limit:` entry bounds a queue.
    public var hasQueueLimits: Bool {
        scenario.operations.contains { if case .queueLimit = $0.change { true } else { false } }
    }

    /// The simulation model of the modified network with the scenario's demand factors, then its
    /// queue limits: each `queue-limit:` entry, in file order, sets the capacity of every station it
    /// selects (a later entry overrides an earlier one for the stations both select).
    public func model(table: RoutingTable) -> SimulationModel {
        var model = SimulationModel.Builder(network: network, table: table, demandScale: demandScale.isIdentity ? nil : demandScale)
        applyQueueLimits(to: &model)
        return model.build()
    }

    /// Sets the queue capacity of the stations each `queue-limit:` entry selects.
    func applyQueueLimits(to model: inout SimulationModel.Builder) {
        for operation in scenario.operations {
            guard case .queueLimit(let limit) = operation.change else { continue }
            let facility = limit.facility.flatMap { network.facilityID(key: $0)?.index }
            let service = limit.service.flatMap { network.catalog.id(forKey: $0)?.index }
            for station in 0..<model.stationCount {
                let f = Int(model.stationFacility[station])
                guard f >= 0 else { continue }
                if let facility, f != facility { continue }
                if let tier = limit.tier, network.facilities[f].tier != tier { continue }
                if let service, Int(model.stationService[station]) != service { continue }
                model.setQueueCapacity(Int32(limit.limit), station: station)
            }
        }
    }
}
