import ArgumentParser
import CarePathSupport
import CareNetwork
import Foundation
import LoadSimulation
import Referral
import SimulationResults

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate referral load: arrivals, waits and utilisation at every station.",
        discussion: """
            A station is one service at one facility. Patients arrive at health centres (Poisson, from
            catchments and the network's demand), follow their RAMED pathway (P0-P5) and the network's
            referral rates, and queue (emergencies first) for each station's servers or beds.
            Replications run in parallel; the same seed gives the same output on any number of cores.

            With --scenario FILE, a scenario overlay (Docs/scenarios.md: close or open facilities,
            change servers or beds, scale demand, reassign a region's CHU, bound queues) is applied to
            the network first; its problems are reported as `carepath validate` reports a network's,
            and exit 1.

            Examples:
              carepath simulate --days 30 --replications 4 --out results/baseline
              carepath simulate --days 30 --replications 4 --out results/agadir \\
                  --scenario Networks/scenarios/chu-agadir-closed.yaml
              carepath compare results/baseline/result.json results/agadir/result.json

            With --shard K/M (or --replication-range A..<B), only that share of the --replications
            runs, each replication drawing what it draws in the whole run, and --partial FILE receives
            it raw; `carepath merge` turns the shards' partials into the run's results, byte for byte
            (Docs/sweeps.md).
            """.helpParagraphs
    )

    @OptionGroup var networkOptions: NetworkOptions
    // .unconditional: `--days -3` reaches validate() and is told what is wrong, not "missing value".
    @Option(parsing: .unconditional, help: "Simulated days, warm-up included.") var days: Double = 90
    @Option(parsing: .unconditional, help: "Warm-up days excluded from the statistics (queues and beds start empty); default 14, or a quarter of --days when that is less.") var warmup: Double?
    @Option(parsing: .unconditional, help: "Independent replications (run in parallel on every core).") var replications: Int = 4
    @Option(parsing: .unconditional, help: "Seed of the random streams (xoshiro256** per health centre and replication).") var seed: UInt64 = 1
    @Option(help: "Write result.json, stations.csv, facilities.csv, links.csv, pathways.csv, daily.csv (and hourly.csv with opening hours or arrival profiles) to this directory.") var out: String?
    @Option(parsing: .unconditional, help: "The date of the first simulated day, YYYY-MM-DD (weekdays, months and closed dates for opening hours and arrival profiles); default 2027-01-04, a Monday.") var start: String?
    @Option(parsing: .unconditional, help: "Memory, in GiB, the replications running at once may fill with patients, shared between them; a run that needs more stops and says where queues grew. Default: half of this machine's memory.") var memoryLimit: Double?
    @Option(help: "Run only shard K of M of the --replications (K from 1, near-equal contiguous shares); needs --partial.") var shard: String?
    @Option(help: "Run only these replications of the --replications, numbered from 0, B excluded (4..<8: the fifth to the eighth); needs --partial.") var replicationRange: String?
    @Option(help: "Write the replications run (a shard's, else all) raw to this file, for carepath merge, instead of results.") var partial: String?
    @Option(name: .customLong("facility"), help: ArgumentHelp("Show this facility (ID), or one of its stations (ID/SERVICE), station by station after the summary: load, waits, patients still waiting at closing, overtime and, with opening hours or arrival profiles, arrivals and waits by the hour and weekday they arrived. Repeatable.", valueName: "id")) var facilities: [String] = []
    @OptionGroup var output: OutputOptions

    /// The warm-up in days: as given, else 14 days or a quarter of the horizon, whichever is less.
    var effectiveWarmup: Double { warmup ?? min(14, days / 4) }

    func validate() throws {
        guard days > 0, days <= 3660 else { throw ValidationError("--days must be more than 0 and at most 3660 (ten years)") }
        guard effectiveWarmup >= 0, effectiveWarmup < days else { throw ValidationError("--warmup must be at least 0 and less than --days") }
        guard (1...1000).contains(replications) else { throw ValidationError("--replications must be between 1 and 1000") }
        if let start, CalendarDate(start) == nil {
            throw ValidationError("--start must be a date YYYY-MM-DD, for example 2027-01-04; found '\(start)'")
        }
        if let memoryLimit, !(memoryLimit >= 0.001 && memoryLimit <= 1_048_576) {
            throw ValidationError("--memory-limit must be between 0.001 and 1048576 GiB")
        }
        try validateShard()
        if !facilities.isEmpty, output.format == .json || partial != nil {
            throw ValidationError("--facility adds to the text summary; with --format json or --partial, every station is in the result (result.json's stations, hourly.csv)")
        }
    }

    func run() throws {
        if let partial { return try runShard(writingTo: partial) }
        let loaded = try networkOptions.load()
        // Before simulating (and after the inputs are known good, so that a bad scenario leaves no
        // directory behind): a run that cannot write its results should not first take minutes.
        let destination: ResultFiles.Destination?
        do { destination = try out.map(ResultFiles.prepare) } catch {
            throw Self.writeFailure(error)
        }
        let path = loaded.path, network = loaded.network, application = loaded.scenario
        let started = Date()
        let table = RoutingTable(router: ReferralRouter(network: network))
        let model = application?.model(table: table) ?? SimulationModel(network: network, table: table)
        if let note = Self.emergenciesAtStationsThatClose(model: model, network: network) { StandardError.write(note) }
        // An unknown facility or station is an error before the run, not after it.
        for spec in facilities { try Self.checkFacility(spec, model: model, network: network) }
        var configuration = SimulationConfiguration(days: days, warmupDays: effectiveWarmup, replications: replications, seed: seed)
        configuration.memoryBudget = memoryLimit.map { Int($0 * 1_073_741_824) }
        if let start { configuration.start = CalendarDate(start)! }
        let progress = ProgressLine(total: replications)
        let result = Simulation.run(model, configuration: configuration) { replication, fraction in
            progress.update(replication: replication, fraction: fraction)
        }
        progress.finish()
        if let stopped = result.stoppedEarly {
            throw Self.stopped(stopped.replication, at: stopped.minutes, run: result.replications[stopped.replication], patientLimit: result.patientLimit,
                               concurrentReplications: result.concurrentReplications, days: configuration.days, model: model, network: network)
        }
        let seconds = Date().timeIntervalSince(started)
        let run = ResultDocument.Run(
            version: CarePathVersion.string, network: .init(path: path, digest: Self.digest(ofFile: path)),
            scenario: loaded.scenarioPath.flatMap { scenario in
                application.map { .init(path: scenario, digest: Self.digest(ofFile: scenario), name: $0.scenario.name?.text, changes: $0.changes) }
            })
        let files = ResultFiles(network: network, model: model, result: result, run: run)
        let document = files.document
        if let destination {
            do { try destination.write(files) } catch { throw Self.writeFailure(error) }
        }
        switch output.format {
        case .json:
            // result.json leaves out the wall time, so the same inputs give the same bytes; stdout has it.
            print(try JSONValueEncoder.render(TimedDocument(document: document, wallSeconds: seconds)))
        case .text:
            // Which of the stations shown close at some time of the week (only with --facility).
            let closing = facilities.isEmpty ? [] : Set(model.stationHours.indices.filter { model.stationHours[$0]?.closesInTheWeek == true }
                .map { Self.stationKey($0, model: model, network: network) })
            print(SimulationSummary(document: document, wallSeconds: seconds, facilities: facilities.map(FacilityChoice.init), hourly: files.hourly,
                                    closing: closing).text(), terminator: "")
        }
    }

    /// A `--facility` value, `ID` or `ID/SERVICE`: the facility must be in the network, and the
    /// service, when given, one of its stations as the run models it (a scenario's changes included).
    static func checkFacility(_ spec: String, model: SimulationModel, network: CareNetwork) throws {
        let choice = FacilityChoice(spec)
        let facility = try RulesSupport.facility(choice.facility, in: network)
        guard let service = choice.service else { return }
        let services = model.stationFacility.indices.filter { Int(model.stationFacility[$0]) == facility.id.index }
            .map { network.catalog[ServiceID(Int(model.stationService[$0]))].key }
        guard services.contains(service) else {
            throw CommandFailure("facility '\(facility.key)' has no station '\(service)'",
                                 hint: Suggestion.hint(for: service, in: services) ?? "its stations: \(services.joined(separator: ", "))")
        }
    }

    /// Station `s` of `model` as `facility/service`, the key messages and result files name it by.
    static func stationKey(_ s: Int, model: SimulationModel, network: CareNetwork) -> String {
        "\(network.facilities[Int(model.stationFacility[s])].key)/\(network.catalog[ServiceID(Int(model.stationService[s]))].key)"
    }

    /// Why a replication stopped: the day, the limit and the memory it stands for, and the stations
    /// whose queues had grown longest by then.
    static func stopped(_ replication: Int, at minutes: Double, run stoppedRun: ReplicationResult, patientLimit: Int, concurrentReplications: Int,
                        days: Double, model: SimulationModel, network: CareNetwork) -> CommandFailure {
        // Where the patients were held when it stopped (a stop within a week has them in the lanes,
        // not yet in the queues), else the longest queues of the run.
        let queues = stoppedRun.heldAtStop.contains { $0 > 0 } ? stoppedRun.heldAtStop : stoppedRun.maxQueue
        let longest = queues.indices.sorted { (queues[$0], $1) > (queues[$1], $0) }.prefix(5).filter { queues[$0] > 0 }
        let stations = longest.map { s in "\(stationKey(s, model: model, network: network)) (\(NumberFormat.grouped(queues[s])))" }
        let budget = Double(patientLimit * SimulationConfiguration.bytesPerPatient * concurrentReplications) / 1_073_741_824
        return CommandFailure(
            "replication \(replication + 1) stopped on day \(NumberFormat.fixed(minutes / 1440, digits: 1)) of \(NumberFormat.significant(days)): "
                + "more than \(NumberFormat.grouped(patientLimit)) patients were in the system at once (its share of \(NumberFormat.format("%.3g", budget)) GiB "
                + "for \(concurrentReplications) replication\(concurrentReplications == 1 ? "" : "s") running at once). Demand is far beyond capacity; "
                + "the stations holding the most patients: \(stations.joined(separator: ", "))",
            hint: "add capacity there, bound queues with a scenario's queue-limit, simulate fewer days to see where queues build up, or give more memory with --memory-limit")
    }

    /// A note when emergencies (P0) are sent to stations that close (opening hours that are not
    /// `always`): they then wait for the opening like anyone (first in line), which a network usually
    /// does not mean (Docs/simulation.md, "Time in the model"); nil when none are.
    static func emergenciesAtStationsThatClose(model: SimulationModel, network: CareNetwork) -> String? {
        var stations: [Int32] = []
        for r in 0..<model.routeCount where model.routeEmergency[r] && model.routeOutcome[r] == .treated {
            for k in Int(model.routeOffsets[r])..<Int(model.routeOffsets[r + 1]) {
                let s = model.routeStations[k]
                if s >= 0, let hours = model.stationHours[Int(s)], DayType.allCases.contains(where: { hours.closes(on: $0) }),
                   !stations.contains(s) { stations.append(s) }
            }
        }
        guard !stations.isEmpty else { return nil }
        let names = stations.prefix(3).map { stationKey(Int($0), model: model, network: network) }
        return "note: emergencies (P0) are sent to \(stations.count) station\(stations.count == 1 ? " that closes" : "s that close") (\(names.joined(separator: ", "))\(stations.count > 3 ? ", ..." : "")): "
            + "an emergency that arrives while one is closed waits for it to open; give them hours: always, or a night shift\n"
    }

    /// Prints why the results cannot be written and returns exit 1 to throw.
    static func writeFailure(_ error: any Error) -> ExitCode {
        if let failure = error as? AtomicFile.Failure {
            StandardError.write("error: cannot write results to '\(failure.path)': \(failure.reason)\n")
        } else {
            StandardError.write("error: cannot write results: \(error)\n")
        }
        return ExitCode(1)
    }

    /// The digest of a file's bytes (``FNV1a64``), to tie a result to the exact network it ran on.
    static func digest(ofFile path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "unreadable" }
        return FNV1a64.digest(of: data)
    }
}

