import CareNetwork
import Foundation
import Testing
@testable import LoadSimulation

@Suite("Day-end census and warm-up check")
struct WarmUpCheckTests {
    @Test("Little's law: the mean day-end census of an M/M/3 station (a = 2) is L = λ(W + 1/μ) = 26/9, within the 95% CI")
    func littlesLaw() {
        let model = QueueingTheoryTests.model(lambda: 2, stations: [(3, 1.0)])
        let configuration = QueueingTheoryTests.configuration
        let result = Simulation.run(model, configuration: configuration)
        let first = Int(configuration.warmupDays)
        // Per replication, the mean of its measured day-end counts; then over replications.
        let means = result.replications.map { r in
            Double(r.inSystemAtEndOfDay[first...].reduce(0, +)) / Double(r.inSystemAtEndOfDay.count - first)
        }
        let estimate = Estimate(means)
        let little = 2 * (4.0 / 9.0 + 1)
        #expect(estimate.contains(little), "census \(estimate), L = \(little)")
        // 9 day-end counts in each of 20 replications: about ±10-16% (seeds 1 to 40: the interval missed
        // L once, for seed 7, as a 95% interval should about twice in 40).
        #expect(estimate.halfWidth < 0.25 * little, "census \(estimate)")
        #expect(result.inSystemAtEndOfDay.count == Int(configuration.days))
        #expect(result.replications.allSatisfy { $0.inSystemAtEndOfDay.last == $0.inSystem })
    }

    @Test("a horizon of a part day still has its last day; zero demand keeps the census at 0")
    func partDays() {
        var configuration = SimulationConfiguration(days: 2.5, warmupDays: 0.5, replications: 2, seed: 3)
        let result = Simulation.run(QueueingTheoryTests.model(lambda: 0.5, stations: [(1, 1.0)]), configuration: configuration)
        #expect(result.inSystemAtEndOfDay.count == 3)
        configuration.days = 3
        let empty = Simulation.run(QueueingTheoryTests.model(lambda: 0, stations: [(1, 1.0)]), configuration: configuration)
        #expect(empty.inSystemAtEndOfDay.map(\.mean) == [0, 0, 0])
        #expect(empty.warmUpCheck.verdict == .tooSmallToJudge)
    }

    /// A census of `days` days: `level` patients approached as the national network fills (within 5%
    /// after `fill` days: 1 - e^(-3d/fill)), plus `growth` a day.
    static func census(days: Int, level: Double, fill: Double, growth: Double = 0) -> [Double] {
        (0..<days).map { d in level * (1 - exp(-3 * Double(d + 1) / fill)) + growth * Double(d) }
    }

    @Test("level after the warm-up: steady; filling past it: too short; rising to the end: still rising; small or short: not judged")
    func verdicts() {
        func check(_ series: [Double], warmup: Double) -> WarmUpCheck.Verdict { WarmUpCheck(census: [series], warmupDays: warmup).verdict }
        #expect(check(Self.census(days: 90, level: 18_000, fill: 12), warmup: 14) == .steady)
        #expect(check(Self.census(days: 30, level: 18_000, fill: 12), warmup: 0) == .warmUpTooShort)
        #expect(check(Self.census(days: 30, level: 18_000, fill: 12), warmup: 3) == .warmUpTooShort)
        #expect(check(Self.census(days: 180, level: 400, fill: 10, growth: 4), warmup: 14) == .stillRising)
        #expect(check(Self.census(days: 90, level: 30, fill: 12), warmup: 14) == .tooSmallToJudge)
        #expect(check(Self.census(days: 20, level: 18_000, fill: 12), warmup: 14) == .tooSmallToJudge)
        let one = WarmUpCheck(census: [(0..<30).map { d in d < 5 ? 100 * Double(d + 1) : 1_000 }], warmupDays: 5)
        #expect(one.atEndOfWarmUp == 500)
        #expect(one.quarterMeans == [1_000, 1_000, 1_000, 1_000] && one.verdict == .steady)
    }

    @Test("with replications, a rise must exceed 10% and its 95% interval: noise of ±17% is steady, a rise every replication shares is not")
    func noiseAgainstRise() {
        // Four replications, level 180, each with its own ±30 swing over its last quarter.
        let noisy = (0..<4).map { r in (0..<60).map { d in 180 + (d >= 48 ? (r % 2 == 0 ? 30.0 : -30.0) : 0) } }
        #expect(WarmUpCheck(census: noisy, warmupDays: 14).verdict == .steady)
        // The same replications, all rising by 25 to 28 (14-16%) over their last quarter.
        let rising = (0..<4).map { r in (0..<60).map { d in 180 + (d >= 48 ? 25.0 + Double(r) : 0) } }
        #expect(WarmUpCheck(census: rising, warmupDays: 14).verdict == .stillRising)
        // One replication, no interval: a rise of 12% passes for a single run's wandering; 17% does not.
        #expect(WarmUpCheck(census: [(0..<60).map { d in 180 + (d >= 48 ? 22.0 : 0) }], warmupDays: 14).verdict == .steady)
        #expect(WarmUpCheck(census: [(0..<60).map { d in 180 + (d >= 48 ? 30.0 : 0) }], warmupDays: 14).verdict == .stillRising)
    }

