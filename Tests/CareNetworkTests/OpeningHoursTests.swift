import CareNetwork
import Testing

@Suite("Opening hours")
struct OpeningHoursTests {
    /// The same shifts every weekday and on closed dates: (from minute, to minute, servers).
    static func week(_ shifts: [(Int, Int, Int)], sunday: [(Int, Int, Int)]? = nil) -> OpeningHours {
        let day = shifts.map { OpeningHours.Shift(start: $0.0, end: $0.1, servers: $0.2) }
        var days = Array(repeating: day, count: 8)
        if let sunday { days[DayType.sunday.rawValue] = sunday.map { OpeningHours.Shift(start: $0.0, end: $0.1, servers: $0.2) } }
        return OpeningHours(days: days)
    }

    // What `--facility` relies on to say "still waiting at closing" only of a station that closes.
    @Test("a timetable closes in the week when some weekday leaves a gap between midnight and midnight; shifts alone never close")
    func closesInTheWeek() {
        #expect(!Self.week([(0, 480, 4), (480, 1200, 6), (1200, 1440, 4)]).closesInTheWeek, "three shifts around the clock")
        #expect(!Self.week([(0, 1440, 2)]).closesInTheWeek)
        #expect(Self.week([(510, 990, 12)]).closesInTheWeek, "08:30-16:30")
        #expect(Self.week([(0, 720, 2), (780, 1440, 2)]).closesInTheWeek, "closed 12:00-13:00")
        #expect(Self.week([(60, 1440, 2)]).closesInTheWeek, "opens at 01:00")
        #expect(Self.week([(0, 1440, 2)], sunday: []).closesInTheWeek, "closed on Sunday")
        #expect(Self.week([(0, 1440, 2)], sunday: [(0, 1439, 1)]).closesInTheWeek, "a minute before midnight on Sunday")
        var holidays = Self.week([(0, 1440, 2)]).days
        holidays[DayType.holiday.rawValue] = []
        #expect(!OpeningHours(days: holidays).closesInTheWeek, "closed dates aside")
    }
}
