import CarePathSupport
import Foundation
import CareNetwork
import LoadSimulation

/// What `carepath simulate --out DIR` writes: result.json (the ``ResultDocument``) and its CSV
/// tables, each file whole or not at all.
public struct ResultFiles: Sendable {
    public static let result = "result.json"
    public static let stations = "stations.csv"
    public static let facilities = "facilities.csv"
    public static let links = "links.csv"
    public static let pathways = "pathways.csv"
    public static let daily = "daily.csv"
    public static let hourly = "hourly.csv"

    public var document: ResultDocument
    public var pathways: PathwayTable
    /// Every station by hour and weekday, with a time model; nil without (no hourly.csv then).
    public var hourly: HourlyTable?

    public init(document: ResultDocument, pathways: PathwayTable, hourly: HourlyTable? = nil) {
        self.document = document
        self.pathways = pathways
        self.hourly = hourly
    }

    /// The files of `result`, simulated on `model` built from `network`: what `simulate` writes.
    public init(network: CareNetwork, model: SimulationModel, result: SimulationResult, run: ResultDocument.Run) {
        self.init(document: ResultDocument(network: network, model: model, result: result, run: run),
                  pathways: PathwayTable(network: network, model: model, result: result),
                  hourly: result.timed ? HourlyTable(network: network, model: model, result: result) : nil)
    }

    /// The files by name, in the order they are written.
    ///
    /// The files are rendered at once, on as many threads as the machine has: a national run's
    /// result.json (about 22 MB) and hourly.csv (about 33 MB) take some 0.4 s each, and one after the
    /// other they made `simulate --out` half as long again as the simulation (30 days).
    public func contents() throws -> [(name: String, text: String)] {
        var files: [(name: String, render: @Sendable (ResultFiles) throws -> String)] = [
            (Self.result, { try $0.document.jsonText() }), (Self.stations, { $0.stationsCSV() }), (Self.facilities, { $0.facilitiesCSV() }),
            (Self.links, { $0.linksCSV() }), (Self.pathways, { $0.pathwaysCSV() }), (Self.daily, { $0.dailyCSV() }),
        ]
        if hourly != nil { files.append((Self.hourly, { $0.hourlyCSV() })) }
        // Started longest first (result.json, hourly.csv, pathways.csv), so that the others fill in
        // beside them; returned in the order listed.
        let renderers = files, longest = [Self.result, Self.hourly, Self.pathways]
        let schedule = renderers.indices.sorted { (longest.firstIndex(of: renderers[$0].name) ?? longest.count, $0) < (longest.firstIndex(of: renderers[$1].name) ?? longest.count, $1) }
        let slots = WorkSlots<Result<String, any Error>>(count: renderers.count)
        DispatchQueue.concurrentPerform(iterations: renderers.count) { _ in
            while let turn = slots.take() { slots.store(Result { try renderers[schedule[turn]].render(self) }, at: schedule[turn]) }
        }
        return try zip(renderers, slots.outcomes()).map { (name: $0.name, text: try $1.get()) }
    }

    /// Every file's name.
    public static let names: Set<String> = [result, stations, facilities, links, pathways, daily, hourly]

    /// Replaces the results in `directory` (created if needed) as a set: after any failure or kill
    /// it holds either the complete old files or the complete new ones. Throws with a reason a person
    /// can act on (another run writing there, files that are not results, no space...).
    public func write(to directory: String) throws {
        try ResultFiles.prepare(directory).write(self)
    }

    /// Creates and locks the directory that will receive a run's results, before the run starts,
    /// so that a run that could not write them fails at once instead of after the simulation.
    public static func prepare(_ directory: String) throws -> Destination {
        Destination(directory: try OutputDirectory(path: directory, fileNames: names))
    }

    /// A directory locked for a run's results (see ``prepare(_:)``); the lock is held until it is released.
    public final class Destination {
        let directory: OutputDirectory

        init(directory: OutputDirectory) { self.directory = directory }

        /// The directory's path.
        public var path: String { directory.path }

        /// Swaps the files in.
        public func write(_ files: ResultFiles) throws {
            try directory.replace(with: try files.contents())
        }
    }

    private func num(_ value: Double) -> String { NumberFormat.significant(value) }
    private func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    private func row(_ fields: [String]) -> String { fields.joined(separator: ",") + "\n" }

