/// What happens to the patients of a route (one health centre, service and emergency flag): treated
/// along it, or refused where they present. One byte, in the model's flat arrays as in the engine's
/// route tables.
public enum RouteOutcome: UInt8, Sendable, Hashable, CaseIterable {
    /// Served at each station of the route, the treating facility last.
    case treated = 0
    /// The care is excluded (X1-X3): counted, and enters no queue.
    case notCovered = 1
    /// No facility on the chain provides the service: counted, and enters no queue.
    case unavailable = 2

    /// The name `result.json` and `pathways.csv` give the outcome: `treated`, `not-covered`, `unavailable`.
    public var name: String {
        switch self {
        case .treated: "treated"
        case .notCovered: "not-covered"
        case .unavailable: "unavailable"
        }
    }
}
