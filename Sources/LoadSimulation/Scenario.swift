/// A scenario: a small overlay on a network file, applied before a simulation to answer "what if"
/// (a facility closes or opens, a service gets more servers or beds, demand grows, a region is
/// reassigned to another CHU, a queue is bounded). Docs/scenarios.md is the format reference.
///
/// A scenario is read from a file by ``ScenarioLoader``, which checks it against the network and
/// returns a ``ScenarioApplication`` (the modified network and how to build its simulation model).
/// The operations are kept in file order, each with its position, so that every problem points at
/// the scenario file.
public struct Scenario: Sendable {
    /// The `schema:` value this version reads.
    public static let schemaVersion = "carepath-scenario/1"

    /// The file the scenario was read from (as given).
    public var path: String
    /// `name:`, for reports.
    public var name: ScenarioText?
    /// `description:`, for reports.
    public var description: ScenarioText?
    /// Every operation, in the order of the file's sections (close, open, chu, servers, demand,
    /// queue-limit), each section in file order. That is also the order they are applied in.
    public var operations: [ScenarioOperation]

    /// A scenario read from `path`, with these operations in the order they are applied.
    public init(path: String, name: ScenarioText? = nil, description: ScenarioText? = nil, operations: [ScenarioOperation] = []) {
        self.path = path
        self.name = name
        self.description = description
        self.operations = operations
    }
}
