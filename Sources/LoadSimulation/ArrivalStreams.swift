/// The arrivals of one replication: one Poisson stream per source (health centre), each drawn from a
/// random stream of its own (``RandomSource/init(seed:replication:stream:)``, keyed by the source's
/// ``SimulationModel/sourceStreamKey``), with its next arrival drawn ahead.
///
/// An arrival costs, from its source's stream, a standard exponential (ziggurat) divided by the
/// source's rate for the time since the previous one, then one 64-bit number for its mark (a cell of
/// the source's alias table and the choice between the cell and its alias), then one for the seed of
/// the patient's own stream (SplitMix64, see ``RandomStream``). The sweep and the reference engine
/// (Tests/SimulationReference) draw their arrivals here, so they see the same patients; and since
/// every health centre has its own stream, a scenario that changes one centre's demand (or closes it)
/// leaves every other centre's patients as they were: the runs being compared share their random
/// numbers (common random numbers) wherever the scenario does not reach.
///
/// A source with an arrival profile is a non-homogeneous Poisson process whose rate is the source's
/// rate times the profile's multiplier of the hour (``ClockPlan``), piecewise constant: it is sampled
/// exactly by inversion. The same standard exponential is spent as area under the rate, hour after
/// hour, until it is used up inside an hour, so a source draws the same random numbers in the same
/// order whatever its profile (only the times differ), and a constant-rate source draws exactly as
/// it always has.
package struct ArrivalStreams: ~Copyable {
    let plan: SimulationPlan
    let ziggurat = Ziggurat.shared
    /// Per profile, its multipliers of every hour of the horizon (nil without a clock).
    let rates: UnsafeMutablePointer<Double>?
    let nextOpen: UnsafeMutablePointer<Int32>?
    let hourCount: Int
    /// Per source: where its profile's hours start in `rates` and `nextOpen`, -1 for a constant rate.
    let sourceOffset: UnsafeMutablePointer<Int>
    /// Per source: its generator and its next arrival.
    let states: UnsafeMutablePointer<SourceState>

    struct SourceState {
        var random: RandomSource
        /// The time of the source's next arrival (minutes; infinity for a source without demand), the
        /// bits of its mark and its patient's seed.
        var time: Double
        var bits: UInt64
        var seed: UInt64
    }

    /// One arrival: when, on which route, whether an emergency, and its patient's seed.
    package struct Arrival {
        package var time: Double
        package var route: Int32
        package var emergency: Bool
        package var seed: UInt64
    }

    package init(plan: SimulationPlan, seed: UInt64, replication: Int, clock: ClockPlan? = nil) {
        self.plan = plan
        rates = clock?.profileRates
        nextOpen = clock?.profileNextOpen
        sourceOffset = .allocate(capacity: max(plan.sourceCount, 1))
        for i in 0..<plan.sourceCount {
            let profile = Int(plan.sources[i].profile)
            sourceOffset[i] = profile >= 0 ? (clock.map { $0.profileOffset[profile] } ?? -1) : -1
        }
        hourCount = clock?.hourCount ?? 0
        states = .allocate(capacity: max(plan.sourceCount, 1))
        for i in 0..<plan.sourceCount {
            states[i] = SourceState(random: RandomSource(seed: seed, replication: replication, stream: plan.sources[i].key),
                                    time: 0, bits: 0, seed: 0)
            if plan.sources[i].rate > 0 { drawAhead(i) } else { states[i].time = .infinity }
        }
    }

    deinit { states.deallocate(); sourceOffset.deallocate() }

    /// The time of source `i`'s next arrival.
    @inline(__always)
    package func nextTime(_ i: Int) -> Double { states[i].time }

    /// Source `i`'s next arrival, resolved through its alias table; draws the one after.
    @inline(__always)
    package mutating func take(_ i: Int) -> Arrival {
        let state = states[i], source = plan.sources[i]
        let cell = plan.entries[Int(source.cellStart) &+ Int(((state.bits >> 32) &* UInt64(source.cellCount)) >> 32)]
        let keep = UInt32(truncatingIfNeeded: state.bits) < cell.threshold
        drawAhead(i)
        return Arrival(time: state.time, route: keep ? cell.route : cell.aliasRoute,
                       emergency: (cell.flags & (keep ? 1 : 2)) != 0, seed: state.seed)
    }

    /// Draws source `i`'s next arrival after the current one.
    @inline(__always)
    mutating func drawAhead(_ i: Int) {
        let state = states + i
        let offset = sourceOffset[i]
        if offset < 0 {
            state.pointee.time += ziggurat.exponential(&state.pointee.random) / plan.sources[i].rate
        } else {
            state.pointee.time = ArrivalStreams.invert(area: ziggurat.exponential(&state.pointee.random) / plan.sources[i].rate,
                                                       after: state.pointee.time, rates: rates! + offset, nextOpen: nextOpen! + offset, hours: hourCount)
        }
        state.pointee.bits = state.pointee.random.next()
        state.pointee.seed = state.pointee.random.next()
    }

    /// The time at which the integral of the hourly multipliers `rates` from `time` reaches `area`
    /// (in minutes at multiplier 1): the next arrival of a piecewise-constant rate by inversion. Hours
    /// of rate 0 are jumped with `nextOpen` (the first hour from each with a rate). Infinity past the
    /// last hour.
    @inline(__always)
    static func invert(area: Double, after time: Double, rates: UnsafeMutablePointer<Double>, nextOpen: UnsafeMutablePointer<Int32>, hours: Int) -> Double {
        var remaining = area, t = time
        var h = Int(t * (1.0 / 60))
        while h < hours {
            let r = rates[h]
            if r == 0 {
                h = Int(nextOpen[h])
                t = Double(h) * 60
                continue
            }
            let end = Double(h &+ 1) * 60
            let available = r * (end - t)
            if remaining < available { return min(t + remaining / r, end) }
            remaining -= available
            t = end
            h &+= 1
        }
        return .infinity
    }
}
