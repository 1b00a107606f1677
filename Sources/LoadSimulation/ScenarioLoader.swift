import CareNetwork
import Foundation

/// Reads a scenario file and applies it to a network file, reporting every problem of the scenario in
/// one run, as `carepath validate` reports a network's:
///
/// 1. the scenario is parsed and decoded (syntax, keys, types, ranges; `open:` entries by the
///    network decoder, so they get the network format's diagnostics);
/// 2. its operations are applied to the network's ``NetworkDescription`` in a fixed order (close,
///    open, chu, servers) and every id it names is checked (did-you-mean hints);
/// 3. the modified description is validated by the network's own validator (chains P2-P4, X1-X3...).
///    A problem that the scenario causes in the network file (for example a health centre whose
///    chain a closure breaks) is reported at the scenario entry that caused it, with the network
///    position in the message. When steps 1-2 found an error, such consequences are left out.
///
/// Demand scaling and queue limits are model-level: ``ScenarioApplication/model(table:)`` applies them.
public enum ScenarioLoader {
    /// The outcome of checking a scenario against a network: the application when there is no
    /// error, and every diagnostic (the scenario's, and those new to the network because of it).
    public struct Report: Sendable {
        /// The scenario applied to the network; nil when there is an error.
        public let application: ScenarioApplication?
        /// Every diagnostic, in display order.
        public let diagnostics: [Diagnostic]
    }

    /// Reads the scenario at `scenarioPath` and applies it to the network file at `networkPath`;
    /// never throws. When the network itself has errors, the report holds those.
    public static func check(scenarioPath: String, networkPath: String, catalog: ServiceCatalog = .standard) -> Report {
        guard let data = FileManager.default.contents(atPath: scenarioPath) else {
            return Report(application: nil, diagnostics: [Diagnostic(.error, .fileUnreadable, "cannot read scenario '\(scenarioPath)'",
                                                                     at: SourceLocation(file: scenarioPath, line: 1, column: 1))])
        }
        let base = NetworkLoader.check(path: networkPath, catalog: catalog)
        guard base.network != nil else { return Report(application: nil, diagnostics: base.diagnostics) }
        let description: NetworkDescription
        do { description = try NetworkLoader.describe(path: networkPath, catalog: catalog) } catch {
            return Report(application: nil, diagnostics: error.diagnostics)
        }
        return check(scenario: data, path: scenarioPath, description: description, baseDiagnostics: base.diagnostics, catalog: catalog,
                     networkPath: networkPath, networkDigest: ScenarioNetwork.digest(ofFile: networkPath))
    }

    /// Reads the scenario at `scenarioPath` and applies it to the network file at `networkPath`, or,
    /// when that is nil, to the network the scenario's `network:` names (its `file`, relative to the
    /// scenario file), else to `fallback`. The network used is returned with the report.
    public static func check(scenarioPath: String, networkPath: String?, fallback: String,
                             catalog: ServiceCatalog = .standard) -> (networkPath: String, report: Report) {
        if let networkPath { return (networkPath, check(scenarioPath: scenarioPath, networkPath: networkPath, catalog: catalog)) }
        let named = ScenarioNetwork.namedFile(scenarioPath: scenarioPath)
        if !named.diagnostics.isEmpty { return (fallback, Report(application: nil, diagnostics: named.diagnostics)) }
        let path = named.path ?? fallback
        return (path, check(scenarioPath: scenarioPath, networkPath: path, catalog: catalog))
    }

