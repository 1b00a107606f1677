import CarePathSupport
import CareNetwork
import LoadSimulation
import Foundation

/// A sweep: one network, several scenarios (one of them, optionally, the baseline the others are
/// compared with), each simulated with the same days, warm-up, replications and seeds, split into
/// shards of `shard-size` replications (Docs/sweeps.md, "The sweep file").
///
/// Read from YAML by ``read(path:)``, which reports every problem with its position
/// (`file:line:column`), did-you-mean hints for misspelt keys and ids, as the network and scenario
/// loaders do. Paths in the file are read from the directory carepath runs in, as paths given on
/// the command line are.
public struct SweepFile: Sendable, Hashable {
    /// The first line of every sweep file.
    public static let schemaVersion = "carepath-sweep/1"

    /// The sweep file, as given.
    public var path: String
    /// The sweep's name, if it has one.
    public var name: String?
    /// The network file, as the sweep gives it.
    public var network: String
    /// Simulated days, warm-up included.
    public var days: Double
    /// Warm-up days: as given, else 14 or a quarter of ``days``, whichever is less.
    public var warmupDays: Double
    /// Replications of each run.
    public var replications: Int
    /// One run per scenario and seed.
    public var seeds: [UInt64]
    /// The first simulated day (`start:`, default ``SimulationConfiguration/defaultStart``): what
    /// weekdays, months and closed dates opening hours and arrival profiles meet.
    public var start: CalendarDate = SimulationConfiguration.defaultStart
    /// Replications a shard runs (one `carepath simulate` process); the last shard may run fewer.
    public var shardSize: Int
    /// The scenarios, in the file's order.
    public var scenarios: [Scenario]
    /// The id of the scenario the others are compared with.
    public var baseline: String?
    /// What the Slurm jobs ask for.
    public var slurm: Slurm

    /// One scenario of the sweep: an id and a scenario file, or none for the network as it is.
    public struct Scenario: Sendable, Hashable {
        /// The run's name: kebab-case, the name of its directories.
        public var id: String
        /// The scenario file; nil for the network as it is.
        public var file: String?
    }

    /// What the Slurm scripts ask the scheduler for; nil leaves the site's default.
    public struct Slurm: Sendable, Hashable {
        /// The partition (`--partition`).
        public var partition: String?
        /// The account charged (`--account`).
        public var account: String?
        /// A shard's time limit, as sbatch reads it (`30`, `01:00:00`, `1-00:00:00`).
        public var time: String?
        /// CPUs a shard's replications run on; default the shard size.
        public var cpusPerTask: Int?
        /// A shard's memory, as sbatch's `--mem` reads it (`4G`).
        public var memory: String?
        /// Shell lines run before carepath in every job (`module load ...`, `export PATH=...`).
        public var setup: String?
    }

    static let topKeys = ["schema", "name", "network", "days", "warmup", "replications", "seed", "seeds", "start", "shard-size", "scenarios", "baseline", "slurm"]
    static let scenarioKeys = ["id", "file"]
    static let slurmKeys = ["partition", "account", "time", "cpus-per-task", "memory", "setup"]

    /// Reads and checks the sweep file at `path`; the scenario files are checked when the sweep loads
    /// its runs (``SweepPlan``). Throws ``SweepError`` with every problem found.
    public static func read(path: String) throws(SweepError) -> SweepFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SweepError(nil, diagnostics: [Diagnostic(.error, .fileUnreadable, "cannot read sweep file '\(path)'", at: SourceLocation(file: path, line: 1, column: 1))])
        }
        return try decode(data, path: path)
    }

    /// Decodes sweep-file bytes, `path` naming them in diagnostics.
    public static func decode(_ data: Data, path: String) throws(SweepError) -> SweepFile {
        let root: SourceValue
        switch SourceParser.parse(data: data, file: path) {
        case .failure(let diagnostic): throw SweepError(nil, diagnostics: [diagnostic])
        case .success(let value): root = value
        }
        var decoder = SweepDecoder(path: path)
        let sweep = decoder.decode(root)
        let diagnostics = decoder.reader.diagnostics.sortedForDisplay()
        guard let sweep, !diagnostics.hasErrors else { throw SweepError(nil, diagnostics: diagnostics) }
        return sweep
    }

    /// One run of the sweep: a scenario with a seed.
    public struct Run: Sendable, Hashable {
        /// The run's name: the scenario's id, with `-seed-N` when the sweep has several seeds.
        public var id: String
        /// The scenario run.
        public var scenario: Scenario
        /// The seed it runs with.
        public var seed: UInt64
    }

    /// Every run, scenario by scenario, seed by seed.
    public var runs: [Run] {
        scenarios.flatMap { scenario in
            seeds.map { seed in Run(id: seeds.count == 1 ? scenario.id : "\(scenario.id)-seed-\(seed)", scenario: scenario, seed: seed) }
        }
    }

    /// The replications of each shard, in order.
    public var shards: [Range<Int>] {
        stride(from: 0, to: replications, by: shardSize).map { $0..<min($0 + shardSize, replications) }
    }
}

