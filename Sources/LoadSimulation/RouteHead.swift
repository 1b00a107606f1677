/// A route's start, for arrivals: its outcome, its first step and one past its last, and the sweep
/// position of its first station (a treated route has at least one step). When `passes`, the route
/// starts with facilities passed through and `firstStep` is the route's first step (their links are
/// counted on the way); else it is the step of `station`. 16 bytes.
struct RouteHead {
    var firstStep: Int32
    var end: Int32
    var station: Int32
    var outcome: RouteOutcome
    var passes: Bool
}
