import CareNetwork
import LoadSimulation

/// Every station that saw a patient, by the hour of the day and the weekday its patients arrived, as
/// hourly.csv lists them: 24 rows (`00` ... `23`) then 7 (`mon` ... `sun`) per station.
public struct HourlyTable: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var facility: String
        public var tier: Tier
        public var service: String
        /// `00` ... `23` (arrivals between that hour and the next) or `mon` ... `sun`.
        public var slot: String
        /// Arrivals in that hour per measured day; nil on a weekday row.
        public var arrivalsPerDay: Double?
        /// Patients who arrived then and started service, per measured day (per measured such weekday).
        public var startedPerDay: Double
        public var meanWaitMinutes: Double
        public var waitMinutesP50: Double
        public var waitMinutesP90: Double
        public var waitMinutesP99: Double
    }

    public var rows: [Row]

    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// The hourly rows of `result` (simulated with a time model on `model`, built from `network`).
    public init(network: CareNetwork, model: SimulationModel, result: SimulationResult) {
        rows = []
        for s in result.stations where s.hourly.count == 31 && s.arrivals.mean > 0 {
            let facility = network.facilities[Int(model.stationFacility[s.station])]
            let service = network.catalog[ServiceID(Int(model.stationService[s.station]))].key
            for (slot, h) in s.hourly.enumerated() {
                let name = slot < 24 ? (slot < 10 ? "0\(slot)" : "\(slot)") : Self.weekdays[slot - 24]
                rows.append(Row(facility: facility.key, tier: facility.tier, service: service, slot: name,
                                arrivalsPerDay: h.arrivalsPerDay, startedPerDay: h.startedPerDay, meanWaitMinutes: h.meanWait,
                                waitMinutesP50: h.waitP50, waitMinutesP90: h.waitP90, waitMinutesP99: h.waitP99))
            }
        }
    }
}