    @Test("an overloaded network: the census keeps rising and the check says so")
    func overloaded() {
        // One server, arrivals at 1.2 times its capacity.
        let model = QueueingTheoryTests.model(lambda: 1.2, stations: [(1, 1.0)])
        let result = Simulation.run(model, configuration: SimulationConfiguration(days: 20, warmupDays: 2, replications: 4, seed: 1))
        #expect(result.warmUpCheck.verdict == .stillRising, "\(result.warmUpCheck)")
    }

    @Test("a seasonal profile: a year's census follows the months, and is judged for the week's demand: steady, where the raw quarters would read as a rise")
    func seasonalDemand() {
        // An infinite-server station (stays of a day), its arrivals shaped by months from 0.7 in the
        // summer to 1.3 in the winter: its census is the demand's, lagged by a day.
        let months: [Double] = [1.3, 1.25, 1.1, 1.0, 0.9, 0.8, 0.7, 0.7, 0.8, 1.0, 1.15, 1.3]
        let profile = ArrivalProfile(id: "seasons", hourly: Array(repeating: Array(repeating: 1, count: 24), count: 8), monthly: months)
        let model = TimeModelTests.station(lambda: 0.5, servers: 5_000, time: .exponential(mean: 1440), hours: nil, profile: profile)
        let configuration = SimulationConfiguration(days: 365, warmupDays: 14, replications: 2, seed: 1)
        let result = Simulation.run(model, configuration: configuration)
        let check = result.warmUpCheck
        #expect(check.demandAdjusted && check.verdict == .steady, "\(check)")
        // The quarters for the demand within 5% of one another.
        #expect(check.quarterMeans.max()! < 1.05 * check.quarterMeans.min()!, "\(check.quarterMeans)")
        // The same census judged without the demand: its winter quarter is a rise.
        let raw = WarmUpCheck(census: result.replications.map { $0.inSystemAtEndOfDay.map(Double.init) }, warmupDays: 14)
        #expect(!raw.demandAdjusted && raw.verdict == .stillRising, "\(raw)")
        // The mean and the day at the end of the warm-up are the census's own, not adjusted.
        #expect(check.measuredMean == raw.measuredMean && check.atEndOfWarmUp == raw.atEndOfWarmUp)
        // A flat demand is not adjusted.
        let flat = WarmUpCheck(census: [Self.census(days: 90, level: 18_000, fill: 12)], warmupDays: 14, demand: Array(repeating: 3, count: 90))
        #expect(!flat.demandAdjusted && flat.verdict == .steady)
    }

    @Test("a census that follows the week (weekends far above weekdays): judged by the mean of each day's week, level, where quarters of a few days each read as a rise")
    func weeklyCycle() {
        // 50 patients on a weekday, 200 at the end of a Saturday or a Sunday (days 5 and 6 of each week).
        let series = (0..<30).map { d in d % 7 >= 5 ? 200.0 : 50 }
        let raw = WarmUpCheck(census: [series], warmupDays: 8)
        #expect(raw.verdict == .stillRising && !raw.weekAveraged, "\(raw)")
        let weekly = WarmUpCheck(census: [series], warmupDays: 8, weekly: true)
        #expect(weekly.weekAveraged && weekly.verdict == .steady, "\(weekly)")
        #expect(weekly.quarterMeans.allSatisfy { abs($0 - (5 * 50 + 2 * 200) / 7.0) < 1e-9 }, "\(weekly.quarterMeans)")
        // A real rise still shows through the week's means.
        let rising = series.enumerated().map { d, count in count + 10 * Double(d) }
        #expect(WarmUpCheck(census: [rising], warmupDays: 8, weekly: true).verdict == .stillRising)
        // Fewer than 14 measured days: nothing to judge once the week is taken out.
        #expect(WarmUpCheck(census: [Array(series.prefix(21))], warmupDays: 8, weekly: true).verdict == .tooSmallToJudge)
    }

    @Test("a station closed at weekends, simulated 30 days: its census piles up every weekend, and the run is judged level")
    func closedWeekends() {
        // 0.5 patients a minute around the clock; 4 servers open Monday to Friday, 08:00-16:00, 1.5
        // minutes a patient: busy 79% of the open hours, about 1,900 waiting by Monday morning.
        let week = (0..<8).map { d in d < 5 ? [OpeningHours.Shift(start: 480, end: 960, servers: 4)] : [] }
        let model = TimeModelTests.station(lambda: 0.5, servers: 4, time: .exponential(mean: 1.5), hours: OpeningHours(days: week), profile: nil)
        let result = Simulation.run(model, configuration: SimulationConfiguration(days: 30, warmupDays: 7.5, replications: 2, seed: 1))
        let check = result.warmUpCheck
        #expect(check.weekAveraged && check.verdict == .steady, "\(check)")
        let census = result.inSystemAtEndOfDay.map(\.mean)
        #expect(census[13] > 5 * census[9], "a Sunday's census against a Wednesday's: \(census[13]), \(census[9])")
    }
}
