/// A route step: the station (-1: a facility passed through) and the link crossed to reach it.
package struct RouteStep {
    package var station: Int32
    package var link: Int32
}

extension RouteStep {
    /// The first route step from `step` that has a station, counting in `linkFlow` (after warm-up) the
    /// links of the facilities passed through on the way (steps with station -1). A route's last step
    /// always has a station.
    @inline(__always)
    package static func firstStation(of steps: UnsafeMutablePointer<RouteStep>, from step: Int, now: Double, warmup: Double,
                                     linkFlow: UnsafeMutablePointer<Int>) -> Int {
        var k = step
        while steps[k].station < 0 {
            k += 1
            let link = steps[k].link
            if link >= 0, now >= warmup { linkFlow[Int(link)] += 1 }
        }
        return k
    }
}
