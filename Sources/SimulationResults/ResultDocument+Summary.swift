import CareNetwork
import CarePathSupport

extension ResultDocument {
    /// A station busy this share of the time or more is reported as overloaded: demand exceeds its
    /// capacity, and its queue grows for as long as the run lasts.
    public static let saturation = 0.99

    /// Stations that served patients after the warm-up.
    public var activeStations: [Station] { stations.filter { $0.served.mean > 0 } }

    /// Active stations busy ``saturation`` of their open time or more, longest queue first.
    public var overloadedStations: [Station] {
        stations.filter(\.isOverloaded).sorted { ($0.maxQueue, $1.facility) > ($1.maxQueue, $0.facility) }
    }

    /// Active stations by utilisation over their open hours, busiest first (ties by facility key).
    public var busiestStations: [Station] {
        activeStations.sorted { ($0.openUtilisation.mean, $1.facility) > ($1.openUtilisation.mean, $0.facility) }
    }

    /// Active stations by mean wait, longest first (ties by facility key).
    public var longestWaits: [Station] {
        activeStations.sorted { ($0.meanWaitMinutes.mean, $1.facility) > ($1.meanWaitMinutes.mean, $0.facility) }
    }

    /// The facility of each key.
    public var facilitiesByKey: [String: FacilityLoad] {
        Dictionary(facilities.map { ($0.facility, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Referral flow from one tier to another, patients a day over the measured period.
    public struct TierFlow: Sendable, Hashable {
        public var from: Tier
        public var to: Tier
        public var patientsPerDay: Double
    }

    /// The links' flows summed by the tiers they join, in the order of the tiers' names.
    public var tierFlows: [TierFlow] {
        let tiers = facilitiesByKey.mapValues(\.tier)
        let days = max(configuration.measuredDays, 1e-9)
        var flows: [String: TierFlow] = [:]
        for link in links {
            guard let from = tiers[link.from], let to = tiers[link.to] else { continue }
            flows[from.rawValue + ">" + to.rawValue, default: TierFlow(from: from, to: to, patientsPerDay: 0)].patientsPerDay += link.flow.mean / days
        }
        return flows.keys.sorted().map { flows[$0]! }
    }

    /// Arrivals per facility (the sum over its stations, in station-key order so that the same
    /// figures give the same sum in two runs).
    public var facilityArrivals: [String: Double] {
        var sums: [String: Double] = [:]
        for station in stations.sorted(by: { $0.key < $1.key }) { sums[station.facility, default: 0] += station.arrivals.mean }
        return sums
    }
}

extension ResultDocument.Accounting {
    /// The accounting as the summaries print it, over all replications and the whole horizon (warm-up
    /// included): `arrived 359,580 = completed 358,656 + in the system at the end 352 + not covered 0 +
    /// unavailable 572  [balanced]`; the turned-away term when queues are bounded or anyone was.
    public func text(queueLimits: Bool) -> String {
        func n(_ value: Int) -> String { NumberFormat.grouped(value) }
        var text = "arrived \(n(arrived)) = completed \(n(completed)) + in the system at the end \(n(inSystem)) + not covered \(n(notCovered)) + unavailable \(n(unavailable))"
        if queueLimits || turnedAway > 0 { text += " + turned away (queue full) \(n(turnedAway))" }
        return text + (balanced ? "  [balanced]" : "  [NOT BALANCED]")
    }
}

extension ResultDocument.Station {
    /// Whether the station served patients after the warm-up and was busy ``ResultDocument/saturation``
    /// of its open time or more: what the summary, the report's lists and its tables call overloaded.
    public var isOverloaded: Bool { served.mean > 0 && openUtilisation.mean >= ResultDocument.saturation }
}