/// Reads a sweep file's ``SourceValue`` tree, recording a located diagnostic for every problem.
struct SweepDecoder {
    var reader = DocumentReader()
    let path: String

    init(path: String) { self.path = path }

    mutating func decode(_ root: SourceValue) -> SweepFile? {
        if case .mapping(let entries) = root.kind, let value = entries.first(where: { $0.key == "schema" })?.value,
           let schema = reader.string(value, what: "schema"), schema != SweepFile.schemaVersion {
            let hint = schema.hasPrefix("carepath-network/") ? "this is a network file; a sweep names it with 'network: FILE'"
                : schema.hasPrefix("carepath-scenario/") ? "this is a scenario file; a sweep lists it under 'scenarios:'"
                : "this version of CarePath reads 'schema: \(SweepFile.schemaVersion)'"
            reader.error(.schema, "unsupported sweep schema '\(schema)'", at: value.location, hint: hint)
            return nil
        }
        guard let top = reader.mapping(root, what: "the sweep file", allowed: SweepFile.topKeys,
                                       required: ["schema", "network", "days", "replications", "scenarios"]) else { return nil }
        let name = top["name"].flatMap { reader.string($0, what: "sweep name") }
        let network = top["network"].flatMap { file($0, what: "network file") }
        let days = reader.double(top["days"], what: "days", range: 1e-9...3660, rangeText: "more than 0 and at most 3660 (ten years)")
        var warmup = top["warmup"].flatMap { reader.double($0, what: "warmup", range: 0...3660, rangeText: "between 0 and 3660 days") }
        if let days, let value = top["warmup"], let given = warmup, given >= days {
            reader.error(.outOfRange, "warmup is \(NumberFormat.significant(given)) days; it must be less than days (\(NumberFormat.significant(days)))", at: value.location)
            warmup = nil
        }
        let replications = reader.integer(top["replications"], what: "replications", range: 1...1000)
        var shardSize = 1
        if let value = top["shard-size"] {
            if let size = reader.integer(value, what: "shard-size", range: 1...1000, hint: "the replications one carepath simulate process runs") {
                if let replications, size > replications {
                    reader.error(.outOfRange, "shard-size is \(size); it must be at most replications (\(replications))", at: value.location,
                                 hint: "a shard runs shard-size of the replications")
                } else { shardSize = size }
            }
        }
        let seeds = self.seeds(top)
        let scenarios = self.scenarios(top["scenarios"], at: top.keyLocations["scenarios"])
        var baseline: String?
        if let value = top["baseline"], let id = reader.id(value, what: "baseline") {
            if scenarios.contains(where: { $0.id == id }) { baseline = id } else {
                reader.error(.unknownReference, "baseline '\(id)' is not the id of one of the sweep's scenarios", at: value.location,
                             hint: Suggestion.hint(for: id, in: scenarios.map(\.id)) ?? "the scenarios are \(scenarios.map(\.id).joined(separator: ", "))")
            }
        }
        var slurm = SweepFile.Slurm()
        if let value = top["slurm"] { slurm = self.slurm(value) }
        var start = SimulationConfiguration.defaultStart, startValid = true
        if let value = top["start"], let text = reader.string(value, what: "start") {
            if let date = CalendarDate(text) { start = date } else {
                reader.error(.invalidValue, "start '\(text)' is not a date YYYY-MM-DD", at: value.location,
                             hint: "the first simulated day, for example 2027-01-04 (a Monday)")
                startValid = false
            }
        }
        guard let network, let days, let replications, let seeds, !scenarios.isEmpty, startValid else { return nil }
        var sweep = SweepFile(path: path, name: name, network: network, days: days, warmupDays: warmup ?? min(14, days / 4), replications: replications,
                              seeds: seeds, shardSize: shardSize, scenarios: scenarios, baseline: baseline, slurm: slurm)
        sweep.start = start
        return sweep
    }