    /// stations.csv: a row per station with its means, intervals and wait percentiles.
    public func stationsCSV() -> String {
        var csv = "facility,tier,service,servers,arrivals,arrivals_ci95,served,utilisation,utilisation_ci95,mean_wait_min,mean_wait_ci95,wait_p50_min,wait_p90_min,wait_p99_min,max_queue,turned_away\n"
        for s in document.stations {
            csv += row([s.facility, s.tier.rawValue, s.service, String(s.servers), num(s.arrivals.mean), num(s.arrivals.ci95), num(s.served.mean),
                        num(s.utilisation.mean), num(s.utilisation.ci95), num(s.meanWaitMinutes.mean), num(s.meanWaitMinutes.ci95),
                        num(s.waitMinutesP50), num(s.waitMinutesP90), num(s.waitMinutesP99), String(s.maxQueue), num(s.turnedAway.mean)])
        }
        return csv
    }

    /// facilities.csv: a row per facility with a station, its busiest station's utilisation and its arrivals.
    public func facilitiesCSV() -> String {
        var csv = "facility,name,tier,region,busiest_utilisation,arrivals\n"
        for f in document.facilities {
            csv += row([f.facility, quoted(f.name.fr), f.tier.rawValue, f.region ?? "", num(f.busiestUtilisation), num(f.arrivals)])
        }
        return csv
    }

    /// links.csv: a row per referral link with its flow and interval.
    public func linksCSV() -> String {
        let tiers = Dictionary(document.facilities.map { ($0.facility, $0.tier.rawValue) }, uniquingKeysWith: { first, _ in first })
        var csv = "from,to,from_tier,to_tier,flow,flow_ci95\n"
        for l in document.links {
            csv += row([l.from, l.to, tiers[l.from] ?? "", tiers[l.to] ?? "", num(l.flow.mean), num(l.flow.ci95)])
        }
        return csv
    }

    /// pathways.csv: a row per route with patients, in route order (health centre, service, emergency),
    /// and the time from first contact to the start of treatment (mean, median, 90th percentile, in
    /// minutes; empty for refused patients).
    public func pathwaysCSV() -> String {
        var csv = "health_centre,region,service,emergency,outcome,pathway,treating_facility,patients,to_treatment_mean_min,to_treatment_p50_min,to_treatment_p90_min\n"
        for r in pathways.rows {
            let time = r.timeToTreatment
            csv += row([r.healthCentre, r.region, r.service, r.emergency ? "true" : "false", r.outcome,
                        r.pathway.joined(separator: " > "), r.treatingFacility ?? "", num(r.patients),
                        time.map { num($0.mean) } ?? "", time.map { num($0.p50) } ?? "", time.map { num($0.p90) } ?? ""])
        }
        return csv
    }

    /// hourly.csv: per station, a row per hour of the day (`00` ... `23`, by the hour patients arrived
    /// at the station) and per weekday (`mon` ... `sun`): arrivals and starts per day, mean wait and
    /// its percentiles, in minutes.
    public func hourlyCSV() -> String {
        var csv = "facility,tier,service,slot,arrivals_per_day,started_per_day,mean_wait_min,wait_p50_min,wait_p90_min,wait_p99_min\n"
        for r in hourly?.rows ?? [] {
            csv += row([r.facility, r.tier.rawValue, r.service, r.slot, r.arrivalsPerDay.map(num) ?? "", num(r.startedPerDay),
                        num(r.meanWaitMinutes), num(r.waitMinutesP50), num(r.waitMinutesP90), num(r.waitMinutesP99)])
        }
        return csv
    }

    /// daily.csv: per day, the patients in the system at its end (mean over replications and 95%
    /// interval), and whether the day is measured (after the warm-up).
    public func dailyCSV() -> String {
        var csv = "day,in_system_at_end,in_system_ci95,measured\n"
        let firstMeasured = WarmUpCheck.firstMeasuredDay(warmupDays: document.configuration.warmupDays)
        for (index, census) in document.daily.inSystemAtEndOfDay.enumerated() {
            csv += row([String(index + 1), num(census.mean), num(census.ci95), index >= firstMeasured ? "true" : "false"])
        }
        return csv
    }
}
