import CarePathSupport

/// A station's `hours:` as written: `always`, the name of a timetable of `calendar.hours`, or a
/// timetable of its own.
public enum HoursDescription: Sendable, Hashable {
    /// Open around the clock with all its servers (the default).
    case always
    /// A timetable of the network's `calendar.hours`, by name.
    case named(String)
    /// A timetable written in place.
    case table(HoursTable)
}

/// A timetable as written: per ``DayType``, the intervals it is open and their servers, which may be
/// the station's own count, a number, or a share of the station's count.
public struct HoursTable: Sendable, Hashable {
    /// How many servers work in an interval.
    public enum Servers: Sendable, Hashable {
        /// The station's own count (`servers:` or `beds:`).
        case all
        /// This many.
        case count(Int)
        /// This share of the station's count, rounded up (at least one).
        case share(Double)

        /// The servers of a station with `base` servers.
        public func resolved(base: Int) -> Int {
            switch self {
            case .all: base
            case .count(let n): n
            case .share(let s): max(1, Int((Double(base) * s - 1e-9).rounded(.up)))
            }
        }
    }

    /// One interval as written.
    public struct Interval: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var servers: Servers

        /// Open from `start` to `end` (minutes from midnight) with `servers`.
        public init(start: Int, end: Int, servers: Servers) {
            self.start = start
            self.end = end
            self.servers = servers
        }
    }

    /// Per ``DayType`` (by raw value), sorted and disjoint.
    public var days: [[Interval]]

    /// A timetable from its eight days (Monday first, closed dates last).
    public init(days: [[Interval]]) {
        precondition(days.count == DayType.allCases.count)
        self.days = days
    }

    /// The timetable of a station with `base` servers.
    public func resolved(base: Int) -> OpeningHours {
        OpeningHours(days: days.map { $0.map { OpeningHours.Shift(start: $0.start, end: $0.end, servers: $0.servers.resolved(base: base)) } })
    }
}

/// The network's `calendar:` section as written.
public struct CalendarDescription: Sendable, Hashable {
    /// Closed dates (public holidays).
    public var closedDates: [ClosedDate]
    /// Minutes a closing station's staff keep starting the patients who were waiting.
    public var overtimeMinutes: Int
    /// Named timetables.
    public var hours: [String: HoursTable]

    /// A calendar section, as a file would give it.
    public init(closedDates: [ClosedDate] = [], overtimeMinutes: Int = 0, hours: [String: HoursTable] = [:]) {
        self.closedDates = closedDates
        self.overtimeMinutes = overtimeMinutes
        self.hours = hours
    }
}

extension NetworkDecoder {
    static let calendarKeys = ["holidays", "overtime-minutes", "hours"]
    static let profileKeys = ["hours", "weekdays", "months", "holidays"]
    static let monthKeys = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let hoursHint = "for example 'hours: {mon-fri: 08:30-16:30, sat: 08:30-12:00}', a name from calendar.hours, or 'always'"

    /// The `calendar:` section, or nil after a diagnostic.
    package mutating func calendar(_ value: SourceValue) -> CalendarDescription? {
        guard let f = reader.mapping(value, what: "calendar", allowed: NetworkDecoder.calendarKeys) else { return nil }
        var calendar = CalendarDescription()
        for item in reader.list(f["holidays"], what: "calendar holidays") {
            if let date = closedDate(item) { calendar.closedDates.append(date) }
        }
        if let overtime = f["overtime-minutes"] {
            calendar.overtimeMinutes = reader.integer(overtime, what: "overtime-minutes", range: 0...1440,
                                                      hint: "the minutes a closing station's staff keep serving the patients still waiting") ?? 0
        }
        if let hours = f["hours"] {
            if case .mapping(let entries) = hours.kind {
                for entry in entries {
                    if !DocumentReader.isKebabCase(entry.key) {
                        reader.error(.invalidID, "timetable name '\(entry.key)' is not a lowercase kebab-case id", at: entry.keyLocation)
                    }
                    if entry.key == "always" {
                        reader.error(.invalidID, "'always' is not a timetable name: it means open around the clock", at: entry.keyLocation)
                        continue
                    }
                    if let table = hoursTable(entry.value, what: "timetable '\(entry.key)'") { calendar.hours[entry.key] = table }
                }
            } else if case .null = hours.kind {
            } else {
                reader.error(.wrongType, "calendar hours must be a mapping from timetable name to timetable, found \(hours.kindName)", at: hours.location)
            }
        }
        return calendar
    }

