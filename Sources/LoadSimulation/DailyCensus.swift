/// Patients entering and leaving the system, hour by hour, in the sweep and in the reference engine:
/// the number in the system at the end of each hour (and day) is their running sum, whatever order an engine
/// processes its events in (the station sweep goes station by station through a week). A warm-up diagnostic: the census climbs
/// from empty and levels off once the warm-up has done its work.
package struct DailyCensus: ~Copyable {
    /// Days of the horizon, the last one partial when the horizon is not a whole number of days.
    let days: Int
    /// Hours of the horizon, the last one partial when the horizon is not a whole number of hours.
    let hours: Int
    /// Per hour: patients who entered minus patients who left. One slot more than ``hours``, for
    /// events at the horizon itself (counted with the last hour), so that no event needs a bounds
    /// check; a type of its own, so that the compiler knows these writes touch no other counter and
    /// keeps those in registers.
    let net: UnsafeMutablePointer<DayNet>

    struct DayNet { var value = 0 }

    package init(horizon: Double) {
        days = max(1, Int((horizon / 1440).rounded(.up)))
        hours = max(1, Int((horizon / 60).rounded(.up)))
        net = .allocate(capacity: hours + 1)
        net.initialize(repeating: DayNet(), count: hours + 1)
    }

    deinit { net.deallocate() }

    /// A patient entered the system (was admitted to its first station) at `now` (at most the horizon).
    @inline(__always) package func entered(at now: Double) { net[Int(now * (1.0 / 60))].value &+= 1 }
    /// A patient left the system (completed its pathway, or was turned away by a full queue) at `now`.
    @inline(__always) package func left(at now: Double) { net[Int(now * (1.0 / 60))].value &-= 1 }

    /// The patients in the system at the end of each hour (the last: at the horizon).
    func endOfHour() -> [Int] {
        var total = 0
        return (0..<hours).map { hour in
            total += net[hour].value
            // Events at the horizon of a whole number of hours fall one slot past the last hour.
            if hour == hours - 1 { total += net[hours].value }
            return total
        }
    }

    /// The patients in the system at the end of each day (the last: at the horizon).
    func endOfDay() -> [Int] {
        let hourly = endOfHour()
        return (0..<days).map { day in hourly[min(24 * (day + 1), hours) - 1] }
    }
}
