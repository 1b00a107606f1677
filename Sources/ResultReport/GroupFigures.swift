import CareNetwork
import Diagrams
import LoadSimulation
import SimulationResults

/// The figures of a group of stations (a region, a tier, the whole network) as the report's tables
/// give them, each computed replication by replication so that it carries its own 95% interval.
///
/// - Utilisation: busy server-time over available server-time, that is the stations' utilisations
///   weighted by their servers (or beds), per replication; its interval is Student's t over them.
/// - Mean wait: per patient served, the stations' mean waits weighted by their patients served,
///   per replication.
/// - p90: the largest of the stations' 90th percentiles of the wait (percentiles do not add up).
/// - Patients a day: arrivals at the group's stations per measured day, mean per replication (a
///   patient seen at two stations counts at both).
public struct GroupFigures: Sendable, Hashable {
    public var facilities: Int
    public var stations: Int
    public var patientsPerDay: Double
    public var utilisation: ResultDocument.Estimate
    public var meanWaitMinutes: ResultDocument.Estimate
    /// The longest 90th percentile of the wait among the group's stations that served patients.
    public var longestP90Minutes: Double
    /// Stations overloaded (``ResultDocument/Station/isOverloaded``).
    public var overloaded: Int
    /// The group's utilisation in each replication, for paired comparisons.
    public var utilisationPerReplication: [Double]
    /// The group's mean wait in each replication, for paired comparisons.
    public var meanWaitPerReplication: [Double]

    /// The figures of `stations`, over `measuredDays` days.
    public init(stations: [ResultDocument.Station], measuredDays: Double) {
        facilities = Set(stations.map(\.facility)).count
        self.stations = stations.count
        let days = max(measuredDays, 1e-9)
        patientsPerDay = stations.reduce(0) { $0 + $1.arrivals.mean } / days
        let active = stations.filter { $0.served.mean > 0 }
        longestP90Minutes = active.map(\.waitMinutesP90).max() ?? 0
        // As `ResultDocument.overloadedStations` counts them, so that the tables and the list agree.
        overloaded = stations.filter(\.isOverloaded).count
        let replications = stations.map(\.perReplication.utilisation.count).min() ?? 0
        let consistent = replications > 0 && stations.allSatisfy { $0.perReplication.utilisation.count == replications && $0.perReplication.meanWaitMinutes.count == replications }
        let servers = stations.reduce(0.0) { $0 + Double($1.servers) }
        let served = active.reduce(0.0) { $0 + $1.served.mean }
        func weightedUtilisation(_ value: (ResultDocument.Station) -> Double) -> Double {
            servers > 0 ? stations.reduce(0.0) { $0 + Double($1.servers) * value($1) } / servers : 0
        }
        func weightedWait(_ value: (ResultDocument.Station) -> Double) -> Double {
            served > 0 ? active.reduce(0.0) { $0 + $1.served.mean * value($1) } / served : 0
        }
        if consistent {
            utilisationPerReplication = (0..<replications).map { r in weightedUtilisation { $0.perReplication.utilisation[r] } }
            meanWaitPerReplication = (0..<replications).map { r in weightedWait { $0.perReplication.meanWaitMinutes[r] } }
        } else {
            // A document whose stations disagree on the replications: the means, without an interval.
            utilisationPerReplication = [weightedUtilisation { $0.utilisation.mean }]
            meanWaitPerReplication = [weightedWait { $0.meanWaitMinutes.mean }]
        }
        func estimate(_ samples: [Double]) -> ResultDocument.Estimate {
            let e = LoadSimulation.Estimate(samples)
            return ResultDocument.Estimate(mean: e.mean, ci95: e.halfWidth)
        }
        utilisation = estimate(utilisationPerReplication)
        meanWaitMinutes = estimate(meanWaitPerReplication)
    }
}

/// The report's tables: the figures by region, by tier and for the whole network.
public struct ReportFigures: Sendable {
    /// A region's key (nil: facilities outside Morocco) and its figures, in the order of the keys.
    public var regions: [(key: String?, figures: GroupFigures)]
    /// Each tier with stations, in the chain's order, and its figures.
    public var tiers: [(tier: Tier, figures: GroupFigures)]
    public var total: GroupFigures

    public init(_ document: ResultDocument) {
        let days = document.configuration.measuredDays
        let facilities = document.facilitiesByKey
        var byRegion: [String: [ResultDocument.Station]] = [:]
        var outside: [ResultDocument.Station] = []
        for station in document.stations {
            if let region = facilities[station.facility]?.region { byRegion[region, default: []].append(station) } else { outside.append(station) }
        }
        regions = byRegion.keys.sorted().map { (key: Optional($0), figures: GroupFigures(stations: byRegion[$0]!, measuredDays: days)) }
            + (outside.isEmpty ? [] : [(key: nil, figures: GroupFigures(stations: outside, measuredDays: days))])
        tiers = Tier.allCases.compactMap { tier in
            let stations = document.stations.filter { $0.tier == tier }
            return stations.isEmpty ? nil : (tier: tier, figures: GroupFigures(stations: stations, measuredDays: days))
        }
        total = GroupFigures(stations: document.stations, measuredDays: days)
    }
}

/// The utilisation bands the report colours, those of `carepath render load` (`LoadDiagram.scale`).
/// A utilisation is put in its band after it is rounded as it is printed (to the tenth of a
/// percent), so that a colour never contradicts the figure printed beside it.
public enum UtilisationBands {
    /// The band of `utilisation`: an index into `LoadDiagram.scale`.
    public static func band(of utilisation: Double, printedDigits digits: Int = 1) -> Int {
        // The share as printed: a percentage with `digits` decimals.
        let scale = (0..<digits).reduce(100.0) { value, _ in value * 10 }
        let rounded = (utilisation * scale).rounded() / scale
        return bands.firstIndex { rounded < $0.upperBound } ?? bands.count - 1
    }

    /// The load diagram's bands: upper bound (exclusive) as a share, colour, label.
    public static var bands: [(upperBound: Double, colour: String, label: String)] { LoadDiagram.scale }
}
