import CarePathSupport
import CareNetwork
import Foundation
import SimulationResults

/// The text summary of a simulation for people: what was run, the accounting, the census, and the
/// stations a planner looks at first. Every figure comes from the ``ResultDocument``.
struct SimulationSummary {
    let document: ResultDocument
    let wallSeconds: Double
    /// The facilities (or stations) to show station by station (`--facility`), in the order given.
    var facilities: [FacilityChoice] = []
    /// Every station's rows by hour and weekday of arrival (hourly.csv), for those facilities; nil
    /// without a time model.
    var hourly: HourlyTable?
    /// The stations (`facility/service`) whose timetable closes at some time of the week: those
    /// whose patients still waiting at closing are worth saying, none included.
    var closing: Set<String> = []
    /// The summary's list of peak hours holds the stations whose peak hour brings at least this many
    /// arrivals a day (result.json and hourly.csv have every station's).
    static let peakListMinimumArrivalsPerDay = 1.0
    /// A station shown with `--facility` lists the hours of the day that bring at least this share
    /// of its arrivals (hourly.csv has every hour).
    static let facilityHourShare = 0.01

    func text() -> String {
        let d = document, c = d.configuration, a = d.accounting
        var text = "CarePath simulation of \(d.network.path)\n"
        if let scenario = d.scenario {
            text += "Scenario \(scenario.path)\(scenario.name.map { ": \($0)" } ?? "") (\(scenario.changes.count) change\(scenario.changes.count == 1 ? "" : "s")):\n"
            for change in scenario.changes { text += "  - \(change)\n" }
        }
        text += "\(fmt(c.days)) days (\(fmt(c.warmupDays)) of warm-up excluded), \(c.replications) replication\(c.replications == 1 ? "" : "s"), seed \(c.seed)\n\n"
        // A day of one replication first, as a planner reads it; then the whole run's accounting.
        let perDay = Double(a.arrived) / Double(max(c.replications, 1)) / max(c.days, 1e-9)
        text += "Patients a day: \(NumberFormat.grouped(Int(perDay.rounded()))) arrive (mean over the \(fmt(c.days)) days, warm-up included, of one replication)\n"
        text += "Patients (all replications, warm-up included): \(a.text(queueLimits: c.queueLimits))\n"
        text += warmUpText()

        let facilities = d.facilitiesByKey
        func label(_ s: ResultDocument.Station) -> String {
            "\(facilities[s.facility]?.name.fr ?? s.facility) [\(s.facility)] / \(s.service) (\(capacity(s)))"
        }
        // Saturated stations: their queues grow for as long as the simulation runs, so their waits
        // measure the horizon rather than a steady state.
        let saturated = d.overloadedStations
        if !saturated.isEmpty {
            text += "\nOVERLOADED: \(saturated.count) station\(saturated.count == 1 ? " is" : "s are") busy \(pct(ResultDocument.saturation).trimmingCharacters(in: .whitespaces)) of the time or more: "
            text += "demand exceeds capacity there, queues grow for as long as the run lasts, and their waits grow with --days.\n"
            for s in saturated.prefix(5) { text += "  longest queue \(s.maxQueue)  \(label(s))\n" }
        }
        let timed = d.hourly != nil
        text += timed ? "\nBusiest stations (utilisation over open hours, mean ± 95% CI):\n" : "\nBusiest stations (utilisation, mean ± 95% CI):\n"
        for s in d.busiestStations.prefix(10) {
            let open = s.openUtilisation
            text += "  \(pct(open.mean)) ± \(pct(open.ci95))  \(label(s))\(s.hours.map { "  [\(hoursText($0))]" } ?? "")\n"
        }
        // p99 beside p90: where fewer than one patient in ten waits at all, p90 is 0 and only p99 shows how long the others wait.
        text += "\nLongest waits (mean; p90, p99 of the waits):\n"
        for s in d.longestWaits.prefix(10) {
            text += "  \(duration(s.meanWaitMinutes.mean)) (p90 \(brief(s.waitMinutesP90)), p99 \(brief(s.waitMinutesP99)))  \(label(s))\n"
        }
        if let hourly = d.hourly { text += hourlyText(hourly, label: label) }
        text += "\nReferral flows between tiers (patients a day):\n"
        for flow in d.tierFlows { text += "  \(flow.from.rawValue) → \(flow.to.rawValue): \(NumberFormat.grouped(flow.patientsPerDay, digits: 1))\n" }
        text += "\nNot covered or unavailable, by service (patients over the measured period, mean per replication):\n"
        if d.rejected.isEmpty { text += "  none\n" }
        for entry in d.rejected {
            text += "  \(entry.service): \(NumberFormat.grouped(Int(entry.patients.rounded()))) \(entry.outcome == "not-covered" ? "not covered (X1-X3)" : "unavailable (no facility on the chain provides it)")\n"
        }
        for choice in self.facilities { text += facilityText(choice, label: facilities[choice.facility]?.name.fr ?? choice.facility) }
        // The engine's own figures last: they are not the planner's.
        let visitsPerSecond = Double(d.stationVisits) / max(wallSeconds, 1e-9)
        text += "\nEngine: \(NumberFormat.grouped(d.stationVisits)) station visits, \(NumberFormat.grouped(d.events)) events, \(fmt(wallSeconds, 2)) s wall (\(fmt(visitsPerSecond / 1e6, 1)) M visits/s)\n"
        return text
    }

