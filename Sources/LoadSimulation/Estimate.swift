/// A mean over replications with its 95% confidence interval (Student's t).
public struct Estimate: Sendable, Hashable {
    /// The mean of the samples.
    public var mean: Double
    /// Half-width of the 95% confidence interval; 0 with a single replication.
    public var halfWidth: Double

    /// The estimate of `samples`, one value per replication.
    public init(_ samples: [Double]) {
        let n = Double(samples.count)
        let average = samples.reduce(0, +) / max(n, 1)
        mean = average
        guard samples.count > 1 else { halfWidth = 0; return }
        let variance = samples.reduce(0) { $0 + ($1 - average) * ($1 - average) } / (n - 1)
        halfWidth = Estimate.studentT975(degreesOfFreedom: samples.count - 1) * (variance / n).squareRoot()
    }

    /// Whether `value` lies inside the interval.
    public func contains(_ value: Double) -> Bool { abs(value - mean) <= halfWidth }

    /// The 97.5% quantile of Student's t distribution.
    static func studentT975(degreesOfFreedom df: Int) -> Double {
        let table: [Double] = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                               2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                               2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
        if df <= table.count { return table[df - 1] }
        return df <= 60 ? 2.000 : df <= 120 ? 1.980 : 1.960
    }
}