    /// A path to a file that must exist (a diagnostic at the value when it cannot be read).
    private mutating func file(_ value: SourceValue, what: String) -> String? {
        guard let path = reader.string(value, what: what) else { return nil }
        guard !path.isEmpty else {
            reader.error(.invalidValue, "\(what) is empty", at: value.location)
            return nil
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              FileManager.default.isReadableFile(atPath: path) else {
            reader.error(.fileUnreadable, "\(what) '\(path)' cannot be read\(isDirectory.boolValue ? " (it is a directory)" : "")", at: value.location,
                         hint: "paths in a sweep file are read from the directory carepath runs in (here \(FileManager.default.currentDirectoryPath))")
            return nil
        }
        return path
    }

    /// `seed: N` or `seeds: [N, ...]` (default 1): 64-bit unsigned numbers, each once.
    private mutating func seeds(_ top: Fields) -> [UInt64]? {
        if top["seed"] != nil, let value = top["seeds"] {
            reader.error(.conflict, "give seed or seeds, not both", at: top.keyLocations["seeds"] ?? value.location, hint: "seeds: [1, 2] runs every scenario with each seed")
            return nil
        }
        var items: [SourceValue] = []
        if let value = top["seed"] { items = [value] } else if let value = top["seeds"] {
            items = reader.list(value, what: "seeds")
            if items.isEmpty, case .sequence = value.kind { reader.error(.invalidValue, "seeds lists no seed", at: value.location) }
            if items.count > 100 { reader.error(.outOfRange, "seeds lists \(items.count) seeds; a sweep takes at most 100", at: value.location) }
        } else { return [1] }
        var seeds: [UInt64] = [], valid = true
        for item in items {
            guard case .scalar(let text, false) = item.kind, let seed = UInt64(text) else {
                reader.error(.wrongType, "a seed must be a whole number from 0 to 18446744073709551615, found \(item.kindName)", at: item.location)
                valid = false
                continue
            }
            if seeds.contains(seed) {
                reader.error(.duplicateID, "seed \(seed) is listed twice", at: item.location)
                valid = false
            }
            seeds.append(seed)
        }
        return valid && !seeds.isEmpty ? seeds : nil
    }

    private mutating func scenarios(_ value: SourceValue?, at location: SourceLocation?) -> [SweepFile.Scenario] {
        var scenarios: [SweepFile.Scenario] = []
        var seen: [String: SourceLocation] = [:]
        let items = reader.list(value, what: "scenarios")
        if let value, items.isEmpty, !reader.diagnostics.contains(where: { $0.location == value.location }) {
            reader.error(.invalidValue, "the sweep lists no scenarios", at: value.location,
                         hint: "list the scenarios: '- id: base' for the network as it is, '- id: x' with 'file: FILE' for a scenario")
        }
        for item in items {
            var scenario: SweepFile.Scenario?
            var idLocation = item.location
            if case .scalar = item.kind {
                // A scenario file alone: its id is its name, without the extension.
                if let path = file(item, what: "scenario file") {
                    let id = DocumentReader.kebabCased(((path as NSString).lastPathComponent as NSString).deletingPathExtension)
                    if id.isEmpty { reader.error(.invalidID, "scenario file '\(path)' gives no id", at: item.location, hint: "give it one: '- {id: x, file: \(path)}'") } else {
                        scenario = .init(id: id, file: path)
                    }
                }
            } else if let fields = reader.mapping(item, what: "scenario entry", allowed: SweepFile.scenarioKeys, required: ["id"]) {
                let id = reader.id(fields["id"], what: "scenario id")
                idLocation = fields["id"]?.location ?? item.location
                let file = fields["file"].flatMap { self.file($0, what: "scenario file") }
                if let id, DocumentReader.isKebabCase(id), fields["file"] == nil || file != nil { scenario = .init(id: id, file: file) }
            }
            guard let scenario else { continue }
            if let earlier = seen[scenario.id] {
                reader.error(.duplicateID, "scenario id '\(scenario.id)' is used twice (first at line \(earlier.line))", at: idLocation,
                             hint: "each scenario's results go to a directory named by its id: give each its own")
                continue
            }
            seen[scenario.id] = idLocation
            scenarios.append(scenario)
        }
        return scenarios
    }

    private mutating func slurm(_ value: SourceValue) -> SweepFile.Slurm {
        guard let fields = reader.mapping(value, what: "slurm", allowed: SweepFile.slurmKeys) else { return .init() }
        var slurm = SweepFile.Slurm()
        func text(_ key: String) -> String? {
            guard let value = fields[key], let text = reader.string(value, what: "slurm \(key)") else { return nil }
            if key != "setup", text.contains(where: { $0.isWhitespace || $0 == "'" || $0 == "\"" || $0 == "\\" }) {
                reader.error(.invalidValue, "slurm \(key) '\(text)' must be one word (no spaces or quotes)", at: value.location)
                return nil
            }
            return text
        }
        slurm.partition = text("partition")
        slurm.account = text("account")
        slurm.time = text("time")
        slurm.memory = text("memory")
        slurm.setup = text("setup")
        slurm.cpusPerTask = fields["cpus-per-task"].flatMap { reader.integer($0, what: "slurm cpus-per-task", range: 1...4096) }
        return slurm
    }
}
