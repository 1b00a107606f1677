extension ReplicationResult {
    /// What makes a decoded replication (a partial result read back from a file) unfit for
    /// ``Simulation`` to aggregate on `model`, in words; nil when every per-station, per-link and
    /// per-route array has the model's length and the wait record is well formed. Aggregating a
    /// replication of another shape would index out of its arrays.
    package func shapeProblem(model: SimulationModel) -> String? {
        let stations = model.stationCount, links = model.links.count, routes = model.routeOutcome.count
        let arrays: [(String, Int, Int)] = [
            ("arrivals", arrivals.count, stations), ("served", served.count, stations), ("utilisation", utilisation.count, stations),
            ("meanWait", meanWait.count, stations), ("maxQueue", maxQueue.count, stations), ("turnedAwayAt", turnedAwayAt.count, stations),
            ("linkFlow", linkFlow.count, links), ("routeRejected", routeRejected.count, routes), ("routeArrivals", routeArrivals.count, routes),
        ]
        for (name, count, expected) in arrays where count != expected {
            return "\(name) has \(count) values, the model \(expected)"
        }
        // The time model's arrays: per station always; by the hour only with a clock.
        let timed: [(String, Int, Int)] = [
            ("overtimeMinutes", overtimeMinutes.count, stations), ("carriedOver", carriedOver.count, stations),
            ("busyMinutes", busyMinutes.count, stations), ("timeToTreatment", timeToTreatment.slotCount, routes),
        ] + (model.hasTimeModel ? [("arrivalsByHour", arrivalsByHour.count, stations * 24), ("hourlyWaits", hourlyWaits.slotCount, stations * 31)]
                                : [("arrivalsByHour", arrivalsByHour.count, 0), ("hourlyWaits", hourlyWaits.slotCount, 0)])
        for (name, count, expected) in timed where count != expected {
            return "\(name) has \(count) values, the model \(expected)"
        }
        if let problem = hourlyWaits.shapeProblem(name: "hourlyWaits") ?? timeToTreatment.shapeProblem(name: "timeToTreatment") { return problem }
        return waits.shapeProblem(stations: stations)
    }
}

extension SlotRecord {
    /// Nil when the record's sums, offsets, buckets and counts fit its slots; else what is wrong.
    package func shapeProblem(name: String) -> String? {
        guard sums.count == counts.count, offsets.count == counts.count + 1, offsets.first == 0, Int(offsets.last ?? -1) == buckets.count,
              buckets.count == bucketCounts.count, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
              buckets.allSatisfy({ Int($0) < CoarseBuckets.count })
        else { return "\(name)'s offsets, buckets and counts do not fit together" }
        return nil
    }
}

extension WaitRecord {
    /// Nil when the record holds `stations` stations, its offsets climb from 0 to the number of
    /// buckets, every bucket is one the counter makes and no count is negative; else what is wrong.
    package func shapeProblem(stations: Int) -> String? {
        guard zeroWaits.count == stations else { return "waits.zeroWaits has \(zeroWaits.count) values, the model \(stations) stations" }
        guard zeroWaits.allSatisfy({ $0 >= 0 }) else { return "waits.zeroWaits has a negative count" }
        guard offsets.count == stations + 1, offsets.first == 0, Int(offsets.last ?? -1) == buckets.count, buckets.count == counts.count,
              zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 })
        else { return "waits' offsets, buckets and counts do not fit together" }
        guard buckets.allSatisfy({ Int($0) < WaitBuckets.perStation }) else { return "waits has a bucket beyond the last" }
        return nil
    }
}
