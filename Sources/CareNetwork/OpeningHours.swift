/// The days a weekly timetable distinguishes: Monday to Sunday, and the network's closed dates
/// (public holidays), which have a timetable of their own.
public enum DayType: Int, CaseIterable, Sendable, Hashable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday, holiday

    /// The timetable key of the day (`mon` ... `sun`, `holidays`).
    public var key: String { DayType.keys[rawValue] }

    /// The seven weekdays, Monday first.
    public static let week: [DayType] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]
    static let keys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "holidays"]
}

/// When a station is open and how many of its servers (or beds) work, over a week: for each
/// ``DayType`` the intervals it is open, each with its servers (a shift). Outside them it is closed.
/// A station without a timetable (`hours: always`, the default) is open around the clock with all its
/// servers.
///
/// Intervals are in minutes from midnight, `start < end <= 1440`, sorted and disjoint within a day;
/// every interval has at least one server.
public struct OpeningHours: Hashable, Sendable {
    /// One interval of a day: open from `start` to `end` (minutes from midnight) with `servers` servers.
    public struct Shift: Hashable, Sendable {
        public var start: Int
        public var end: Int
        public var servers: Int

        /// An interval from `start` to `end` minutes after midnight with `servers` servers.
        public init(start: Int, end: Int, servers: Int) {
            self.start = start
            self.end = end
            self.servers = servers
        }
    }

    /// Per ``DayType`` (by raw value): its shifts, sorted.
    public var days: [[Shift]]

    /// A timetable from its days' shifts (eight lists, Monday first, closed dates last).
    public init(days: [[Shift]]) {
        precondition(days.count == DayType.allCases.count)
        self.days = days.map { $0.sorted { $0.start < $1.start } }
    }

    /// The shifts of `day`.
    public subscript(day: DayType) -> [Shift] { days[day.rawValue] }

    /// Whether the station is open at some time of some weekday (closed dates aside).
    public var opensInTheWeek: Bool { DayType.week.contains { !days[$0.rawValue].isEmpty } }

    /// Whether the station closes at some time of `day`: its shifts leave a gap between midnight and
    /// midnight. A day of shifts only (a night shift of fewer servers) does not close.
    public func closes(on day: DayType) -> Bool {
        var covered = 0
        for shift in days[day.rawValue] {
            guard shift.start <= covered else { return true }
            covered = max(covered, shift.end)
        }
        return covered < 1440
    }

    /// Whether the station closes at some time of some weekday (closed dates aside).
    public var closesInTheWeek: Bool { DayType.week.contains { closes(on: $0) } }

    /// The timetable as a file would write it, for messages and documents: `mon-fri 08:30-16:30 (2)`;
    /// `every-day ...` when the seven weekdays and the closed dates have the same hours.
    public var summary: String {
        func text(_ day: Int) -> String {
            days[day].isEmpty ? "closed" : days[day].map { "\(Self.clock($0.start))-\(Self.clock($0.end)) (\($0.servers))" }.joined(separator: ", ")
        }
        if days.dropFirst().allSatisfy({ $0 == days[0] }) { return "every-day \(text(0))" }
        var parts: [String] = []
        var day = 0
        while day < DayType.allCases.count {
            var last = day
            while last + 1 < 7, day < 7, days[last + 1] == days[day] { last += 1 }
            let name = last == day ? DayType.keys[day] : "\(DayType.keys[day])-\(DayType.keys[last])"
            parts.append("\(name) \(text(day))")
            day = last + 1
        }
        return parts.joined(separator: "; ")
    }

    /// `minutes` from midnight as `HH:MM` (1440 as `00:00`, the midnight that ends a day).
    public static func clock(_ minutes: Int) -> String {
        let m = minutes % 1440
        let h = m / 60, mm = m % 60
        return (h < 10 ? "0" : "") + "\(h):" + (mm < 10 ? "0" : "") + "\(mm)"
    }
}

/// A month and day, recurring every year (`05-01`), or one date (`2027-03-20`): a day the network's
/// stations with opening hours keep their closed-date timetable (public holidays).
public struct ClosedDate: Hashable, Sendable, Comparable {
    /// The year, or nil for every year.
    public var year: Int?
    public var month: Int
    public var day: Int

