/// Whether the statistics were measured in a steady state, judged from the number of patients in the
/// system at the end of each day (``SimulationResult/inSystemAtEndOfDay``).
///
/// A run starts empty: queues and beds fill over the first days (the longest stays last about 12 days
/// on the bundled networks), and the warm-up (`--warmup`) keeps those days out of the statistics. The
/// measured days are cut into four quarters, and the day-end counts averaged over each:
/// - **still rising**: the last quarter is more than 5% above the third. The system has not levelled
///   off by the end of the run, as where demand exceeds capacity: waits then grow with the horizon.
/// - **warm-up too short**: otherwise, the first quarter is more than 5% below the second half, or
///   the count at the end of the warm-up more than 10% below it. The system was still filling when
///   measuring began, and the statistics include part of the filling.
/// - **steady**: neither.
/// Runs under 50 patients on average or with fewer than 8 measured days are too noisy to judge
/// (``Verdict/tooSmallToJudge``).
public struct WarmUpCheck: Sendable, Hashable {
    /// The verdict.
    public enum Verdict: String, Sendable, Hashable {
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
    /// The mean of the day-end counts over the measured days.
    public var measuredMean: Double
    /// The means of the day-end counts over each quarter of the measured days, in order.
    public var quarterMeans: [Double]
    public var verdict: Verdict

    /// The index of the first day whose end is measured: the day the warm-up ends in (or the day
    /// after a warm-up of whole days).
    public static func firstMeasuredDay(warmupDays: Double) -> Int { Int(warmupDays.rounded(.up)) }

    /// A check of the day-end census `census` (mean over replications, one value per day of the
    /// horizon) for a warm-up of `warmupDays`.
    public init(census: [Double], warmupDays: Double) {
        let firstMeasured = min(WarmUpCheck.firstMeasuredDay(warmupDays: warmupDays), census.count)
        let measured = census[firstMeasured...]
        func mean(_ values: ArraySlice<Double>) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
        atEndOfWarmUp = warmupDays > 0 && firstMeasured > 0 ? census[firstMeasured - 1] : 0
        measuredMean = mean(measured)
        let n = measured.count, start = measured.startIndex
        quarterMeans = (0..<4).map { q in mean(measured[(start + q * n / 4)..<(start + (q + 1) * n / 4)]) }
        let secondHalf = mean(measured[(start + n / 2)...])
        if n < 8 || measuredMean < 50 {
            verdict = .tooSmallToJudge
        } else if quarterMeans[3] > 1.05 * quarterMeans[2] {
            verdict = .stillRising
        } else if quarterMeans[0] < 0.95 * secondHalf || (warmupDays > 0 && atEndOfWarmUp < 0.9 * secondHalf) {
            verdict = .warmUpTooShort
        } else {
            verdict = .steady
        }
    }
}
