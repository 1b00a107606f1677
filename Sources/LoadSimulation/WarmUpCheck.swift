/// Whether the statistics were measured in a steady state, judged from the number of patients in the
/// system at the end of each day (``ReplicationResult/inSystemAtEndOfDay``).
///
/// A run starts empty: queues and beds fill over the first days (the longest stays last about 12 days
/// on the bundled networks), and the warm-up (`--warmup`) keeps those days out of the statistics. The
/// measured days are cut into four quarters, and each replication's day-end counts averaged over each:
/// - **still rising**: the last quarter is above the second by more than 10%, and by more than the
///   95% confidence interval of that difference over the replications (with one replication, by more
///   than 15%). The system has not levelled off by the end of the run, as where demand exceeds
///   capacity: waits then grow with the horizon. (Against the second quarter, not the first: a
///   system still filling at the start of the measured days, level by their middle, is a short
///   warm-up, not an overload.)
/// - **warm-up too short**: otherwise, the first quarter is below the second half by as much (10%
///   and the interval; 15% with one replication), and the last quarter is within 10% of the second:
///   the system was still filling when measuring began and has levelled off since, so the
///   statistics include part of the filling. (When the last quarter is more than 10% above the
///   second, if not beyond the interval, the system rose all along: still rising.)
/// - **steady**: neither.
///
/// The thresholds are wide because a day's count wanders: on the teaching network (about 180
/// patients, 60 days), quarter means moved by up to 10% from one quarter to the next by chance, the
/// same way in every replication of a seed (stays of fixed length echo the empty start), and 5%
/// thresholds warned on 4 runs of 30 (1, 2 and 4 replications, seeds 1 to 10); these warn on none,
/// and still catch demand × 1.6 there (the census rises 17-24% from the second quarter to the last)
/// and the national network measured from day 3 (the first quarter 12% below the level). The count
/// at the end of the warm-up is reported, not judged: it is a single day's. Runs under 50 patients on
/// average or with fewer than 8 measured days are not judged (``Verdict/tooSmallToJudge``).
///
/// **The week.** With opening hours or arrival profiles the census follows the week: the national
/// network holds about 24,000 patients at the end of a weekday and 42,000-50,000 at the end of a
/// Saturday or a Sunday (the health centres' patients wait for Monday), so quarters of a few days
/// each swung by a third with the weekends they held (a 30-day run read 28,575, 31,852, 38,353,
/// 36,419 in CarePath 0.4.0: "still rising"). Each day judged is then the mean of the seven measured days ending on
/// it (``weekAveraged``), which takes out the week exactly and keeps any trend (lagged by three
/// days); the first six measured days give no point of their own, so such a run needs 14 measured
/// days to be judged. That run now reads 32,627, 33,366, 34,013, 34,261: level.
///
/// **Seasonal demand.** With arrival profiles whose months move the day's demand,
/// the census follows the demand: on the national network a year from January has its quarter
/// means (by the week) at 32,200, 28,423, 26,457 and 34,235, winter above the summer by 29%, which the
/// thresholds would read as a rise. Each day's count is then divided by the demand of the week ending
/// that day by the months (``ClockPlan/seasonalDemand(model:)``)
/// before the quarters are taken, so that what is judged is the census for the demand, and that year's
/// quarters become 30,415, 30,037, 30,003 and 30,973 (by the week too): level (``demandAdjusted``). A week, because
/// the census lags the demand by the stays and the queues carried over. Weekdays and closed dates
/// are not taken out: the census does not follow them down (patients wait for the next opening).
public struct WarmUpCheck: Sendable, Hashable {
    /// The verdict.
    public enum Verdict: String, Sendable, Hashable, Codable {
        /// The system was still rising at the end of the run.
        case stillRising = "still-rising"
        /// The warm-up ended before the system had filled.
        case warmUpTooShort = "warm-up-too-short"
        /// The census was level over the measured days.
        case steady
        /// Too few patients or too few measured days to tell.
        case tooSmallToJudge = "too-small-to-judge"
    }

