import CareNetwork
import Foundation
import Testing
@testable import LoadSimulation

/// The time model against exact time-dependent results: an infinite-server station under a
/// piecewise-constant arrival rate (Eick, Massey and Whitt, 1993), an M_t/M/c_t station solved
/// numerically by uniformisation, a station open eight hours a day; and the properties that must hold
/// whatever the profile (annual totals, conservation, determinism).
///
/// Seeds. Each comparison asks the simulated estimate (20 replications) to hold the exact value at a
/// family-wise 95% level: a test making k comparisons widens each 95% interval to Bonferroni's
/// 1 - 0.05/k (Student's t with 19 degrees of freedom), so an unbiased engine fails a test for about
/// one seed in twenty. The seeds are fixed, so the tests are deterministic; each was the first of
/// seeds 1, 2, 3... that the present streams pass, and the seeds probed are given with each test
/// (re-probe when the streams change).
@Suite("Time model")
struct TimeModelTests {
    /// Student's t quantile for 19 degrees of freedom at 1 - 0.05/(2k): the Bonferroni half-width
    /// multiplier over the plain 95% one (2.093), for k comparisons.
    static func bonferroni(_ k: Int) -> Double {
        // t_{19} quantiles: 0.99896 (k = 24), 0.99948 (k = 48).
        let t: Double = k <= 1 ? 2.093 : k <= 24 ? 3.58 : 3.88
        return t / 2.093
    }

    /// A profile of 24 hourly weights, the same every day and month.
    static func daily(_ weights: [Double], id: String = "test") -> ArrivalProfile {
        ArrivalProfile(id: id, hourly: Array(repeating: weights, count: 8), monthly: Array(repeating: 1, count: 12))
    }

    /// The same shifts every day (closed dates included): (from hour, to hour, servers).
    static func everyDay(_ shifts: [(Int, Int, Int)]) -> OpeningHours {
        let day = shifts.map { OpeningHours.Shift(start: $0.0 * 60, end: $0.1 * 60, servers: $0.2) }
        return OpeningHours(days: Array(repeating: day, count: 8))
    }

    /// One station fed by one source of mean rate `lambda` per minute shaped by `profile`.
    static func station(lambda: Double, servers: Int, time: ServiceTimeDistribution, hours: OpeningHours?, profile: ArrivalProfile?,
                        calendar: NetworkCalendar = NetworkCalendar()) -> SimulationModel {
        var model = SimulationModel.Builder()
        model.addStation(servers: servers, serviceTime: time, hours: hours)
        if let profile { model.arrivalProfiles = [profile] }
        model.calendar = calendar
        let route = model.addRoute([0])
        model.addSource(ratePerMinute: lambda, entries: [(route, false, 1)], profile: profile == nil ? nil : 0)
        return model.build()
    }

    static let weights: [Double] = [0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.5, 1.0, 2.0, 2.2, 2.0, 1.6, 1.0, 1.2, 1.6, 1.5, 1.2, 0.9, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2]

    // MARK: M_t/G/infinity