    /// A closed date: `day` of `month`, in `year` or (nil) every year.
    public init(year: Int? = nil, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date as written: `MM-DD` or `YYYY-MM-DD`.
    public var text: String {
        let md = (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
        return year.map { "\($0)-\(md)" } ?? md
    }

    /// Whether the date falls on `date`.
    public func matches(_ date: CalendarDate) -> Bool {
        month == date.month && day == date.day && (year == nil || year == date.year)
    }

    public static func < (a: ClosedDate, b: ClosedDate) -> Bool {
        ((a.year ?? 0), a.month, a.day) < ((b.year ?? 0), b.month, b.day)
    }
}

extension CalendarDate {
    /// Its weekday.
    public var weekday: DayType {
        // 1970-01-01 was a Thursday.
        DayType.week[((dayNumber % 7 + 7) % 7 + 3) % 7]
    }
}

/// The network's calendar: its closed dates and how long the staff of a closing station keep serving
/// the patients still waiting (`calendar:` in the network file).
public struct NetworkCalendar: Hashable, Sendable {
    /// Days on which every station with opening hours follows its `holidays` timetable (closed unless it
    /// gives one).
    public private(set) var closedDates: [ClosedDate]
    /// Minutes after a station closes during which its servers still start the patients who were
    /// waiting when it closed (counted as overtime); 0: they wait for the next opening.
    public var overtimeMinutes: Int
    /// The closed dates as sets (`month × 32 + day`, and `year × 416 + month × 32 + day`), so that a
    /// date is looked up in constant time however many the file lists.
    private var everyYear: Set<Int>
    private var oneYear: Set<Int>

    /// A calendar with these closed dates and overtime limit.
    public init(closedDates: [ClosedDate] = [], overtimeMinutes: Int = 0) {
        let sorted = Array(Set(closedDates)).sorted()
        self.closedDates = sorted
        self.overtimeMinutes = overtimeMinutes
        everyYear = Set(sorted.filter { $0.year == nil }.map { $0.month * 32 + $0.day })
        oneYear = Set(sorted.compactMap { date in date.year.map { $0 * 416 + date.month * 32 + date.day } })
    }

    /// Whether `date` is a closed date.
    public func isClosed(_ date: CalendarDate) -> Bool {
        everyYear.contains(date.month * 32 + date.day) || oneYear.contains(date.year * 416 + date.month * 32 + date.day)
    }

    /// The day type of `date`: its weekday, or ``DayType/holiday`` on a closed date.
    public func dayType(of date: CalendarDate) -> DayType { isClosed(date) ? .holiday : date.weekday }
}

/// How a service's arrivals vary over time (`demand.arrival-profiles:` in the network file): a weight
/// per hour of each day type and a weight per month. Weights are relative: the simulation scales them
/// so that the year that starts on the run's start date receives exactly the annual demand
/// (Docs/network-format.md, "Arrival profiles").
public struct ArrivalProfile: Hashable, Sendable {
    /// The profile's id.
    public var id: String
    /// The reserved name of a constant rate (`arrival-profile: flat`), which no profile may take.
    public static let flat = "flat"
    /// Per ``DayType`` (by raw value), 24 weights: the hour-of-day weight times the day's own weight.
    public var hourly: [[Double]]
    /// Per month (January first), its weight.
    public var monthly: [Double]

    /// A profile from its weights: eight lists of 24 (Monday first, closed dates last) and twelve.
    public init(id: String, hourly: [[Double]], monthly: [Double]) {
        precondition(hourly.count == DayType.allCases.count && hourly.allSatisfy { $0.count == 24 } && monthly.count == 12)
        self.id = id
        self.hourly = hourly
        self.monthly = monthly
    }

    /// The weight of hour `hour` of a `day` in `month` (1-12).
    public func weight(day: DayType, hour: Int, month: Int) -> Double { hourly[day.rawValue][hour] * monthly[month - 1] }
}