    /// A closed date: `MM-DD` (every year) or `YYYY-MM-DD`.
    private mutating func closedDate(_ value: SourceValue) -> ClosedDate? {
        guard let text = reader.string(value, what: "holiday") else { return nil }
        if let date = CalendarDate(text) { return ClosedDate(year: date.year, month: date.month, day: date.day) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
           let m = Int(parts[0]), let d = Int(parts[1]), (1...12).contains(m), d >= 1, d <= CalendarDate.daysIn(month: m, year: 2024) {
            return ClosedDate(month: m, day: d)
        }
        reader.error(.invalidValue, "holiday '\(DocumentReader.shown(text))' is not a date", at: value.location,
                     hint: "write MM-DD for a date every year (05-01) or YYYY-MM-DD for one year (2027-03-20)")
        return nil
    }

    /// A station's or a facility's `hours:`, or nil after a diagnostic.
    package mutating func hours(_ value: SourceValue, what: String) -> HoursDescription? {
        if case .scalar(let text, _) = value.kind {
            if text == "always" { return .always }
            guard DocumentReader.isKebabCase(text) else {
                reader.error(.invalidHours, "\(what) hours '\(DocumentReader.shown(text))' is neither 'always' nor a timetable name", at: value.location,
                             hint: NetworkDecoder.hoursHint)
                return nil
            }
            return .named(text)
        }
        return hoursTable(value, what: "\(what) hours").map(HoursDescription.table)
    }

    /// A timetable mapping: day keys (`mon` ... `sun`, ranges such as `mon-fri`, `every-day`,
    /// `holidays`) to `closed`, `always`, an interval `HH:MM-HH:MM`, a list of intervals, or a mapping
    /// from intervals (or `always`) to servers. `every-day` is every day of the year, the closed dates
    /// included unless a `holidays` key gives them hours of their own (`mon-sun` leaves them out).
    mutating func hoursTable(_ value: SourceValue, what: String) -> HoursTable? {
        guard case .mapping(let entries) = value.kind else {
            reader.error(.wrongType, "\(what) must be a mapping from days to opening hours, found \(value.kindName)", at: value.location,
                         hint: NetworkDecoder.hoursHint)
            return nil
        }
        var days: [[(HoursTable.Interval, SourceLocation)]] = Array(repeating: [], count: DayType.allCases.count)
        var failed = false
        // `every-day` covers the closed dates too, unless a `holidays` key says what happens on them.
        var everyDayOnHolidays: [(HoursTable.Interval, SourceLocation)] = [], holidaysGiven = false
        for entry in entries {
            guard let covered = dayKeys(entry.key, at: entry.keyLocation, what: what) else { failed = true; continue }
            guard let intervals = dayIntervals(entry.value, what: "\(what), \(entry.key)") else { failed = true; continue }
            if entry.key == "holidays" { holidaysGiven = true }
            for day in covered { days[day.rawValue] += intervals }
            if entry.key == "every-day" { everyDayOnHolidays += intervals }
        }
        if !holidaysGiven { days[DayType.holiday.rawValue] += everyDayOnHolidays }
        // Overlaps within a day, whichever keys the intervals came from.
        for (d, day) in days.enumerated() {
            let sorted = day.sorted { $0.0.start < $1.0.start }
            for k in sorted.indices.dropFirst() where sorted[k].0.start < sorted[k - 1].0.end {
                let a = sorted[k - 1].0, b = sorted[k].0
                reader.error(.invalidHours, "\(what): on \(DayType.keys[d]), \(OpeningHours.clock(a.start))-\(OpeningHours.clock(a.end)) and \(OpeningHours.clock(b.start))-\(OpeningHours.clock(b.end)) overlap",
                             at: sorted[k].1, hint: "a day's intervals must not overlap; give each shift its own hours")
                failed = true
            }
            days[d] = sorted
        }
        guard !failed else { return nil }
        return HoursTable(days: days.map { $0.map(\.0) })
    }

    /// The days a timetable key stands for.
    private mutating func dayKeys(_ key: String, at location: SourceLocation, what: String) -> [DayType]? {
        if key == "every-day" { return DayType.week }
        if key == "holidays" { return [.holiday] }
        if let i = DayType.keys.prefix(7).firstIndex(of: key) { return [DayType.week[i]] }
        let ends = key.split(separator: "-")
        if ends.count == 2, let a = DayType.keys.prefix(7).firstIndex(of: String(ends[0])), let b = DayType.keys.prefix(7).firstIndex(of: String(ends[1])), a < b {
            return Array(DayType.week[a...b])
        }
        let words = DayType.keys + ["every-day", "mon-fri", "sat-sun", "mon-sat"]
        reader.error(.invalidHours, "\(what): '\(DocumentReader.shown(key))' is not a day", at: location,
                     hint: (Suggestion.nearest(to: key, in: words).map { "did you mean '\($0)'? " } ?? "") + "days are mon ... sun, ranges such as mon-fri, every-day and holidays")
        return nil
    }

    /// A day's value: `closed`, `always`, an interval, a list of them, or intervals → servers.
    private mutating func dayIntervals(_ value: SourceValue, what: String) -> [(HoursTable.Interval, SourceLocation)]? {
        switch value.kind {
        case .scalar(let text, _):
            if text == "closed" { return [] }
            if text == "always" { return [(HoursTable.Interval(start: 0, end: 1440, servers: .all), value.location)] }
            return interval(text, at: value.location, what: what).map { [(HoursTable.Interval(start: $0.0, end: $0.1, servers: .all), value.location)] }
        case .sequence(let items):
            var result: [(HoursTable.Interval, SourceLocation)] = []
            var failed = false
            for item in items {
                guard let text = reader.string(item, what: what), let span = interval(text, at: item.location, what: what) else { failed = true; continue }
                result.append((HoursTable.Interval(start: span.0, end: span.1, servers: .all), item.location))
            }
            return failed ? nil : result
        case .mapping(let entries):
            var result: [(HoursTable.Interval, SourceLocation)] = []
            var failed = false
            for entry in entries {
                let span = entry.key == "always" ? (0, 1440) : interval(entry.key, at: entry.keyLocation, what: what)
                guard let span, let servers = shiftServers(entry.value, what: "\(what) \(entry.key)") else { failed = true; continue }
                result.append((HoursTable.Interval(start: span.0, end: span.1, servers: servers), entry.keyLocation))
            }
            return failed ? nil : result
        case .null:
            return []
        }
    }

    /// The servers of a shift: a whole number of at least 1, or a share `NN%`.
    private mutating func shiftServers(_ value: SourceValue, what: String) -> HoursTable.Servers? {
        if case .scalar(let text, _) = value.kind, text.hasSuffix("%") {
            guard let share = DocumentReader.number(String(text.dropLast())), share > 0, share <= 100 else {
                reader.error(.invalidHours, "\(what): servers '\(DocumentReader.shown(text))' is not a share between 1% and 100%", at: value.location)
                return nil
            }
            return .share(share / 100)
        }
        if case .scalar(let text, false) = value.kind, DocumentReader.number(text) == 0 {
            reader.error(.invalidHours, "\(what): 0 servers during open hours", at: value.location,
                         hint: "leave the interval out to close the station then")
            return nil
        }
        return reader.integer(value, what: "\(what) servers", range: NetworkRanges.beds, hint: "the servers (or beds) working in this shift").map { .count($0) }
    }

    /// `HH:MM-HH:MM` as minutes from midnight (an end of `00:00` is the midnight that ends the day).
    private mutating func interval(_ text: String, at location: SourceLocation, what: String) -> (Int, Int)? {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false)
        func time(_ part: Substring) -> Int? {
            let hm = part.split(separator: ":", omittingEmptySubsequences: false)
            guard hm.count == 2, (1...2).contains(hm[0].count), hm[1].count == 2,
                  hm.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let h = Int(hm[0]), let m = Int(hm[1]), m < 60 else { return nil }
            return h * 60 + m
        }
        guard ends.count == 2, let start = time(ends[0]), let rawEnd = time(ends[1]) else {
            reader.error(.invalidHours, "\(what): '\(DocumentReader.shown(text))' is not an interval HH:MM-HH:MM", at: location, hint: NetworkDecoder.hoursHint)
            return nil
        }
        if start >= 1440 || rawEnd >= 1440 {
            reader.error(.invalidHours, "\(what): '\(text)' has a time of \(start >= 1440 ? ends[0] : ends[1]), past the end of the day", at: location,
                         hint: "times run from 00:00 to 23:59; write 00:00 for the midnight that ends the day, as in 20:00-00:00")
            return nil
        }
        let end = rawEnd == 0 ? 1440 : rawEnd
        guard start < end else {
            reader.error(.invalidHours, "\(what): '\(text)' ends before it starts", at: location,
                         hint: "an interval ends on the day it starts: write a night shift as 20:00-00:00 and 00:00-08:00 on the next day")
            return nil
        }
        return (start, end)
    }

