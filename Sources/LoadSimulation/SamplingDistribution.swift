import CareNetwork
import Foundation

/// A service-time distribution in minutes, flattened for the hot loop: a kind and three parameters,
/// with the lognormal's parameters of the logarithm precomputed.
package struct SamplingDistribution: Sendable, Hashable {
    /// How `a`, `b` and `c` are read.
    package enum Kind: UInt8, Sendable { case exponential, lognormal, fixed, triangular }
    package let kind: Kind
    package let a: Double, b: Double, c: Double
    /// The mean, in minutes.
    package let mean: Double

    /// The flattened form of a network's distribution (in minutes).
    init(_ distribution: ServiceTimeDistribution) {
        mean = distribution.mean
        switch distribution {
        case .exponential(let mean):
            kind = .exponential; a = mean; b = 0; c = 0
        case .lognormal(let mean, let sd):
            // Parameters of the logarithm from the mean and sd of the time itself.
            let sigma2 = Foundation.log(1 + (sd * sd) / (mean * mean))
            kind = .lognormal; a = Foundation.log(mean) - sigma2 / 2; b = sigma2.squareRoot(); c = 0
        case .fixed(let value):
            kind = .fixed; a = value; b = 0; c = 0
        case .triangular(let low, let mode, let high):
            kind = .triangular; a = low; b = mode; c = high
        }
    }

    /// Inverse CDF of the triangular distribution on [low, high] with this mode, at `u` in (0, 1).
    @inline(__always)
    static func triangular(low a: Double, mode b: Double, high c: Double, u: Double) -> Double {
        let split = (b - a) / (c - a)
        return u < split ? a + ((c - a) * (b - a) * u).squareRoot() : c - ((c - a) * (c - b) * (1 - u)).squareRoot()
    }
}
