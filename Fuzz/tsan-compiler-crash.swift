// Swift 6.3.1 on Linux: `swiftc -sanitize=thread -parse-as-library -c Fuzz/tsan-compiler-crash.swift`
// stops with "Invalid bitcast ... Broken module found": the inout-access instrumentation of
// `counters.values[0] += 1` (a pointer field of a ~Copyable struct) casts the struct's first field,
// an Int, to a pointer. The same pattern is in LoadSimulation (FlowCounters in ReplicationRun and
// StationSweepRun), so the test suite does not build with -sanitize=thread. Without ~Copyable, or
// with `let values = counters.values; values[0] += 1`, it compiles. Not part of the harness.
struct Counters: ~Copyable {
    let count: Int
    let values: UnsafeMutablePointer<Int>
    init() { count = 1; values = .allocate(capacity: 1); values.initialize(to: 0) }
    deinit { values.deallocate() }
}

struct Run: ~Copyable {
    var counters = Counters()
    mutating func step() { counters.values[0] += 1 }
}