    /// One `demand.arrival-profiles` entry, or nil after a diagnostic.
    package mutating func arrivalProfile(_ value: SourceValue, id: String) -> ArrivalProfile? {
        let what = "arrival profile '\(id)'"
        guard let f = reader.mapping(value, what: what, allowed: NetworkDecoder.profileKeys) else { return nil }
        var hourly = Array(repeating: Array(repeating: 1.0, count: 24), count: DayType.allCases.count)
        var holidayHoursGiven = false
        var failed = false
        if let hours = f["hours"] {
            switch hours.kind {
            case .sequence:
                if let weights = weights(hours, count: 24, what: "\(what) hours") { hourly = Array(repeating: weights, count: DayType.allCases.count) } else { failed = true }
            case .mapping(let entries):
                var given = Array(repeating: false, count: DayType.allCases.count)
                for entry in entries {
                    guard let days = dayKeys(entry.key, at: entry.keyLocation, what: "\(what) hours"),
                          let w = weights(entry.value, count: 24, what: "\(what) hours, \(entry.key)") else { failed = true; continue }
                    for day in days { hourly[day.rawValue] = w; given[day.rawValue] = true }
                }
                holidayHoursGiven = given[DayType.holiday.rawValue]
                let missing = DayType.week.filter { !given[$0.rawValue] }
                if !failed, !missing.isEmpty {
                    reader.error(.invalidProfile, "\(what) hours give no weights for \(missing.map(\.key).joined(separator: ", "))", at: hours.location,
                                 hint: "give 24 weights for every day, for example keys mon-fri, sat and sun")
                    failed = true
                }
            default:
                reader.error(.wrongType, "\(what) hours must be a list of 24 weights or a mapping from days to them, found \(hours.kindName)", at: hours.location)
                failed = true
            }
        }
        if let weekdays = f["weekdays"] {
            if let factors = dayFactors(weekdays, what: "\(what) weekdays") {
                for day in DayType.week { hourly[day.rawValue] = hourly[day.rawValue].map { $0 * factors[day.rawValue] } }
            } else { failed = true }
        }
        // A closed date is shaped as a Sunday unless the profile gives it hours of its own; `holidays:`
        // weighs it against that.
        if !holidayHoursGiven { hourly[DayType.holiday.rawValue] = hourly[DayType.sunday.rawValue] }
        if let holidays = f["holidays"] {
            if let factor = reader.double(holidays, what: "\(what) holidays", range: 0...1e6, hint: "the weight of a closed date against a Sunday") {
                hourly[DayType.holiday.rawValue] = hourly[DayType.holiday.rawValue].map { $0 * factor }
            } else { failed = true }
        }
        var monthly = Array(repeating: 1.0, count: 12)
        if let months = f["months"] {
            if case .mapping(let entries) = months.kind {
                for entry in entries {
                    guard let m = NetworkDecoder.monthKeys.firstIndex(of: entry.key) else {
                        reader.error(.invalidProfile, "\(what) months: '\(entry.key)' is not a month", at: entry.keyLocation,
                                     hint: Suggestion.hint(for: entry.key, in: NetworkDecoder.monthKeys) ?? "months are jan ... dec")
                        failed = true
                        continue
                    }
                    if let w = weight(entry.value, what: "\(what) months \(entry.key)") { monthly[m] = w } else { failed = true }
                }
            } else if let w = weights(months, count: 12, what: "\(what) months") { monthly = w } else { failed = true }
        }
        guard !failed else { return nil }
        if DayType.week.allSatisfy({ hourly[$0.rawValue].allSatisfy { $0 == 0 } }) || monthly.allSatisfy({ $0 == 0 }) {
            reader.error(.invalidProfile, "\(what) is zero at every hour of the week or every month: no patient could ever arrive", at: f.location,
                         hint: "weights are relative; give the busiest hours the largest ones")
            return nil
        }
        return ArrivalProfile(id: id, hourly: hourly, monthly: monthly)
    }

