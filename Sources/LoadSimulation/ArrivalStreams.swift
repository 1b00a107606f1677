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
/// exactly by inversion. The source keeps its position on the profile's cumulative area (the
/// integral of the multiplier from minute 0, in minutes at multiplier 1) and the hour it is in; each
/// arrival adds the same standard exponential divided by the source's rate to the position, walks
/// the hours forward to the one that holds it (hours of rate 0 hold no area, and a stretch of them is
/// passed in one step), and reads the time inside that hour from the hour's inverse multiplier. A
/// source so draws the same random numbers in the same order whatever its profile (only the times
/// differ), the chain from one arrival to the next is one addition (no division waits on the
/// previous arrival), and a constant-rate source draws exactly as it always has.
package struct ArrivalStreams: ~Copyable {
    let plan: SimulationPlan
    let ziggurat = Ziggurat.shared
    /// The profiles' hours (``ClockPlan/profileHours``; nil without a clock).
    let hours: UnsafeMutablePointer<ProfileHour>?
    let hourCount: Int
    /// Per source: where its profile's hours start in `hours`, -1 for a constant rate.
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
        /// With a profile: the position of that arrival on the profile's cumulative area, and its hour.
        var area: Double
        var hour: Int
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
        hours = clock?.profileHours
        sourceOffset = .allocate(capacity: max(plan.sourceCount, 1))
        for i in 0..<plan.sourceCount {
            let profile = Int(plan.sources[i].profile)
            sourceOffset[i] = profile >= 0 ? (clock.map { $0.profileOffset[profile] } ?? -1) : -1
        }
        hourCount = clock?.hourCount ?? 0
        states = .allocate(capacity: max(plan.sourceCount, 1))
        for i in 0..<plan.sourceCount {
            states[i] = SourceState(random: RandomSource(seed: seed, replication: replication, stream: plan.sources[i].key),
                                    time: 0, bits: 0, seed: 0, area: 0, hour: 0)
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
            let area = state.pointee.area + ziggurat.exponential(&state.pointee.random) / plan.sources[i].rate
            let hours = self.hours.unsafelyUnwrapped + offset
            var h = state.pointee.hour
            // The hour that holds the area: a stretch of hours of rate 0 holds none and is passed in
            // one step, to its last hour.
            while h < hourCount, hours[h &+ 1].area <= area { h = Int(hours[h &+ 1].runEnd) }
            state.pointee.area = area
            state.pointee.hour = h
            state.pointee.time = h < hourCount
                ? min(Double(h) * 60 + (area - hours[h].area) * hours[h].inverse, Double(h &+ 1) * 60)
                : .infinity
        }
        state.pointee.bits = state.pointee.random.next()
        state.pointee.seed = state.pointee.random.next()
    }
}
