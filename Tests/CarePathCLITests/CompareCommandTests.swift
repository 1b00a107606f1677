import Foundation
import Testing

@Suite("carepath compare")
struct CompareCommandTests {
    /// Runs of the training network (60 days seed 7, 30 days seed 8) and of a copy of it with one
    /// more comment line (another digest), simulated once for the suite.
    static let runs: String = {
        let directory = try! CLI.temporaryDirectory()
        let copy = directory + "/copy.yaml"
        try! (String(contentsOfFile: CLI.packageRoot.appendingPathComponent("Networks/training-small.yaml").path, encoding: .utf8) + "# a copy\n")
            .write(toFile: copy, atomically: true, encoding: .utf8)
        for (name, network, arguments) in [("long", "Networks/training-small.yaml", ["--days", "24", "--seed", "7"]),
                                           ("short", "Networks/training-small.yaml", ["--days", "12", "--seed", "8"]),
                                           ("copy", copy, ["--days", "24", "--seed", "7"])] {
            let result = try! CLI.run(["simulate", "--network", network, "--replications", "2", "--out", directory + "/" + name] + arguments)
            precondition(result.status == 0, result.stderr)
        }
        return directory
    }()

    @Test("results of different networks are refused, exit 1, unless --allow-different-networks")
    func differentNetworks() throws {
        let a = Self.runs + "/long/result.json", b = Self.runs + "/copy/result.json"
        let refused = try CLI.run(["compare", a, b])
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr.hasPrefix("error: '\(a)' and '\(b)' were simulated on different networks: 'Networks/training-small.yaml' (fnv1a64:"))
        #expect(refused.stderr.contains("hint: ") && refused.stderr.contains("--allow-different-networks"))
        let json = try CLI.run(["compare", a, b, "--format", "json"])
        #expect(json.status == 1)
        let allowed = try CLI.run(["compare", a, b, "--allow-different-networks"])
        #expect(allowed.status == 0 && allowed.stdout.contains("warning: the runs were simulated on different networks"))
        let allowedJSON = try CLI.run(["compare", a, b, "--allow-different-networks", "--format", "json"])
        #expect(allowedJSON.status == 0 && allowedJSON.stdout.contains("\"sameNetwork\": false"))
    }

    @Test("only the settings that differ are named, and arrivals compare per day")
    func settingsAndRates() throws {
        let long = Self.runs + "/long/result.json", short = Self.runs + "/short/result.json"
        let result = try CLI.run(["compare", long, short, "--limit", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("warning: the runs differ in days 24 → 12, warmupDays 6 → 3, seed 7 → 8; arrivals are compared per day"))
        #expect(!result.stdout.contains("replications 2") && !result.stdout.contains("carepath 0."))
        // About 3,000 patients a day in both runs, whatever their length.
        let arrived = try #require(lines.first { $0.hasPrefix("Patients arrived a day (mean per replication): ") })
        let rates = arrived.dropFirst("Patients arrived a day (mean per replication): ".count).components(separatedBy: " → ")
            .compactMap { Double($0.replacingOccurrences(of: ",", with: "")) }
        #expect(rates.count == 2 && abs(rates[0] - rates[1]) < 0.05 * rates[0], "\(arrived)")
        let same = try CLI.run(["compare", long, long])
        #expect(same.status == 0 && !same.stdout.contains("differ in"))
    }
}