    /// Applies scenario file contents (named `path` in diagnostics) to a network description whose own
    /// diagnostics are `baseDiagnostics` (those are not reported again).
    ///
    /// The scenario's `network:` is checked against the network's `name:`, the file name
    /// `networkPath` and the digest `networkDigest` of its bytes (those that are given); on a
    /// mismatch (`network-mismatch`) the scenario is not applied.
    public static func check(scenario data: Data, path: String, description: NetworkDescription, baseDiagnostics: [Diagnostic] = [],
                             catalog: ServiceCatalog = .standard, networkPath: String? = nil, networkDigest: String? = nil) -> Report {
        let root: SourceValue
        switch SourceParser.parse(data: data, file: path) {
        case .failure(let diagnostic): return Report(application: nil, diagnostics: [diagnostic])
        case .success(let value): root = value
        }
        var decoder = ScenarioDecoder(path: path, catalog: catalog)
        guard let scenario = decoder.decode(root) else { return Report(application: nil, diagnostics: decoder.diagnostics.sortedForDisplay()) }
        // A scenario for another network: its ids would be checked against the wrong one.
        if let mismatches = decoder.network?.mismatches(networkPath: networkPath, networkName: description.name, networkDigest: networkDigest),
           !mismatches.isEmpty {
            return Report(application: nil, diagnostics: (decoder.diagnostics + mismatches).sortedForDisplay())
        }
        var applier = ScenarioApplier(scenario: scenario, description: description, catalog: catalog)
        applier.apply()
        var diagnostics = decoder.diagnostics + applier.diagnostics
        let validation = NetworkLoader.check(description: applier.description, catalog: catalog)
        let known = Set(baseDiagnostics)
        let new = validation.diagnostics.filter { !known.contains($0) }
        diagnostics += new.filter { $0.location.file == path }
        // Problems in the network file caused by the scenario, unless the scenario has errors of its
        // own (they are then most likely consequences of those).
        if !diagnostics.hasErrors {
            diagnostics += new.filter { $0.location.file != path }.map { relocated($0, scenario: scenario) }
        }
        diagnostics = diagnostics.sortedForDisplay()
        guard !diagnostics.hasErrors, let network = validation.network else { return Report(application: nil, diagnostics: diagnostics) }
        let application = ScenarioApplication(scenario: scenario, network: network, changes: applier.changes, diagnostics: diagnostics)
        // The demand as the scenario scales it, held to the same bound as a network's own.
        let scale = application.demandScale
        let arrivals = network.dailyArrivals(scaledBy: { scale.factor(region: $0, service: $1) })
        if !NetworkRanges.dailyArrivals.contains(arrivals) {
            let demand = scenario.operations.first { if case .demand = $0.change { true } else { false } }
            let tooLarge = Diagnostic(.error, .demandTooLarge,
                                      "with this scenario's demand the network's health centres would see \(NetworkRanges.number(arrivals)) arrivals a day; the most the simulation takes is \(NetworkRanges.number(NetworkRanges.dailyArrivals.upperBound))",
                                      at: demand?.location ?? SourceLocation(file: path, line: 1, column: 1),
                                      hint: "lower the demand entries' scale")
            return Report(application: nil, diagnostics: (diagnostics + [tooLarge]).sortedForDisplay())
        }
        return Report(application: application, diagnostics: diagnostics)
    }

    /// Reads and applies a scenario, or throws CareNetwork's `NetworkLoadError` with every diagnostic
    /// (the scenario's, and the network's when the network file itself is invalid).
    public static func load(scenarioPath: String, networkPath: String, catalog: ServiceCatalog = .standard) throws(NetworkLoadError) -> ScenarioApplication {
        let report = check(scenarioPath: scenarioPath, networkPath: networkPath, catalog: catalog)
        guard let application = report.application else { throw NetworkLoadError(diagnostics: report.diagnostics) }
        return application
    }

    /// A problem the scenario causes in the network file, moved to the scenario: to the closure when
    /// the scenario closes one facility (closing is the only operation that changes what the network
    /// file's own elements refer to), else to the first operation of that kind or the file's start.
    static func relocated(_ diagnostic: Diagnostic, scenario: Scenario) -> Diagnostic {
        let closures = scenario.operations.filter { if case .close = $0.change { true } else { false } }
        let cause = closures.first ?? scenario.operations.first
        var moved = diagnostic
        moved.location = cause?.location ?? SourceLocation(file: scenario.path, line: 1, column: 1)
        moved.message = "with this scenario, \(diagnostic.message) (network \(diagnostic.location))"
        return moved
    }
}
