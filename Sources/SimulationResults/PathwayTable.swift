import CareNetwork
import LoadSimulation

/// The routes that had patients after the warm-up, one row each, as pathways.csv lists them: the
/// health centre, the service, whether it is an emergency, the outcome, the facilities of the
/// pathway and the patients (mean per replication).
public struct PathwayTable: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        /// The health centre's key; empty in a model without a network.
        public var healthCentre: String
        public var region: String
        public var service: String
        public var emergency: Bool
        /// `treated`, `not-covered` or `unavailable`.
        public var outcome: String
        /// The facilities' keys in order, the treating facility last; a refused patient's health centre alone.
        public var pathway: [String]
        public var treatingFacility: String?
        public var patients: Double
        /// The time from first contact to the start of treatment; nil for refused patients, or when no
        /// patient's treatment started after the warm-up.
        public var timeToTreatment: RouteTime?
    }

    public var rows: [Row]

    /// The routes of `result` (simulated on `model`, built from `network`), in route order.
    public init(network: CareNetwork, model: SimulationModel, result: SimulationResult) {
        rows = result.routeLoads(model: model).map { load in
            let centre = load.origin >= 0 ? network.facilities[load.origin] : nil
            // Refused patients present at their health centre and go no further.
            let steps = load.outcome == .treated ? load.facilities : (load.origin >= 0 ? [load.origin] : [])
            return Row(healthCentre: centre?.key ?? "", region: centre?.region.map { network.regions[$0.index].key } ?? "",
                       service: load.service >= 0 ? network.catalog[ServiceID(load.service)].key : "",
                       emergency: load.emergency, outcome: load.outcome.name,
                       pathway: steps.map { network.facilities[$0].key },
                       treatingFacility: load.treatingFacility.map { network.facilities[$0].key }, patients: load.patients,
                       timeToTreatment: load.route < result.timeToTreatment.count ? result.timeToTreatment[load.route] : nil)
        }
    }
}