    /// Day weights (`{mon: 1.2, sun: 0.3}` or a list of seven), 1 where not given.
    private mutating func dayFactors(_ value: SourceValue, what: String) -> [Double]? {
        var factors = Array(repeating: 1.0, count: DayType.allCases.count)
        if case .mapping(let entries) = value.kind {
            var failed = false
            for entry in entries {
                guard let days = dayKeys(entry.key, at: entry.keyLocation, what: what), let w = weight(entry.value, what: "\(what) \(entry.key)") else { failed = true; continue }
                for day in days { factors[day.rawValue] = w }
            }
            return failed ? nil : factors
        }
        guard let list = weights(value, count: 7, what: what) else { return nil }
        for (k, w) in list.enumerated() { factors[k] = w }
        return factors
    }

    /// A list of exactly `count` weights.
    private mutating func weights(_ value: SourceValue, count: Int, what: String) -> [Double]? {
        guard case .sequence(let items) = value.kind else {
            reader.error(.wrongType, "\(what) must be a list of \(count) weights, found \(value.kindName)", at: value.location)
            return nil
        }
        guard items.count == count else {
            reader.error(.invalidProfile, "\(what) has \(items.count) weights; it needs \(count)", at: value.location,
                         hint: count == 24 ? "one weight per hour, from 00:00-01:00 to 23:00-00:00" : count == 12 ? "one weight per month, January first" : "one per weekday, Monday first")
            return nil
        }
        var result: [Double] = []
        for item in items {
            guard let w = weight(item, what: what) else { return nil }
            result.append(w)
        }
        return result
    }

    /// One weight: a number from 0 to 10^6.
    private mutating func weight(_ value: SourceValue, what: String) -> Double? {
        if case .scalar(let text, false) = value.kind, let n = DocumentReader.number(text), n < 0 {
            reader.error(.invalidProfile, "\(what): weight \(DocumentReader.shown(text)) is negative", at: value.location,
                         hint: "weights are relative arrival rates: 0 for none, larger for busier")
            return nil
        }
        return reader.double(value, what: "\(what) weight", range: 0...1e6)
    }
}
