import CarePathSupport
import CareNetwork
import Foundation
import LoadSimulation

/// Turns a ``SimulationResult`` into what planners read: the text summary, result.json and CSV tables.
struct SimulationReport {
    let network: CareNetwork
    let model: SimulationModel
    let result: SimulationResult
    let networkPath: String
    let digest: String
    let wallSeconds: Double
    /// The scenario applied to the network, if any.
    var scenario: ScenarioInfo? = nil

    /// What result.json and the summary say about the scenario a run applied.
    struct ScenarioInfo {
        let path: String
        let digest: String
        let name: String?
        /// One line per operation.
        let changes: [String]
    }

    var measuredDays: Double { result.configuration.days - result.configuration.warmupDays }

    /// A station busy this share of the time or more is reported as overloaded.
    static let saturation = 0.99

    /// The digest of the file's bytes (``FNV1a64``), to tie a result to the exact network it ran on.
    static func digest(ofFile path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "unreadable" }
        return FNV1a64.digest(of: data)
    }

    struct Row {
        let station: StationStatistics
        let facility: Facility
        let service: ServiceDefinition
        let servers: Int
    }

    var rows: [Row] {
        result.stations.map { s in
            Row(station: s, facility: network.facilities[Int(model.stationFacility[s.station])],
                service: network.catalog[ServiceID(Int(model.stationService[s.station]))], servers: Int(model.servers[s.station]))
        }
    }

    /// Per facility: its busiest station's utilisation (the figure the load diagram colours).
    var facilityUtilisation: [(facility: Facility, utilisation: Double, arrivals: Double)] {
        var byFacility: [Int: (Double, Double)] = [:]
        for row in rows {
            let current = byFacility[row.facility.id.index] ?? (0, 0)
            byFacility[row.facility.id.index] = (max(current.0, row.station.utilisation.mean), current.1 + row.station.arrivals.mean)
        }
        return byFacility.keys.sorted().map { (network.facilities[$0], byFacility[$0]!.0, byFacility[$0]!.1) }
    }

    // MARK: Text

    func summaryText() -> String {
        let c = result.configuration
        var text = "CarePath simulation of \(networkPath)\n"
        if let scenario {
            text += "Scenario \(scenario.path)\(scenario.name.map { ": \($0)" } ?? "") (\(scenario.changes.count) change\(scenario.changes.count == 1 ? "" : "s")):\n"
            for change in scenario.changes { text += "  - \(change)\n" }
        }
        text += "\(fmt(c.days)) days (\(fmt(c.warmupDays)) of warm-up excluded), \(c.replications) replication\(c.replications == 1 ? "" : "s"), seed \(c.seed)\n\n"
        text += "Patients (all replications): arrived \(result.arrived) = completed \(result.completed) + in the system at the end \(result.inSystem) + not covered \(result.notCovered) + unavailable \(result.unavailable)"
        if model.queueCapacity.contains(where: { $0 != Int32.max }) || result.turnedAway > 0 { text += " + turned away (queue full) \(result.turnedAway)" }
        text += result.isBalanced ? "  [balanced]\n" : "  [NOT BALANCED]\n"
        let visitsPerSecond = Double(result.stationVisits) / max(wallSeconds, 1e-9)
        text += "Station visits \(result.stationVisits), events \(result.events), \(fmt(wallSeconds, 2)) s wall (\(fmt(visitsPerSecond / 1e6, 1)) M visits/s)\n"
        text += warmUpText()

        let active = rows.filter { $0.station.served.mean > 0 }
        // Saturated stations: their queues grow for as long as the simulation runs, so their waits
        // measure the horizon rather than a steady state.
        let saturated = active.filter { $0.station.utilisation.mean >= SimulationReport.saturation }
        if !saturated.isEmpty {
            text += "\nOVERLOADED: \(saturated.count) station\(saturated.count == 1 ? " is" : "s are") busy \(pct(SimulationReport.saturation).trimmingCharacters(in: .whitespaces)) of the time or more: "
            text += "demand exceeds capacity there, queues grow for as long as the run lasts, and their waits grow with --days.\n"
            for row in saturated.sorted(by: { ($0.station.maxQueue, $1.facility.key) > ($1.station.maxQueue, $0.facility.key) }).prefix(5) {
                text += "  longest queue \(row.station.maxQueue)  \(label(row))\n"
            }
        }
        text += "\nBusiest stations (utilisation, mean ± 95% CI):\n"
        for row in active.sorted(by: { ($0.station.utilisation.mean, $1.facility.key) > ($1.station.utilisation.mean, $0.facility.key) }).prefix(10) {
            text += "  \(pct(row.station.utilisation.mean)) ± \(pct(row.station.utilisation.halfWidth))  \(label(row))\n"
        }
        // p99 beside p90: where fewer than one patient in ten waits at all, p90 is 0 and only p99 shows how long the others wait.
        text += "\nLongest waits (mean; p90, p99 of the waits):\n"
        for row in active.sorted(by: { ($0.station.meanWait.mean, $1.facility.key) > ($1.station.meanWait.mean, $0.facility.key) }).prefix(10) {
            text += "  \(duration(row.station.meanWait.mean)) (p90 \(brief(row.station.waitP90)), p99 \(brief(row.station.waitP99)))  \(label(row))\n"
        }
        text += "\nReferral flows between tiers (patients a day):\n"
        for (pair, flow) in tierFlows() { text += "  \(pair.0.rawValue) → \(pair.1.rawValue): \(fmt(flow, 1))\n" }
        text += "\nNot covered or unavailable, by service (patients over the measured period, mean per replication):\n"
        let rejected = rejections()
        if rejected.isEmpty { text += "  none\n" }
        for entry in rejected {
            text += "  \(entry.service): \(fmt(entry.count, 0)) \(entry.outcome == .notCovered ? "not covered (X1-X3)" : "unavailable (no facility on the chain provides it)")\n"
        }
        return text
    }

    /// The day-end census and what it says of the warm-up (``WarmUpCheck``).
    func warmUpText() -> String {
        let check = result.warmUpCheck, c = result.configuration
        var text = "In the system at day end (mean of replications): "
        if c.warmupDays > 0 { text += "\(fmt(check.atEndOfWarmUp)) at the end of the warm-up (day \(fmt(c.warmupDays))), " }
        text += "\(fmt(check.measuredMean)) on average over the measured days"
        let quarters = check.quarterMeans.map { fmt($0) }.joined(separator: ", ")
        switch check.verdict {
        case .steady:
            return text + ": level (steady state)\n"
        case .tooSmallToJudge:
            return text + " (too few patients or days to judge the warm-up)\n"
        case .warmUpTooShort:
            return text + "\nWARNING: the warm-up looks too short: the system was still filling when measuring began "
                + "(day-end means over each quarter of the measured days: \(quarters)). "
                + "Lengthen --warmup.\n"
        case .stillRising:
            return text + "\nWARNING: no steady state: the number in the system kept rising over the measured days "
                + "(day-end means over each quarter of them: \(quarters)). "
                + "Demand exceeds capacity somewhere (see the overloaded and busiest stations below), and waits grow with --days.\n"
        }
    }

    private func label(_ row: Row) -> String { "\(row.facility.name.fr) [\(row.facility.key)] / \(row.service.key) (\(row.servers) \(row.service.kind == .stay ? (row.servers == 1 ? "bed" : "beds") : (row.servers == 1 ? "server" : "servers")))" }

    func tierFlows() -> [((Tier, Tier), Double)] {
        var flows: [String: (Tier, Tier, Double)] = [:]
        for (index, link) in model.links.enumerated() {
            let from = network.facilities[Int(link.from)].tier, to = network.facilities[Int(link.to)].tier
            let key = from.rawValue + ">" + to.rawValue
            flows[key, default: (from, to, 0)].2 += result.linkFlow[index].mean / max(measuredDays, 1e-9)
        }
        return flows.keys.sorted().map { ((flows[$0]!.0, flows[$0]!.1), flows[$0]!.2) }
    }

    /// Refused patients per service and outcome (not covered, unavailable), mean per replication.
    func rejections() -> [(service: String, outcome: RouteOutcome, count: Double)] {
        var counts: [String: (RouteOutcome, Double)] = [:]
        let replications = Double(result.replications.count)
        for replication in result.replications {
            for (route, count) in replication.routeRejected.enumerated() where count > 0 {
                let key = network.catalog[ServiceID(Int(model.routeService[route]))].key + "#" + String(model.routeOutcome[route].rawValue)
                counts[key, default: (model.routeOutcome[route], 0)].1 += Double(count) / replications
            }
        }
        return counts.keys.sorted().map { (String($0.split(separator: "#")[0]), counts[$0]!.0, counts[$0]!.1) }
    }

    // MARK: JSON and CSV

    func json(includeTiming: Bool) -> JSONValue {
        func estimate(_ e: Estimate) -> JSONValue { .object(["mean": .double(e.mean), "ci95": .double(e.halfWidth)]) }
        let c = result.configuration
        var object: [String: JSONValue] = [
            "carepath": .string(CarePathVersion.string),
            "network": .object(["path": .string(networkPath), "digest": .string(digest)]),
            "scenario": scenario.map { s in
                .object(["path": .string(s.path), "digest": .string(s.digest), "name": s.name.map { .string($0) } ?? .null,
                         "changes": .array(s.changes.map { .string($0) })])
            } ?? .null,
            "pathways": .object(["file": .string("pathways.csv"), "routes": .int(pathways.count)]),
            "configuration": .object(["days": .double(c.days), "warmupDays": .double(c.warmupDays), "replications": .int(c.replications), "seed": .string(String(c.seed)), "generator": .string("xoshiro256** per health centre, seeded by SplitMix64 from (seed, replication, centre id); SplitMix64 per patient")]),
            "accounting": .object(["arrived": .int(result.arrived), "completed": .int(result.completed), "inSystem": .int(result.inSystem), "notCovered": .int(result.notCovered), "unavailable": .int(result.unavailable), "turnedAway": .int(result.turnedAway), "balanced": .bool(result.isBalanced)]),
            "stationVisits": .int(result.stationVisits),
            // The day-end census and the warm-up check; daily.csv has the same series.
            "daily": .object([
                "file": .string("daily.csv"),
                "inSystemAtEndOfDay": .array(result.inSystemAtEndOfDay.map(estimate)),
                "warmUpCheck": .object([
                    "verdict": .string(result.warmUpCheck.verdict.rawValue),
                    "atEndOfWarmUp": .double(result.warmUpCheck.atEndOfWarmUp), "measuredMean": .double(result.warmUpCheck.measuredMean),
                    "quarterMeans": .array(result.warmUpCheck.quarterMeans.map { .double($0) }),
                ]),
            ]),
            "events": .int(result.events),
            "stations": .array(rows.map { row in
                .object(["facility": .string(row.facility.key), "tier": .string(row.facility.tier.rawValue), "service": .string(row.service.key),
                         "servers": .int(row.servers), "arrivals": estimate(row.station.arrivals), "served": estimate(row.station.served),
                         "utilisation": estimate(row.station.utilisation), "meanWaitMinutes": estimate(row.station.meanWait),
                         "waitMinutesP50": .double(row.station.waitP50), "waitMinutesP90": .double(row.station.waitP90), "waitMinutesP99": .double(row.station.waitP99),
                         "maxQueue": .int(row.station.maxQueue), "turnedAway": estimate(row.station.turnedAway),
                         // Replication by replication, for paired comparisons (`carepath compare`).
                         "perReplication": .object([
                            "utilisation": .array(result.replications.map { .double($0.utilisation[row.station.station]) }),
                            "meanWaitMinutes": .array(result.replications.map { .double($0.meanWait[row.station.station]) }),
                         ])])
            }),
            "links": .array(model.links.indices.map { l in
                .object(["from": .string(network.facilities[Int(model.links[l].from)].key), "to": .string(network.facilities[Int(model.links[l].to)].key), "flow": estimate(result.linkFlow[l])])
            }),
            "rejected": .array(rejections().map { .object(["service": .string($0.service), "outcome": .string($0.outcome.name), "patients": .double($0.count)]) }),
            // The load as `carepath render load --result` draws it.
            "load": .object([
                "unit": .string("patients/day"),
                "utilisation": .object(Dictionary(uniqueKeysWithValues: facilityUtilisation.map { ($0.facility.key, JSONValue.double($0.utilisation)) })),
                "flows": .array(model.links.indices.filter { result.linkFlow[$0].mean > 0 }.map { l in
                    .object(["from": .string(network.facilities[Int(model.links[l].from)].key), "to": .string(network.facilities[Int(model.links[l].to)].key), "patients": .double(result.linkFlow[l].mean / max(measuredDays, 1e-9))])
                }),
            ]),
        ]
        if includeTiming { object["wallSeconds"] = .double(wallSeconds) }
        return .object(object)
    }

    /// Writes result.json and the CSV tables into `directory`, each file whole (temporary file, then rename).
    func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // result.json leaves out the wall time, so the same inputs give the same bytes.
        try AtomicFile.write(json(includeTiming: false).rendered() + "\n", to: directory + "/result.json")
        var stations = "facility,tier,service,servers,arrivals,arrivals_ci95,served,utilisation,utilisation_ci95,mean_wait_min,mean_wait_ci95,wait_p50_min,wait_p90_min,wait_p99_min,max_queue,turned_away\n"
        for row in rows {
            let s = row.station
            stations += [row.facility.key, row.facility.tier.rawValue, row.service.key, String(row.servers), num(s.arrivals.mean), num(s.arrivals.halfWidth), num(s.served.mean),
                         num(s.utilisation.mean), num(s.utilisation.halfWidth), num(s.meanWait.mean), num(s.meanWait.halfWidth), num(s.waitP50), num(s.waitP90), num(s.waitP99), String(s.maxQueue), num(s.turnedAway.mean)].joined(separator: ",") + "\n"
        }
        try AtomicFile.write(stations, to: directory + "/stations.csv")
        var facilities = "facility,name,tier,region,busiest_utilisation,arrivals\n"
        for entry in facilityUtilisation {
            let region = entry.facility.region.map { network.regions[$0.index].key } ?? ""
            facilities += [entry.facility.key, csvQuoted(entry.facility.name.fr), entry.facility.tier.rawValue, region, num(entry.utilisation), num(entry.arrivals)].joined(separator: ",") + "\n"
        }
        try AtomicFile.write(facilities, to: directory + "/facilities.csv")
        var links = "from,to,from_tier,to_tier,flow,flow_ci95\n"
        for l in model.links.indices {
            let from = network.facilities[Int(model.links[l].from)], to = network.facilities[Int(model.links[l].to)]
            links += [from.key, to.key, from.tier.rawValue, to.tier.rawValue, num(result.linkFlow[l].mean), num(result.linkFlow[l].halfWidth)].joined(separator: ",") + "\n"
        }
        try AtomicFile.write(links, to: directory + "/links.csv")
        try AtomicFile.write(pathwaysCSV(), to: directory + "/pathways.csv")
        try AtomicFile.write(dailyCSV(), to: directory + "/daily.csv")
    }

    /// daily.csv: per day, the patients in the system at its end (mean over replications and 95% CI),
    /// and whether the day is measured (after the warm-up).
    func dailyCSV() -> String {
        var csv = "day,in_system_at_end,in_system_ci95,measured\n"
        let firstMeasured = WarmUpCheck.firstMeasuredDay(warmupDays: result.configuration.warmupDays)
        for (index, census) in result.inSystemAtEndOfDay.enumerated() {
            csv += [String(index + 1), num(census.mean), num(census.halfWidth), index >= firstMeasured ? "true" : "false"].joined(separator: ",") + "\n"
        }
        return csv
    }

    /// The routes that had patients after the warm-up (see ``RouteLoad``).
    var pathways: [RouteLoad] { result.routeLoads(model: model) }

    /// pathways.csv: one row per route with patients, in route order (health centre, service, emergency).
    func pathwaysCSV() -> String {
        var csv = "health_centre,region,service,emergency,outcome,pathway,treating_facility,patients\n"
        for load in pathways {
            let centre = load.origin >= 0 ? network.facilities[load.origin] : nil
            let region = centre?.region.map { network.regions[$0.index].key } ?? ""
            let service = load.service >= 0 ? network.catalog[ServiceID(load.service)].key : ""
            let outcome = load.outcome.name
            // Refused patients present at their health centre and go no further.
            let steps = load.outcome == .treated ? load.facilities : (load.origin >= 0 ? [load.origin] : [])
            let pathway = steps.map { network.facilities[$0].key }.joined(separator: " > ")
            let treating = load.treatingFacility.map { network.facilities[$0].key } ?? ""
            csv += [centre?.key ?? "", region, service, load.emergency ? "true" : "false", outcome, pathway, treating, num(load.patients)].joined(separator: ",") + "\n"
        }
        return csv
    }

    private func num(_ value: Double) -> String { NumberFormat.significant(value) }
    private func csvQuoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    private func fmt(_ value: Double, _ digits: Int = 0) -> String { NumberFormat.fixed(value, digits: digits) }
    private func pct(_ value: Double) -> String { NumberFormat.format("%5.1f%%", value * 100) }
    /// A duration without the padding that lines ``duration(_:)`` up in a column.
    private func brief(_ minutes: Double) -> String { duration(minutes).trimmingCharacters(in: .whitespaces) }
    private func duration(_ minutes: Double) -> String {
        minutes >= 1440 ? NumberFormat.format("%6.1f d  ", minutes / 1440) : minutes >= 60 ? NumberFormat.format("%6.1f h  ", minutes / 60) : NumberFormat.format("%6.1f min", minutes)
    }
}