    /// The day-end census and what it says of the warm-up.
    func warmUpText() -> String {
        let check = document.daily.warmUpCheck, c = document.configuration
        var text = "In the system at day end (mean of replications): "
        if c.warmupDays > 0 { text += "\(NumberFormat.grouped(check.atEndOfWarmUp, digits: 0)) at the end of the warm-up (day \(fmt(c.warmupDays))), " }
        text += "\(NumberFormat.grouped(check.measuredMean, digits: 0)) on average over the measured days"
        // Semicolons between the quarters: their thousands are separated by commas.
        var quarters = check.quarterMeans.map { NumberFormat.grouped($0, digits: 0) }.joined(separator: "; ")
        if check.weekAveraged == true { quarters += "; each day the mean of its week" }
        if check.demandAdjusted == true { quarters += "; for the season's demand" }
        // The census read with the overloaded stations, so that the two pieces of advice agree.
        switch document.steadyState {
        case .steady:
            return text + (check.demandAdjusted == true ? ": level for the demand of the season (steady state)\n" : ": level (steady state)\n")
        case .steadyExceptOverloaded:
            return text + ": level, except at the overloaded stations below, whose queues grow for as long as the run lasts\n"
        case .warmUpTooShort:
            return text + "\nWARNING: the warm-up looks too short: the system was still filling when measuring began "
                + "(day-end means over each quarter of the measured days: \(quarters)). "
                + "Lengthen --warmup.\n"
        case .overloaded:
            return text + "\nWARNING: no steady state at the overloaded stations below: the system was still filling when measuring began "
                + "(day-end means over each quarter of the measured days: \(quarters)), and their queues grow whatever the warm-up, "
                + "so a longer --warmup would not settle them: they need more capacity or less demand.\n"
        case .stillRising:
            return text + "\nWARNING: no steady state: the number in the system kept rising over the measured days "
                + "(day-end means over each quarter of them: \(quarters)). "
                + "Demand exceeds capacity somewhere (see the overloaded and busiest stations below), and waits grow with --days.\n"
        case .tooSmallToJudge:
            return text + " (too few patients or days to judge the warm-up)\n"
        }
    }

    /// With opening hours or arrival profiles: each tier's busiest hour, the census by hour, and the
    /// stations whose arrivals of one hour wait longest.
    func hourlyText(_ hourly: ResultDocument.Hourly, label: (ResultDocument.Station) -> String) -> String {
        func clock(_ h: Int) -> String { OpeningHours.clock(h * 60) }
        var text = "\nBy the hour of arrival (every station of a tier together; hourly.csv has each station's):\n"
        for tier in hourly.tiers {
            guard let peak = tier.peak else { continue }
            let arrivals = tier.hours.reduce(0) { $0 + $1.arrivalsPerDay }
            text += "  \(tier.tier.rawValue): \(NumberFormat.grouped(Int(arrivals.rounded()))) arrivals a day; peak at \(clock(peak.hour))-\(clock(peak.hour + 1)): "
                + "mean wait \(brief(peak.meanWaitMinutes)) (p90 \(brief(peak.waitMinutesP90))) for its \(NumberFormat.grouped(Int(peak.arrivalsPerDay.rounded()))) arrivals a day\n"
        }
        let census = hourly.inSystemByHourOfDay
        if let low = census.indices.min(by: { census[$0].mean < census[$1].mean }), let high = census.indices.max(by: { census[$0].mean < census[$1].mean }) {
            text += "  In the system: fewest at \(clock(low)) (\(NumberFormat.grouped(Int(census[low].mean.rounded())))), most at \(clock(high)) (\(NumberFormat.grouped(Int(census[high].mean.rounded()))))\n"
        }
        // Stations whose peak hour brings fewer than one patient a day are left out: a station seeing a
        // few patients a week has, for its peak, an hour of one or two late arrivals who wait for the
        // next opening, and the longest such waits would fill the list.
        let peaks = document.activeStations.compactMap { s in s.peakHour.map { (s, $0) } }
            .filter { $0.1.arrivalsPerDay >= SimulationSummary.peakListMinimumArrivalsPerDay }
            .sorted { ($0.1.meanWaitMinutes, $1.0.key) > ($1.1.meanWaitMinutes, $0.0.key) }
        if !peaks.isEmpty { text += "Peak hours (each station's hour of most waiting; the longest waits of those with at least one arrival a day in it):\n" }
        for (s, peak) in peaks.prefix(5) {
            text += "  peak at \(label(s)): mean wait \(brief(peak.meanWaitMinutes)) for arrivals between \(clock(peak.hour)) and \(clock(peak.hour + 1)) (p90 \(brief(peak.waitMinutesP90)), \(fmt(peak.arrivalsPerDay, 1)) a day)\n"
        }
        return text
    }

