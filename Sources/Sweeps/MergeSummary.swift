import CarePathSupport
import SimulationResults

/// What `carepath merge` prints once the results are written.
public struct MergeSummary: Sendable {
    /// The partials merged.
    public var merge: PartialMerge
    /// The merged run's result document.
    public var document: ResultDocument
    /// How many partial files were merged.
    public var partials: Int
    /// Where the results were written.
    public var out: String
    /// How long the merge took.
    public var wallSeconds: Double

    /// The summary of a merge.
    public init(merge: PartialMerge, document: ResultDocument, partials: Int, out: String, wallSeconds: Double) {
        self.merge = merge
        self.document = document
        self.partials = partials
        self.out = out
        self.wallSeconds = wallSeconds
    }

    /// For people: the run, the accounting, where the results went.
    public func text() -> String {
        let identity = merge.identity, a = document.accounting
        return """
            Merged \(partials) partial\(partials == 1 ? "" : "s") of \(identity.network.path)\(identity.scenario.map { " with scenario \($0.path)" } ?? ""): \
            \(identity.replications) replication\(identity.replications == 1 ? "" : "s"), \(NumberFormat.significant(identity.days)) days \
            (\(NumberFormat.significant(identity.warmupDays)) of warm-up excluded), seed \(identity.seed)
            Patients (all replications, warm-up included): \(a.text(queueLimits: document.configuration.queueLimits))
            Results written to \(out) (\(NumberFormat.fixed(wallSeconds, digits: 2)) s wall)

            """
    }

    /// For scripts.
    public func json() -> String {
        JSONValue.object([
            "out": .string(out), "partials": .int(partials), "replications": .int(merge.identity.replications),
            "arrived": .int(document.accounting.arrived), "balanced": .bool(document.accounting.balanced), "wallSeconds": .double(wallSeconds),
        ]).rendered() + "\n"
    }
}
