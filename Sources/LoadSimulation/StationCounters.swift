import Foundation

/// A station's parameters, as both engines read them: its servers, its queue's capacity (`Int32.max`
/// when unbounded), its service-time distribution (a ``SamplingDistribution/Kind`` raw value and three
/// parameters), its referral rate, and the steps of its escalation route in the plan's steps (-1 when
/// it refers nobody up). 56 bytes.
struct StationParameters {
    var servers: Int32
    var queueCapacity: Int32
    var serviceKind: Int32
    var escalationStart: Int32
    var escalationEnd: Int32
    var a: Double, b: Double, c: Double
    var referralRate: Double
}

/// What a station counts over the measured period (after warm-up), in either engine. 40 bytes.
struct StationCounters {
    var arrivals: UInt32 = 0
    var served: UInt32 = 0
    var started: UInt32 = 0
    var zeroWaits: UInt32 = 0
    var turnedAway: UInt32 = 0
    var maxQueue: Int32 = 0
    /// Busy server-minutes inside the measured window.
    var busyTime: Double = 0
    var waitSum: Double = 0

    /// A service starts at `now` and ends at `end` after a wait of `waited` minutes: its overlap with
    /// the measured window goes to the busy time (the time integral of busy servers, without a clock
    /// per station), and a start after warm-up counts with its wait.
    @inline(__always)
    mutating func serviceStarted(at station: Int, now: Double, end: Double, waited: Double, window: MeasuredWindow, waits: WaitCounter) {
        let overlap = min(end, window.horizon) - max(now, window.warmup)
        if overlap > 0 { busyTime += overlap }
        guard now >= window.warmup else { return }
        started &+= 1
        if waited > 0 {
            waitSum += waited
            waits.record(waited, station: station)
        } else {
            zeroWaits &+= 1
        }
    }
}

/// The measured period of a replication: from the end of the warm-up to the horizon (minutes).
struct MeasuredWindow {
    var warmup: Double
    var horizon: Double
}

extension Ziggurat {
    /// A service time in minutes for a station of these parameters, drawn from `stream` (the
    /// patient's own): both engines draw through here, so they give a patient the same times.
    @inline(__always)
    func serviceTime<Stream: RandomStream>(_ station: StationParameters, _ stream: inout Stream) -> Double {
        switch station.serviceKind {
        case 0: return station.a * exponential(&stream)
        case 1: return Foundation.exp(station.a + station.b * normal(&stream))
        case 2: return station.a
        default: return SamplingDistribution.triangular(low: station.a, mode: station.b, high: station.c, u: stream.uniform())
        }
    }
}

/// The first route step from `step` that has a station, counting in `linkFlow` (after warm-up) the
/// links of the facilities passed through on the way (steps with station -1). A route's last step
/// always has a station.
@inline(__always)
func firstStation(of steps: UnsafeMutablePointer<RouteStep>, from step: Int, now: Double, warmup: Double, linkFlow: UnsafeMutablePointer<Int>) -> Int {
    var k = step
    while steps[k].station < 0 {
        k += 1
        let link = steps[k].link
        if link >= 0, now >= warmup { linkFlow[Int(link)] += 1 }
    }
    return k
}