/// A progress line on stderr, only when stderr is a terminal: the share of the simulation done, over
/// every replication.
final class ProgressLine: @unchecked Sendable {
    private var fractions: [Double]
    private var shown = -1
    private let lock = NSLock()
    private let enabled = isatty(2) != 0

    init(total: Int) { fractions = Array(repeating: 0, count: max(total, 1)); draw() }

    func update(replication: Int, fraction: Double) {
        guard enabled else { return }
        lock.withLock {
            fractions[replication] = min(max(fraction, 0), 1)
            draw()
        }
    }

    func finish() { if enabled { StandardError.write("\r\u{1B}[K") } }

    private func draw() {
        guard enabled else { return }
        let done = fractions.reduce(0, +) / Double(fractions.count)
        let percent = Int(done * 100)
        guard percent != shown else { return }
        shown = percent
        let width = 30, filled = Int(done * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let finished = fractions.filter { $0 >= 1 }.count
        StandardError.write("\rsimulating [\(bar)] \(percent)%  \(finished)/\(fractions.count) replications")
    }
}

/// The result document with the run's wall time beside its keys, as `simulate --format json` prints it:
/// rendered in one pass (the keys sorted as they are written), not built as a tree of values first.
struct TimedDocument: Encodable {
    let document: ResultDocument
    let wallSeconds: Double

    private enum Key: String, CodingKey { case wallSeconds }

    func encode(to encoder: any Encoder) throws {
        try document.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(wallSeconds, forKey: .wallSeconds)
    }
}