    /// One facility station by station, or one of its stations (`--facility ID` or `ID/SERVICE`):
    /// each station's load, waits, patients left waiting at closing and overtime, and, with a time
    /// model, its arrivals and waits by the hour of the day and the weekday they arrived, as
    /// hourly.csv has them.
    func facilityText(_ choice: FacilityChoice, label name: String) -> String {
        let key = choice.facility, service = choice.service
        var text = "\n\(name) [\(key)]\(service == nil ? ", station by station" : ""):\n"
        let stations = document.stations.filter { $0.facility == key && (service == nil || $0.service == service) }
        if stations.isEmpty { return text + "  no station\n" }
        let rows = Dictionary(grouping: hourly?.rows.filter { $0.facility == key } ?? [], by: \.service)
        for s in stations {
            text += "  \(s.service) (\(capacity(s)))\(s.hours.map { " [\(hoursText($0))]" } ?? ""): "
            guard s.arrivals.mean > 0 else { text += "no patients\n"; continue }
            text += "\(fmt(s.arrivals.mean / max(document.configuration.days - document.configuration.warmupDays, 1e-9), 1)) arrivals a day; "
            text += "\(pct(s.openUtilisation.mean).trimmingCharacters(in: .whitespaces)) busy\(s.utilisationOpenHours != nil ? " over open hours" : ""); "
            text += "mean wait \(brief(s.meanWaitMinutes.mean)) (p90 \(brief(s.waitMinutesP90)), p99 \(brief(s.waitMinutesP99)))"
            // Patients left waiting when the station closes (a station open around the clock has none
            // by definition, so its 0 would say nothing).
            if let carried = s.carriedOverPerDay, carried.mean > 0 || closing.contains(s.key) {
                text += "; \(fmt(carried.mean, 1)) a day still waiting at closing"
            }
            if let overtime = s.overtimeMinutesPerDay { text += "; overtime \(brief(overtime.mean)) a day" }
            text += "\n"
            let own = rows[s.service] ?? []
            // The hours that bring at least 1% of the station's arrivals: the few patients who come
            // in the night to a consultation that opens at 08:30 are in hourly.csv.
            let daily = own.reduce(0) { $0 + ($1.arrivalsPerDay ?? 0) }
            let hours = own.filter { ($0.arrivalsPerDay ?? 0) >= SimulationSummary.facilityHourShare * daily && ($0.arrivalsPerDay ?? 0) > 0 }
            if !hours.isEmpty {
                text += "    arrived    a day   mean wait       p50       p90       p99   (the hours with 1% of its arrivals or more)\n"
                for r in hours {
                    let h = Int(r.slot) ?? 0
                    text += "    \(OpeningHours.clock(h * 60))  " + NumberFormat.format("%7.1f", r.arrivalsPerDay ?? 0)
                        + "  \(duration(r.meanWaitMinutes))  \(column(r.waitMinutesP50))  \(column(r.waitMinutesP90))  \(column(r.waitMinutesP99))\n"
                }
            }
            let days = own.filter { $0.arrivalsPerDay == nil && $0.startedPerDay > 0 }
            if !days.isEmpty { text += "    mean wait by weekday of arrival: " + days.map { "\($0.slot) \(brief($0.meanWaitMinutes))" }.joined(separator: ", ") + "\n" }
        }
        return text
    }

    /// A station's servers or beds: `10 servers`, `1 bed`.
    private func capacity(_ s: ResultDocument.Station) -> String {
        "\(s.servers) " + (s.kind == .stay ? (s.servers == 1 ? "bed" : "beds") : (s.servers == 1 ? "server" : "servers"))
    }

    /// A duration in a column of 8.
    private func column(_ minutes: Double) -> String {
        let text = brief(minutes)
        return String(repeating: " ", count: max(0, 8 - text.count)) + text
    }

    /// A timetable as the summary shows it: `mon-fri 08:30-16:30` (the servers only for shifts).
    private func hoursText(_ summary: String) -> String {
        summary.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.hasSuffix("closed") }.joined(separator: "; ")
    }

    private func fmt(_ value: Double, _ digits: Int = 0) -> String { NumberFormat.fixed(value, digits: digits) }
    private func pct(_ value: Double) -> String { NumberFormat.format("%5.1f%%", value * 100) }
    /// A duration without the padding that lines ``duration(_:)`` up in a column.
    private func brief(_ minutes: Double) -> String { duration(minutes).trimmingCharacters(in: .whitespaces) }
    private func duration(_ minutes: Double) -> String {
        minutes >= 1440 ? NumberFormat.format("%6.1f d  ", minutes / 1440) : minutes >= 60 ? NumberFormat.format("%6.1f h  ", minutes / 60) : NumberFormat.format("%6.1f min", minutes)
    }
}

/// A `--facility` value: a facility's id, and after a `/` one of its services (`chp-fquih-ben-salah`,
/// `chp-fquih-ben-salah/specialist-consultation`); `ID/` names the empty service, which no station has.
struct FacilityChoice {
    var facility: String
    var service: String?

    init(_ spec: String) {
        let parts = spec.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        facility = parts[0]
        service = parts.count == 2 ? parts[1] : nil
    }
}
