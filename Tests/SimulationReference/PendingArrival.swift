/// An arrival of the current window, resolved to its route's first station step.
struct PendingArrival {
    var time: Double
    var seed: UInt64
    var firstStep: Int32
    var routeEnd: Int32
    var emergency: Bool
}
