import CareNetwork

/// A run's calendar laid out for the engine, built once per run and shared read-only by its
/// replications: minute 0 is midnight at the start of the run's start date.
///
/// - per day of the horizon: its ``DayType`` (its weekday, or ``DayType/holiday`` on a closed date),
///   its weekday and its month;
/// - per arrival profile: the rate multiplier of every hour of the horizon, scaled so that its mean
///   over the 365 days from the start date is exactly 1 (so the year from the start date receives
///   exactly the annual demand of the `demand:` section, whatever the shape);
/// - per distinct timetable (opening hours resolved to servers): per day type, the segments of the
///   day as (start minute, servers) from minute 0, closed segments (0 servers) included, so that a
///   station's servers are a step function the sweep walks segment by segment.
package final class ClockPlan: @unchecked Sendable {
    /// The first day.
    package let start: CalendarDate
    /// Days of the horizon (the last one partial when the horizon is not whole), plus one.
    package let dayCount: Int
    package let dayType: [UInt8]
    package let weekday: [UInt8]
    package let month: [UInt8]
    /// Hours of the horizon covered by ``profileHours`` (`dayCount × 24`).
    package let hourCount: Int
    /// The profiles the sources follow, `hourCount + 1` hours per profile, one profile after the
    /// other (a profile no source follows takes no room: a file may define any number): per hour, the
    /// area under the profile's multiplier from minute 0 to the hour's start (in minutes at multiplier
    /// 1), and the inverse of the hour's multiplier (0 for an hour of rate 0). The arrival streams
    /// sample by walking it (``ArrivalStreams``).
    package let profileHours: UnsafeMutablePointer<ProfileHour>
    /// Per profile of the model: where its hours start in ``profileHours`` (-1 for a profile no
    /// source follows).
    package let profileOffset: [Int]
    package let profileCount: Int
    /// Per station: its timetable (an index of ``timetableDays``), -1 around the clock.
    package let stationTimetable: [Int32]
    /// Per timetable and day type (`timetable × 8 + dayType`): the range of its segments in
    /// ``segmentStart``/``segmentServers``.
    package let timetableDays: [Int32]
    package let segmentStart: [Int32]
    package let segmentServers: [Int32]
    /// The overtime limit in minutes (``NetworkCalendar/overtimeMinutes``).
    package let overtimeMinutes: Double
    /// Per timetable and day type (`timetable × 8 + dayType`): the server-minutes of the whole day.
    package let dayServerMinutes: [Double]

    /// The clock of `model` for a run of `horizonMinutes` from `start`.
    package init(model: SimulationModel, start: CalendarDate, horizonMinutes: Double) {
        self.start = start
        dayCount = max(1, Int((horizonMinutes / 1440).rounded(.up))) + 1
        var dayType: [UInt8] = [], weekday: [UInt8] = [], month: [UInt8] = []
        for d in 0..<dayCount {
            let date = start.adding(days: d)
            dayType.append(UInt8(model.calendar.dayType(of: date).rawValue))
            weekday.append(UInt8(date.weekday.rawValue))
            month.append(UInt8(date.month))
        }
        self.dayType = dayType
        self.weekday = weekday
        self.month = month
        hourCount = dayCount * 24
        let used = Set(model.sourceProfile.filter { $0 >= 0 }.map(Int.init)).sorted()
        var offsets = [Int](repeating: -1, count: model.arrivalProfiles.count)
        for (k, p) in used.enumerated() { offsets[p] = k * (hourCount + 1) }
        profileOffset = offsets
        profileCount = used.count
        profileHours = .allocate(capacity: max(profileCount * (hourCount + 1), 1))
        for p in used {
            let rates = ClockPlan.hourlyRates(model.arrivalProfiles[p], calendar: model.calendar, start: start, days: dayCount)
            let hours = profileHours + offsets[p]
            var area = 0.0
            for h in 0..<hourCount {
                hours[h] = ProfileHour(area: area, inverse: rates[h] > 0 ? 1 / rates[h] : 0, runEnd: 0)
                area += 60 * rates[h]
            }
            // The end of the last hour: what the walk compares with, never the hour it stops in.
            hours[hourCount] = ProfileHour(area: area, inverse: 0, runEnd: Int32(hourCount))
            for h in stride(from: hourCount - 1, through: 0, by: -1) {
                hours[h].runEnd = hours[h + 1].area == hours[h].area ? hours[h + 1].runEnd : Int32(h)
            }
        }
        // Timetables: one per distinct opening hours.
        var index: [OpeningHours: Int32] = [:]
        var stationTimetable: [Int32] = [], timetableDays: [Int32] = [0], starts: [Int32] = [], servers: [Int32] = []
        for hours in model.stationHours {
            guard let hours else { stationTimetable.append(-1); continue }
            if let known = index[hours] { stationTimetable.append(known); continue }
            let id = Int32(index.count)
            index[hours] = id
            stationTimetable.append(id)
            for day in DayType.allCases {
                var minute = 0
                func segment(_ start: Int, _ count: Int) {
                    if let last = servers.last, starts.count > Int(timetableDays.last!), last == Int32(count) { return }
                    starts.append(Int32(start))
                    servers.append(Int32(count))
                }
                for shift in hours[day] {
                    if shift.start > minute { segment(minute, 0) }
                    segment(shift.start, shift.servers)
                    minute = shift.end
                }
                if minute < 1440 { segment(minute, 0) }
                timetableDays.append(Int32(starts.count))
            }
        }
        self.stationTimetable = stationTimetable
        self.timetableDays = timetableDays
        segmentStart = starts
        segmentServers = servers
        dayServerMinutes = (0..<(timetableDays.count - 1)).map { k in
            let range = Int(timetableDays[k])..<Int(timetableDays[k + 1])
            return range.reduce(0.0) { total, j in
                let end = j + 1 < range.upperBound ? Double(starts[j + 1]) : 1440
                return total + (end - Double(starts[j])) * Double(servers[j])
            }
        }
        overtimeMinutes = Double(model.calendar.overtimeMinutes)
    }

    deinit { profileHours.deallocate() }

    /// A profile's multiplier for every hour of `days` days from `start`: its weights, over their
    /// mean across the 365 days from `start`.
    package static func hourlyRates(_ profile: ArrivalProfile, calendar: NetworkCalendar, start: CalendarDate, days: Int) -> [Double] {
        func weights(day d: Int) -> [Double] {
            let date = start.adding(days: d)
            let type = calendar.dayType(of: date)
            return (0..<24).map { profile.weight(day: type, hour: $0, month: date.month) }
        }
        var yearTotal = 0.0
        for d in 0..<365 { yearTotal += weights(day: d).reduce(0, +) }
        let scale = yearTotal > 0 ? Double(365 * 24) / yearTotal : 0
        var rates: [Double] = []
        rates.reserveCapacity(days * 24)
        for d in 0..<days { rates += weights(day: d).map { $0 * scale } }
        return rates
    }

    /// The hour of the run (0 from the first day's midnight) that holds minute `minutes` (at least 0):
    /// floor(minutes / 60), from its whole minutes, so that a time on an hour's boundary falls in the
    /// hour it starts, with no product to round; its day is this over 24 and its hour of the day the
    /// remainder (divisions by constants: a multiply and a few shifts each). The conversion is to a
    /// signed integer: one instruction and its range check, where one to an unsigned integer takes a
    /// dozen. The sweep and the reference engine read a patient's hour and day here.
    @inline(__always)
    package static func hourOfRun(_ minutes: Double) -> Int { Int(minutes) / 60 }

    /// The hour of the day (0-23) that holds minute `minutes` of the run: ``hourOfRun(_:)`` modulo 24.
    @inline(__always)
    package static func hourOfDay(_ minutes: Double) -> Int { hourOfRun(minutes) % 24 }

    /// The segments of timetable `t` on day `d` of the horizon.
    @inline(__always)
    package func segments(timetable t: Int32, day d: Int) -> Range<Int> {
        let k = Int(t) &* 8 &+ Int(dayType[min(d, dayCount - 1)])
        return Int(timetableDays[k])..<Int(timetableDays[k &+ 1])
    }

    /// The servers of timetable `t` at `minutes` (for tests and reports).
    package func servers(timetable t: Int32, at minutes: Double) -> Int {
        let d = min(Int(minutes / 1440), dayCount - 1), m = minutes - Double(d) * 1440
        var servers = 0
        for k in segments(timetable: t, day: d) where Double(segmentStart[k]) <= m { servers = Int(segmentServers[k]) }
        return servers
    }

    /// Server-minutes timetable `t` offers between `from` and `to` (minutes), `base` servers when `t` is -1.
    package func serverMinutes(timetable t: Int32, base: Int, from: Double, to: Double) -> Double {
        guard to > from else { return 0 }
        guard t >= 0 else { return Double(base) * (to - from) }
        var total = 0.0
        var d = max(0, Int(from / 1440))
        while Double(d) * 1440 < to, d < dayCount {
            // A whole day inside the interval: its day type's total, without walking its segments.
            if Double(d) * 1440 >= from, Double(d + 1) * 1440 <= to {
                total += dayServerMinutes[Int(t) &* 8 &+ Int(dayType[d])]
                d += 1
                continue
            }
            let range = segments(timetable: t, day: d)
            for k in range {
                let a = Double(d) * 1440 + Double(segmentStart[k])
                let b = Double(d) * 1440 + (k + 1 < range.upperBound ? Double(segmentStart[k + 1]) : 1440)
                let overlap = min(b, to) - max(a, from)
                if overlap > 0 { total += overlap * Double(segmentServers[k]) }
            }
            d += 1
        }
        return total
    }

    /// Per day of the horizon: the arrivals `model`'s sources are expected to send by the season,
    /// per minute: their rates times their profiles' month multiplier of the day (relative to its
    /// mean over the 365 days from the start, as the profiles are scaled). Weekdays and closed dates
    /// are left out: the census does not follow them down (a closed day's patients wait for the next
    /// opening). The warm-up check judges the census for it (``WarmUpCheck``).
    package func seasonalDemand(model: SimulationModel) -> [Double] {
        var constant = 0.0
        var byProfile = [Double](repeating: 0, count: profileOffset.count)
        for i in 0..<model.sourceCount where model.sourceRate[i] > 0 {
            let p = Int(model.sourceProfile[i])
            if p >= 0, profileOffset[p] >= 0 { byProfile[p] += model.sourceRate[i] } else { constant += model.sourceRate[i] }
        }
        var demand = [Double](repeating: constant, count: dayCount)
        for (p, weight) in byProfile.enumerated() where weight > 0 {
            let monthly = model.arrivalProfiles[p].monthly
            let year = (0..<365).reduce(0.0) { $0 + monthly[start.adding(days: $1).month - 1] } / 365
            guard year > 0 else { continue }
            for d in 0..<dayCount { demand[d] += weight * monthly[Int(month[d]) - 1] / year }
        }
        return demand
    }
}

/// One hour of an arrival profile laid out for sampling (``ClockPlan/profileHours``).
package struct ProfileHour {
    /// The area under the multiplier from minute 0 to the start of the hour, in minutes at multiplier 1.
    package var area: Double
    /// 1 over the hour's multiplier; 0 for an hour of rate 0.
    package var inverse: Double
    /// The last hour (of the profile's, at most its end) that starts at the same area as this one:
    /// this hour itself unless it holds no area (a night, a closed weekend), so that the walk passes a
    /// closed stretch in one step.
    package var runEnd: Int32
}