    @Test("M_t/G/∞: the mean number in service at each hour is ∫ λ(u) P(S > t - u) du, and it is Poisson")
    func infiniteServer() throws {
        let lambda = 0.25, mean = 60.0, sd = 30.0
        let model = Self.station(lambda: lambda, servers: 2000, time: .lognormal(mean: mean, sd: sd), hours: nil, profile: Self.daily(Self.weights))
        // Seed 1 passes (probed seeds 1-6: all pass).
        let configuration = SimulationConfiguration(days: 40, warmupDays: 2, replications: 20, seed: 1)
        let result = Simulation.run(model, configuration: configuration)
        // The exact mean at each hour of the day, by quadrature over the last three days (P(S > 12 h) < 1e-15).
        let total = Self.weights.reduce(0, +)
        let rate = Self.weights.map { lambda * $0 * 24 / total }
        let sigma2 = log(1 + sd * sd / (mean * mean)), mu = log(mean) - sigma2 / 2
        func survival(_ x: Double) -> Double { x <= 0 ? 1 : 0.5 * erfc((log(x) - mu) / (2 * sigma2).squareRoot()) }
        func exact(atHour h: Int) -> Double {
            let t = Double(h) * 60 + 3 * 1440
            var sum = 0.0
            let step = 0.25
            var u = step / 2
            while u < t {
                sum += rate[Int(u / 60) % 24] * survival(t - u) * step
                u += step
            }
            return sum
        }
        let k = 24
        for h in 0..<24 {
            let estimate = result.inSystemByHourOfDay[h], m = exact(atHour: h)
            #expect(abs(estimate.mean - m) <= estimate.halfWidth * Self.bonferroni(k), "hour \(h): simulated \(estimate.mean) ± \(estimate.halfWidth), exact \(m)")
            #expect(estimate.halfWidth < 0.08 * m, "hour \(h): the interval is too wide to test anything")
        }
        // Poisson: over the measured days, the census at an hour has its variance equal to its mean.
        var ratios: [Double] = []
        for h in 0..<24 {
            var values: [Double] = []
            for replication in result.replications {
                for hour in stride(from: 2 * 24, to: replication.inSystemAtEndOfHour.count, by: 1) where (hour + 1) % 24 == h {
                    values.append(Double(replication.inSystemAtEndOfHour[hour]))
                }
            }
            let m = values.reduce(0, +) / Double(values.count)
            let v = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)
            ratios.append(v / m)
        }
        let dispersion = ratios.reduce(0, +) / 24
        #expect(abs(dispersion - 1) < 0.05, "variance / mean of the hourly census: \(dispersion) (a Poisson count has 1)")
    }

    // MARK: M_t/M/c_t by uniformisation

    /// The exact periodic solution of an M_t/M/c_t station with hourly rates `rate`, servers `servers`
    /// per hour and service rate `mu`, non-preemptive server decreases: the chain on (busy, waiting),
    /// waiting truncated at `cap`, solved hour by hour by uniformisation (Poisson terms up to a tail
    /// below 1e-14) and iterated day after day until the hour-0 distribution moves by less than
    /// 1e-12. Returns, per hour h, the mean number in the system at the end of hour h and the
    /// probability that an arrival during hour h waits (PASTA: the time average of P(busy >= servers)),
    /// and the probability mass at the truncation.
    static func exactMtMct(rate: [Double], servers: [Int], mu: Double, cap: Int) -> (endOfHour: [Double], wait: [Double], truncated: Double) {
        let bMax = servers.max()!, width = cap + 1, states = (bMax + 1) * width
        func index(_ b: Int, _ q: Int) -> Int { b * width + q }
        var p = [Double](repeating: 0, count: states)
        p[0] = 1
        var endOfHour = [Double](repeating: 0, count: 24), wait = [Double](repeating: 0, count: 24), truncated = 0.0
        for _ in 0..<400 {
            let start = p
            for h in 0..<24 {
                let c = servers[h], previous = servers[(h + 23) % 24]
                if c > previous {
                    // New servers take the waiting patients at once.
                    var moved = [Double](repeating: 0, count: states)
                    for b in 0...bMax { for q in 0...cap where p[index(b, q)] > 0 {
                        let take = b < c ? min(c - b, q) : 0
                        moved[index(b + take, q - take)] += p[index(b, q)]
                    } }
                    p = moved
                }
                let lambda = rate[h], uniform = lambda + mu * Double(bMax), t = 60.0
                // One step of the uniformised chain.
                func step(_ x: [Double]) -> [Double] {
                    var y = [Double](repeating: 0, count: states)
                    for b in 0...bMax { for q in 0...cap {
                        let mass = x[index(b, q)]
                        guard mass > 0 else { continue }
                        let arrive = lambda / uniform, complete = mu * Double(b) / uniform
                        if b < c { y[index(b + 1, q)] += mass * arrive } else if q < cap { y[index(b, q + 1)] += mass * arrive } else { y[index(b, q)] += mass * arrive }
                        if b > 0 { if q > 0 && b <= c { y[index(b, q - 1)] += mass * complete } else { y[index(b - 1, q)] += mass * complete } }
                        y[index(b, q)] += mass * (1 - arrive - complete)
                    } }
                    return y
                }
                // P(t) = Σ_k Pois(k; ut) x_k and ∫_0^t P = (1/u) Σ_k P(Pois(ut) > k) x_k.
                let a = uniform * t
                var weight = exp(-a), cumulative = weight
                var x = p, result = p.map { $0 * weight }, integral = p.map { $0 * (1 - cumulative) / uniform }
                var k = 0
                while 1 - cumulative > 1e-14 || Double(k) < a {
                    k += 1
                    x = step(x)
                    weight *= a / Double(k)
                    cumulative += weight
                    for s in 0..<states { result[s] += weight * x[s]; integral[s] += x[s] * max(0, 1 - cumulative) / uniform }
                }
                var busy = 0.0
                for b in c...bMax { for q in 0...cap { busy += integral[index(b, q)] } }
                wait[h] = busy / t
                p = result
                endOfHour[h] = (0...bMax).reduce(0.0) { total, b in total + (0...cap).reduce(0.0) { $0 + Double(b + $1) * p[index(b, $1)] } }
                truncated = max(truncated, (0...bMax).reduce(0.0) { $0 + p[index($1, cap)] })
            }
            if zip(start, p).map({ abs($0 - $1) }).max()! < 1e-12 { break }
        }
        return (endOfHour, wait, truncated)
    }

    @Test("M_t/M/c_t: the hourly mean number in the system and probability of waiting match the uniformised birth-death chain")
    func timeVaryingServers() throws {
        let lambda = 0.12, mean = 20.0
        let hours = Self.everyDay([(0, 8, 2), (8, 17, 5), (17, 24, 3)])
        let model = Self.station(lambda: lambda, servers: 5, time: .exponential(mean: mean), hours: hours, profile: Self.daily(Self.weights))
        let total = Self.weights.reduce(0, +)
        let rate = Self.weights.map { lambda * $0 * 24 / total }
        let servers = (0..<24).map { $0 < 8 ? 2 : $0 < 17 ? 5 : 3 }
        let exact = Self.exactMtMct(rate: rate, servers: servers, mu: 1 / mean, cap: 200)
        #expect(exact.truncated < 1e-12, "truncation mass \(exact.truncated)")
        // Seed 1 passes (probed seeds 1-6: all pass).
        let configuration = SimulationConfiguration(days: 60, warmupDays: 3, replications: 20, seed: 1)
        let result = Simulation.run(model, configuration: configuration)
        let k = 48
        for h in 0..<24 {
            // The census at the end of hour h is the census at clock hour h + 1.
            let census = result.inSystemByHourOfDay[(h + 1) % 24]
            #expect(abs(census.mean - exact.endOfHour[h]) <= census.halfWidth * Self.bonferroni(k),
                    "end of hour \(h): simulated \(census.mean) ± \(census.halfWidth), exact \(exact.endOfHour[h])")
            #expect(census.halfWidth < 0.1 * max(exact.endOfHour[h], 1), "end of hour \(h): the interval is too wide to test anything")
            let waited = Estimate(result.replications.map { replication in
                let record = replication.hourlyWaits, slot = h
                let started = Double(record.counts[slot])
                let positive = (Int(record.offsets[slot])..<Int(record.offsets[slot + 1])).reduce(0.0) { $0 + Double(record.bucketCounts[$1]) }
                return started > 0 ? positive / started : 0
            })
            #expect(abs(waited.mean - exact.wait[h]) <= max(waited.halfWidth * Self.bonferroni(k), 1e-9),
                    "hour \(h): P(wait) simulated \(waited.mean) ± \(waited.halfWidth), exact \(exact.wait[h])")
        }
        // The 17:00 and 00:00 decreases leave servers finishing their patients: overtime is worked.
        #expect(result.stations[0].overtimeMinutes.mean > 0)
        #expect(result.isBalanced)
    }

    // MARK: A station open eight hours a day

    @Test("open 08:00-16:00: utilisation over open hours is λ·E[S]/c, the day's leftovers are carried over and served the next morning")
    func eightHourStation() throws {
        let lambda = 48.0 / 1440, mean = 15.0
        var weights = [Double](repeating: 0, count: 24)
        for h in 8..<16 { weights[h] = 1 }
        let hours = Self.everyDay([(8, 16, 2)])
        let model = Self.station(lambda: lambda, servers: 2, time: .exponential(mean: mean), hours: hours, profile: Self.daily(weights))
        // Seed 1 passes (probed seeds 1-6: all pass).
        let result = Simulation.run(model, configuration: SimulationConfiguration(days: 60, warmupDays: 2, replications: 20, seed: 1))
        let station = result.stations[0]
        let expected = lambda * 1440 * mean / (2 * 480)
        #expect(station.utilisationOpenHours.contains(expected), "utilisation over open hours \(station.utilisationOpenHours), λE[S]/c = \(expected)")
        #expect(abs(station.utilisation.mean * 3 - station.utilisationOpenHours.mean) < 1e-9, "a third of the day open: the week's utilisation is a third")
        #expect(station.carriedOver.mean > 0, "some patients are still waiting at 16:00")
        #expect(station.overtimeMinutes.mean > 0, "patients in service at 16:00 are finished")
        // Nobody starts while the station is closed (no overtime limit): every start is between 08:00
        // and 16:00 plus the service in progress; no arrival is lost.
        #expect(result.isBalanced)
        for replication in result.replications {
            #expect(replication.arrived == replication.completed + replication.inSystem)
        }
        // The patients who arrived before 08:00 do not exist (the profile is zero then); those of
        // 15:00-16:00 wait longest, some overnight.
        let hourly = station.hourly
        #expect(hourly.count == 31)
        #expect(hourly[7].startedPerDay == 0 && (hourly[8].arrivalsPerDay ?? 0) > 5)
        #expect(hourly[15].waitP99 > 8 * 60, "p99 of the 15:00 arrivals: \(hourly[15].waitP99) min (carried over to the next morning)")
    }

    @Test("overtime after closing: the staff start the patients waiting at 16:00 for up to the limit, then stop")
    func overtimeLimit() throws {
        let lambda = 60.0 / 1440, mean = 15.0
        var weights = [Double](repeating: 0, count: 24)
        for h in 8..<16 { weights[h] = 1 }
        let hours = Self.everyDay([(8, 16, 2)])
        func run(_ overtime: Int) -> StationStatistics {
            let model = Self.station(lambda: lambda, servers: 2, time: .exponential(mean: mean), hours: hours, profile: Self.daily(weights),
                                     calendar: NetworkCalendar(overtimeMinutes: overtime))
            return Simulation.run(model, configuration: SimulationConfiguration(days: 30, warmupDays: 2, replications: 4, seed: 2)).stations[0]
        }
        let none = run(0), hour = run(60), day = run(1440)
        #expect(none.overtimeMinutes.mean < hour.overtimeMinutes.mean && hour.overtimeMinutes.mean < day.overtimeMinutes.mean)
        // With a full day's overtime the queue is emptied every evening: the 15:00 arrivals wait
        // minutes, not a night.
        #expect(day.hourly[15].waitP99 < 6 * 60 && none.hourly[15].waitP99 > 8 * 60)
        // The same patients arrive, whatever the overtime (common random numbers).
        #expect(none.arrivals.mean == day.arrivals.mean)
    }

    // MARK: Properties

    /// The arrival streams pass a stretch of hours of rate 0 in one step (``ProfileHour/runEnd``):
    /// their times must be, to the bit, those of the plain inversion that walks the hours one by one,
    /// drawing the same numbers, on a profile closed at night, on Sundays and on closed dates, and no
    /// arrival may fall in an hour of rate 0.
    @Test("profiled arrivals: the walk that passes closed stretches in one step gives the times of the hour-by-hour inversion")
    func profileWalkSkipsClosedStretches() throws {
        var hourly = Array(repeating: Self.weights.enumerated().map { $0.offset < 7 || $0.offset >= 20 ? 0 : $0.element }, count: 8)
        hourly[6] = Array(repeating: 0, count: 24)  // Sunday
        hourly[7] = Array(repeating: 0, count: 24)  // closed dates
        let profile = ArrivalProfile(id: "closed-stretches", hourly: hourly, monthly: [1.2, 1.1, 1, 0.9, 0.8, 0.7, 0.6, 0.8, 1, 1.1, 1.2, 1.3])
        let calendar = NetworkCalendar(closedDates: [ClosedDate(month: 1, day: 11), ClosedDate(month: 1, day: 12), ClosedDate(month: 5, day: 1)])
        let model = Self.station(lambda: 0.002, servers: 1, time: .exponential(mean: 5), hours: nil, profile: profile, calendar: calendar)
        let start = CalendarDate(year: 2027, month: 1, day: 4)!
        let clock = ClockPlan(model: model, start: start, horizonMinutes: 365 * 1440)
        let plan = SimulationPlan(model)
        var streams = ArrivalStreams(plan: plan, seed: 7, replication: 2, clock: clock)
        // The oracle: the same draws, the hours walked one at a time.
        var random = RandomSource(seed: 7, replication: 2, stream: plan.sources[0].key)
        let hours = clock.profileHours + clock.profileOffset[0], rate = plan.sources[0].rate
        var area = 0.0, h = 0, count = 0
        while true {
            area += Ziggurat.shared.exponential(&random) / rate
            while h < clock.hourCount, hours[h + 1].area <= area { h += 1 }
            let expected = h < clock.hourCount ? min(Double(h) * 60 + (area - hours[h].area) * hours[h].inverse, Double(h + 1) * 60) : .infinity
            _ = random.next(); _ = random.next()
            guard expected < 365 * 1440 else { break }
            let arrival = streams.take(0)
            #expect(arrival.time == expected, "arrival \(count)")
            #expect(hours[h].inverse > 0, "arrival \(count) in an hour of rate 0 (hour \(h))")
            count += 1
        }
        // About 0.002 × 525,600 = 1,051 arrivals over the year, all compared.
        #expect(count > 900)
    }

    @Test("every profile keeps the annual total: the year from the start date receives the annual demand")
    func annualTotals() throws {
        var hourly = Array(repeating: Self.weights, count: 8)
        for (d, factor) in [1.3, 1.1, 1.0, 1.0, 0.9, 0.5, 0.2, 0.1].enumerated() { hourly[d] = hourly[d].map { $0 * factor } }
        let profile = ArrivalProfile(id: "seasonal", hourly: hourly, monthly: [1.2, 1.1, 1, 0.9, 0.8, 0.7, 0.6, 0.8, 1, 1.1, 1.2, 1.3])
        let calendar = NetworkCalendar(closedDates: [ClosedDate(month: 1, day: 11), ClosedDate(month: 5, day: 1), ClosedDate(year: 2027, month: 3, day: 20)])
        for start in [CalendarDate(year: 2027, month: 1, day: 4)!, CalendarDate(year: 2028, month: 2, day: 29)!] {
            let rates = ClockPlan.hourlyRates(profile, calendar: calendar, start: start, days: 365)
            #expect(abs(rates.reduce(0, +) / Double(365 * 24) - 1) < 1e-12, "mean multiplier over the year from \(start)")
        }
        let lambda = 0.05
        let model = Self.station(lambda: lambda, servers: 50, time: .exponential(mean: 5), hours: nil, profile: profile, calendar: calendar)
        let result = Simulation.run(model, configuration: SimulationConfiguration(days: 365, warmupDays: 0, replications: 4, seed: 3))
        let expected = lambda * 525_600
        for replication in result.replications {
            // Poisson: within 4 standard deviations (a miss once in 15,000 seeds).
            #expect(abs(Double(replication.arrived) - expected) < 4 * expected.squareRoot(), "arrived \(replication.arrived), expected \(expected)")
        }
    }

    @Test("with hours, shifts and profiles, the result is the same on 1 and 2 threads and from run to run")
    func determinism() throws {
        let model = Self.station(lambda: 0.12, servers: 5, time: .exponential(mean: 20), hours: Self.everyDay([(0, 8, 2), (8, 17, 5), (17, 24, 3)]),
                                 profile: Self.daily(Self.weights))
        var configuration = SimulationConfiguration(days: 10, warmupDays: 1, replications: 3, seed: 9)
        configuration.threads = 1
        let one = Simulation.run(model, configuration: configuration)
        configuration.threads = 2
        let two = Simulation.run(model, configuration: configuration)
        for (a, b) in zip(one.replications, two.replications) {
            #expect(a.arrived == b.arrived && a.busyMinutes == b.busyMinutes && a.overtimeMinutes == b.overtimeMinutes)
            #expect(a.hourlyWaits == b.hourlyWaits && a.timeToTreatment == b.timeToTreatment && a.inSystemAtEndOfHour == b.inSystemAtEndOfHour)
        }
    }

    @Test("a closed date follows the holiday timetable: closed unless it gives one")
    func closedDates() throws {
        let weekday = [OpeningHours.Shift(start: 510, end: 990, servers: 2)]
        let hours = OpeningHours(days: Array(repeating: weekday, count: 5) + [[], [], []])
        let model = Self.station(lambda: 0.01, servers: 2, time: .exponential(mean: 10), hours: hours, profile: nil,
                                 calendar: NetworkCalendar(closedDates: [ClosedDate(month: 1, day: 5)]))
        // 2027-01-04 is a Monday; the 5th a closed Tuesday; the 9th a Saturday.
        let clock = ClockPlan(model: model, start: CalendarDate(year: 2027, month: 1, day: 4)!, horizonMinutes: 7 * 1440)
        #expect(clock.servers(timetable: 0, at: 600) == 2)
        #expect(clock.servers(timetable: 0, at: 1440 + 600) == 0, "the closed Tuesday")
        #expect(clock.servers(timetable: 0, at: 2 * 1440 + 600) == 2 && clock.servers(timetable: 0, at: 2 * 1440 + 1000) == 0)
        #expect(clock.servers(timetable: 0, at: 5 * 1440 + 600) == 0, "Saturday")
        #expect(clock.serverMinutes(timetable: 0, base: 2, from: 0, to: 7 * 1440) == 4 * 480 * 2)
    }

    @Test("a hostile calendar costs what the run uses: 100,000 closed dates are looked up in constant time, and 5,000 profiles no source follows take no room")
    func hostileCalendar() throws {
        var dates: [ClosedDate] = []
        for year in 2000..<2274 { for day in 1...365 { let d = CalendarDate(year: 2000, month: 1, day: 1)!.adding(days: day); dates.append(ClosedDate(year: year, month: d.month, day: d.day)) } }
        #expect(dates.count > 100_000)
        let calendar = NetworkCalendar(closedDates: dates + dates)
        #expect(calendar.closedDates.count == Set(dates).count, "duplicates folded")
        #expect(calendar.isClosed(CalendarDate(year: 2027, month: 3, day: 4)!) && !calendar.isClosed(CalendarDate(year: 2300, month: 3, day: 4)!))
        var model = SimulationModel.Builder()
        let shift = [OpeningHours.Shift(start: 480, end: 960, servers: 2)]
        model.addStation(servers: 2, serviceTime: .exponential(mean: 10), hours: OpeningHours(days: Array(repeating: shift, count: 7) + [[]]))
        model.arrivalProfiles = (0..<5000).map { Self.daily(Self.weights, id: "p\($0)") }
        model.calendar = calendar
        model.addSource(ratePerMinute: 0.05, entries: [(model.addRoute([0]), false, 1)], profile: 4999)
        let built = model.build()
        let clock = ClockPlan(model: built, start: SimulationConfiguration.defaultStart, horizonMinutes: 3660 * 1440)
        #expect(clock.profileCount == 1 && clock.profileOffset[4999] == 0 && clock.profileOffset[0] == -1)
        // Every day of 2027 is closed: the station follows its holiday timetable (closed), patients wait.
        #expect(clock.servers(timetable: 0, at: 600) == 0)
        let result = Simulation.run(built, configuration: SimulationConfiguration(days: 10, warmupDays: 1, replications: 1, seed: 1))
        #expect(result.isBalanced && result.stations[0].served.mean == 0 && result.inSystem > 0)
    }
}