    /// Patients in the system at the end of the warm-up (mean over replications; 0 without warm-up).
    public var atEndOfWarmUp: Double
    /// The mean of the day-end counts over the measured days and the replications.
    public var measuredMean: Double
    /// The means of the day-end counts over each quarter of the measured days, in order (over the replications).
    public var quarterMeans: [Double]
    /// What the census says of the warm-up.
    public var verdict: Verdict
    /// Whether the quarters are of the census divided by the week's demand (the demand varied over
    /// the measured days by more than 1%), rather than of the census itself.
    public var demandAdjusted: Bool
    /// Whether each day judged is the mean of the week ending on it (a model with opening hours or
    /// arrival profiles: its census follows the week, its weekends far above its weekdays).
    public var weekAveraged: Bool

    /// The index of the first day whose end is measured: the day the warm-up ends in (or the day
    /// after a warm-up of whole days).
    public static func firstMeasuredDay(warmupDays: Double) -> Int { Int(warmupDays.rounded(.up)) }

    /// A check of the day-end census of each replication (`census[r][d]`: replication `r`, day `d` of
    /// the horizon) for a warm-up of `warmupDays`; `demand[d]`, when given, is the expected arrivals
    /// of day `d` (any unit), and the census is judged for the demand of the week ending each day;
    /// `weekly`, for a model with a week in it (opening hours, arrival profiles), judges the mean
    /// census of the week ending each measured day from the seventh on (``weekAveraged``).
    public init(census raw: [[Double]], warmupDays: Double, demand: [Double]? = nil, weekly: Bool = false) {
        let days = raw.map(\.count).min() ?? 0
        let firstMeasured = min(WarmUpCheck.firstMeasuredDay(warmupDays: warmupDays), days)
        let n = days - firstMeasured
        func mean(_ values: ArraySlice<Double>) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
        func average(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
        /// The mean of `values` over the week ending on day `d` (the days from the first, before the seventh).
        func weekMean(_ values: [Double], endingOn d: Int) -> Double { mean(values[max(0, d - 6)...d]) }
        // The week's demand ending each measured day, relative to its mean over the measured days.
        var census = raw
        demandAdjusted = false
        if let demand, n > 0, demand.count >= days {
            let weekly = (0..<days).map { weekMean(demand, endingOn: $0) }
            let measured = weekly[firstMeasured..<days]
            let level = mean(measured)
            if level > 0, let low = measured.min(), let high = measured.max(), low > 0, high > 1.01 * low {
                demandAdjusted = true
                census = raw.map { series in (0..<days).map { d in series[d] * level / weekly[d] } }
            }
        }
        // The series judged, per replication: the measured days, or with a week in the model the
        // mean of the seven measured days ending on each (one point a day from the seventh).
        weekAveraged = weekly
        let judged: [[Double]] = census.map { series in
            let measured = Array(series[firstMeasured..<days])
            guard weekly else { return measured }
            return measured.count < 7 ? [] : (6..<measured.count).map { weekMean(measured, endingOn: $0) }
        }
        let m = judged.map(\.count).min() ?? 0
        // Per replication: its quarter means and its second half's.
        let quarters = judged.map { series in
            (0..<4).map { q in mean(series[(q * m / 4)..<((q + 1) * m / 4)]) }
        }
        let secondHalves = judged.map { mean($0[(m / 2)..<m]) }
        atEndOfWarmUp = warmupDays > 0 && firstMeasured > 0 ? average(raw.map { $0[firstMeasured - 1] }) : 0
        measuredMean = average(raw.map { mean($0[firstMeasured..<days]) })
        quarterMeans = (0..<4).map { q in average(quarters.map { $0[q] }) }
        /// Whether `later` exceeds `earlier` by more than 10% of `earlier` and by more than noise.
        func clearlyAbove(_ later: [Double], _ earlier: [Double]) -> Bool {
            let difference = Estimate(zip(later, earlier).map { $0 - $1 }), base = average(earlier)
            guard difference.mean > 0.10 * base else { return false }
            return later.count < 2 ? difference.mean > 0.15 * base : difference.mean > difference.halfWidth
        }
        if census.isEmpty || m < 8 || measuredMean < 50 {
            verdict = .tooSmallToJudge
        } else if clearlyAbove(quarters.map { $0[3] }, quarters.map { $0[1] }) {
            verdict = .stillRising
        } else if clearlyAbove(secondHalves, quarters.map { $0[0] }) {
            // Low at the start and, if not clearly, still 10% higher at the end than in the second
            // quarter: rising all along, an overload rather than a filling.
            verdict = quarterMeans[3] > 1.1 * quarterMeans[1] ? .stillRising : .warmUpTooShort
        } else {
            verdict = .steady
        }
    }
}
