/// The patients of one route (one health centre, service and emergency flag) over a run: what
/// `pathways.csv` lists. Facility and service values are the network's dense indices.
public struct RouteLoad: Sendable, Hashable {
    /// The route's index in the model.
    public var route: Int
    /// The health centre the patients start from (P1), or -1 in a model without a network.
    public var origin: Int
    /// The service's index in the catalogue (-1 in a model without a network).
    public var service: Int
    /// Whether the route is an emergency's (P0).
    public var emergency: Bool
    /// Treated along the route, not covered (X1-X3), or unavailable (no facility on the chain provides it).
    public var outcome: RouteOutcome
    /// The facilities of the pathway, in order (the treating facility last); empty for a route that is
    /// not covered or unavailable (those patients are refused where they present).
    public var facilities: [Int]
    /// Patients who started the route after the warm-up, mean per replication.
    public var patients: Double

    /// The facility that treats the patients, or nil when they are refused.
    public var treatingFacility: Int? { outcome == .treated ? facilities.last : nil }
}
