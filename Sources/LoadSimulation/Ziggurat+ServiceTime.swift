import Foundation

extension Ziggurat {
    /// A service time in minutes for a station of these parameters, drawn from `stream` (the
    /// patient's own): the sweep and the reference engine draw through here, so they give a patient
    /// the same times.
    @inline(__always)
    package func serviceTime<Stream: RandomStream>(_ station: StationParameters, _ stream: inout Stream) -> Double {
        switch station.serviceKind {
        case 0: return station.a * exponential(&stream)
        case 1: return Foundation.exp(station.a + station.b * normal(&stream))
        case 2: return station.a
        default: return SamplingDistribution.triangular(low: station.a, mode: station.b, high: station.c, u: stream.uniform())
        }
    }
}
