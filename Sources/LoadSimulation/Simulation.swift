import CarePathSupport
import Dispatch
import Foundation

/// Runs replications of a ``SimulationModel`` in parallel and gathers their statistics.
public enum Simulation {
    /// Simulates `model` on the station sweep (``StationSweepRun``): time windows of a week, the
    /// stations swept in referral order, each working through its own events. `progress`, if given,
    /// hears from each replication with the share of its horizon simulated (after each simulated
    /// week), and once with 1 when it ends. Replication `r` draws each source's arrivals from ``RandomSource`` seeded with
    /// `(seed, r, source key)` and its result lands in slot `r`, so the result is the same whatever
    /// the number of threads.
    public static func run(_ model: SimulationModel, configuration: SimulationConfiguration,
                           progress: (@Sendable (_ replication: Int, _ fraction: Double) -> Void)? = nil) -> SimulationResult {
        let batch = run(model, configuration: configuration, replications: 0..<max(1, configuration.replications), progress: progress)
        var result = aggregate(model: model, configuration: configuration, replications: batch.results)
        result.patientLimit = batch.patientLimit
        result.concurrentReplications = batch.concurrentReplications
        return result
    }

    /// Simulates only the replications `indices` of a run of `configuration` (a shard of it): each
    /// replication `r` draws exactly what it draws in ``run(_:configuration:progress:)`` (its streams
    /// are keyed by seed, `r` and source), so the results of the shards of a run, concatenated in
    /// replication order, are that run's ``SimulationResult/replications``. `progress` hears from
    /// replication `r` by its index in the run, not in `indices`. The memory budget is shared by the
    /// replications running at once in this process.
    public static func run(_ model: SimulationModel, configuration: SimulationConfiguration, replications indices: Range<Int>,
                           progress: (@Sendable (_ replication: Int, _ fraction: Double) -> Void)? = nil) -> ReplicationBatch {
        let count = max(1, indices.count)
        let slots = WorkSlots<ReplicationResult>(count: count)
        let threads = max(1, min(configuration.threads ?? ProcessInfo.processInfo.activeProcessorCount, count))
        // The station sweep needs pathways that never return to a station: every model built from a
        // network (RAMED pathways only climb), and every model the builder accepts.
        guard let sweep = StationSweepPlan(model) else { preconditionFailure("a model whose routes revisit a station cannot be simulated") }
        let horizon = configuration.days * 1440, warmup = configuration.warmupDays * 1440
        // The memory budget is shared by the replications running at once: each gets its share.
        let limit = configuration.patientLimit(concurrentReplications: threads)
        let clock = model.hasTimeModel ? ClockPlan(model: model, start: configuration.start, horizonMinutes: horizon) : nil
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let slot = slots.take() {
                let r = indices.lowerBound + slot
                let report: ((Double) -> Void)? = progress.map { progress in { progress(r, $0) } }
                var run = StationSweepRun(plan: sweep, horizonMinutes: horizon, warmupMinutes: warmup, seed: configuration.seed, replication: r, clock: clock)
                run.progress = report
                run.patientLimit = limit
                slots.store(run.run(), at: slot)
                progress?(r, 1)
            }
        }
        return ReplicationBatch(indices: indices.lowerBound..<(indices.lowerBound + count), results: slots.outcomes(),
                                patientLimit: limit, concurrentReplications: threads)
    }

    /// The statistics of a run's replications (`replications[r]`: replication `r`), whichever engine
    /// ran them (the test-support reference engine gathers its own through here).
    package static func aggregate(model: SimulationModel, configuration: SimulationConfiguration,
                                  replications: [ReplicationResult]) -> SimulationResult {
        var stations: [StationStatistics] = []
        stations.reserveCapacity(model.stationCount)
        let waitRecords = replications.map(\.waits)
        let horizon = configuration.days * 1440, warmup = min(configuration.warmupDays * 1440, horizon)
        let clock = model.hasTimeModel ? ClockPlan(model: model, start: configuration.start, horizonMinutes: horizon) : nil
        let measuredDays = max(horizon - warmup, 1e-9) / 1440
        // Measured days per weekday (fractions at the ends), for the weekday figures.
        var weekdayDays = [Double](repeating: 0, count: 7)
        if let clock {
            var t = warmup
            while t < horizon {
                let d = Int(t / 1440), end = min(Double(d + 1) * 1440, horizon)
                weekdayDays[Int(clock.weekday[min(d, clock.dayCount - 1)])] += (end - t) / 1440
                t = end
            }
        }
        let hourlyRecords = replications.map(\.hourlyWaits)
        var histogram = [UInt64](repeating: 0, count: CoarseBuckets.count)
        var mergedWaits = [UInt64](repeating: 0, count: WaitBuckets.perStation)
        var openByTimetable: [Int32: Double] = [:]
        for s in 0..<model.stationCount {
            let percentiles = WaitRecord.percentiles([50, 90, 99], station: s, in: waitRecords, merged: &mergedWaits)
            let timetable = clock?.stationTimetable[s] ?? -1
            // Stations share timetables: each one's open server-minutes counted once.
            let open: Double
            if timetable < 0 { open = Double(model.servers[s]) * (horizon - warmup) } else if let known = openByTimetable[timetable] { open = known } else {
                open = clock!.serverMinutes(timetable: timetable, base: Int(model.servers[s]), from: warmup, to: horizon)
                openByTimetable[timetable] = open
            }
            var hourly: [HourlyStatistics] = []
            if clock != nil, hourlyRecords.allSatisfy({ $0.slotCount == model.stationCount * 31 }) {
                for slot in 0..<31 {
                    let k = s * 31 + slot
                    let (mean, count) = SlotRecord.mean(slot: k, in: hourlyRecords)
                    let p = SlotRecord.percentiles([50, 90, 99], slots: CollectionOfOne(k), in: hourlyRecords, histogram: &histogram)
                    let days = slot < 24 ? measuredDays : weekdayDays[slot - 24]
                    let perReplication = Double(max(replications.count, 1)) * max(days, 1e-9)
                    let arrivals = slot < 24 ? replications.reduce(0.0) { $0 + Double($1.arrivalsByHour[s * 24 + slot]) } / perReplication : nil
                    hourly.append(HourlyStatistics(arrivalsPerDay: arrivals, startedPerDay: Double(count) / perReplication,
                                                   meanWait: mean, waitP50: p[0], waitP90: p[1], waitP99: p[2]))
                }
            }
            stations.append(StationStatistics(
                station: s,
                arrivals: Estimate(replications.map { Double($0.arrivals[s]) }),
                served: Estimate(replications.map { Double($0.served[s]) }),
                utilisation: Estimate(replications.map { $0.utilisation[s] }),
                meanWait: Estimate(replications.map { $0.meanWait[s] }),
                waitP50: percentiles[0], waitP90: percentiles[1], waitP99: percentiles[2],
                maxQueue: replications.map { $0.maxQueue[s] }.max() ?? 0,
                turnedAway: Estimate(replications.map { Double($0.turnedAwayAt[s]) }),
                openServerMinutes: open,
                utilisationOpenHours: Estimate(replications.map { open > 0 && s < $0.busyMinutes.count ? $0.busyMinutes[s] / open : 0 }),
                overtimeMinutes: Estimate(replications.map { s < $0.overtimeMinutes.count ? $0.overtimeMinutes[s] : 0 }),
                carriedOver: Estimate(replications.map { s < $0.carriedOver.count ? Double($0.carriedOver[s]) : 0 }),
                hourly: hourly))
        }
        // Per route: the time from first contact to treatment, every replication's patients together.
        let treatmentRecords = replications.map(\.timeToTreatment)
        let timeToTreatment: [RouteTime?] = (0..<model.routeCount).map { r in
            let (mean, count) = SlotRecord.mean(slot: r, in: treatmentRecords)
            guard count > 0 else { return nil }
            let p = SlotRecord.percentiles([50, 90], slots: CollectionOfOne(r), in: treatmentRecords, histogram: &histogram)
            return RouteTime(patients: count, mean: mean, p50: p[0], p90: p[1])
        }
        // The census by hour: over the measured hours, the mean number in the system at the end of
        // each hour of the day.
        let hours = replications.map(\.inSystemAtEndOfHour.count).min() ?? 0
        let firstHour = Int((warmup / 60).rounded(.up))
        // The end of hour k is clock hour (k + 1) mod 24: one pass over each replication's hours.
        let meansByHour: [[Double]] = replications.map { rep in
            var sums = [Double](repeating: 0, count: 24), counts = [Int](repeating: 0, count: 24)
            for k in stride(from: firstHour, to: hours, by: 1) {
                sums[(k + 1) % 24] += Double(rep.inSystemAtEndOfHour[k])
                counts[(k + 1) % 24] += 1
            }
            return (0..<24).map { counts[$0] == 0 ? 0 : sums[$0] / Double(counts[$0]) }
        }
        let censusByHour: [Estimate] = (0..<24).map { h in Estimate(meansByHour.map { $0[h] }) }
        let links = (0..<model.links.count).map { l in Estimate(replications.map { Double($0.linkFlow[l]) }) }
        let routes = (0..<model.routeOutcome.count).map { r in replications.reduce(0.0) { $0 + Double($1.routeArrivals[r]) } / Double(max(replications.count, 1)) }
        func sum(_ key: KeyPath<ReplicationResult, Int>) -> Int { replications.reduce(0) { $0 + $1[keyPath: key] } }
        let days = replications.map(\.inSystemAtEndOfDay.count).min() ?? 0
        let census = (0..<days).map { d in Estimate(replications.map { Double($0.inSystemAtEndOfDay[d]) }) }
        return SimulationResult(
            configuration: configuration, replications: replications, stations: stations, linkFlow: links, routeArrivals: routes,
            inSystemAtEndOfDay: census,
            warmUpCheck: WarmUpCheck(census: replications.map { $0.inSystemAtEndOfDay.map(Double.init) }, warmupDays: configuration.warmupDays,
                                     demand: clock?.seasonalDemand(model: model), weekly: clock != nil),
            arrived: sum(\.arrived), completed: sum(\.completed), inSystem: sum(\.inSystem),
            notCovered: sum(\.notCovered), unavailable: sum(\.unavailable), turnedAway: sum(\.turnedAway),
            stationVisits: sum(\.stationVisits), events: sum(\.events),
            timed: clock != nil, timeToTreatment: timeToTreatment, inSystemByHourOfDay: censusByHour)
    }
}
