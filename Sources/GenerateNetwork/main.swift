import CarePathSupport
import Foundation
import NetworkGenerator

// generate-network [--source DIR] [--out FILE] [--check]
// Builds the national network from the public tables of Networks/source/ and writes it to
// Networks/morocco.yaml (paths relative to the working directory, normally the package root).
// --check writes nothing: it compares with the file and exits 1 when they differ.
var source = "Networks/source"
var out = "Networks/morocco.yaml"
var check = false
var arguments = CommandLine.arguments.dropFirst()
func usage(_ message: String) -> Never {
    StandardError.write("generate-network: \(message)\nusage: generate-network [--source DIR] [--out FILE] [--check]\n")
    exit(64)
}
while let argument = arguments.popFirst() {
    switch argument {
    case "--source": guard let value = arguments.popFirst() else { usage("--source needs a directory") }; source = value
    case "--out": guard let value = arguments.popFirst() else { usage("--out needs a file") }; out = value
    case "--check": check = true
    case "-h", "--help":
        print("usage: generate-network [--source DIR] [--out FILE] [--check]")
        print("Builds Networks/morocco.yaml from the tables of Networks/source/ (see Docs/network-format.md).")
        exit(0)
    default: usage("unknown argument '\(argument)'")
    }
}
do {
    let (yaml, report) = try NetworkGenerator.generate(sourceDirectory: source)
    let summary = "\(report.urbanCentres + report.ruralCentres) health centres (\(report.urbanCentres) CSU + \(report.ruralCentres) CSR), population \(report.population), \(report.explicitReferrals) explicit referrals, \(report.raisedCapacities) capacities raised, \(report.beds) beds"
    if check {
        let existing = FileManager.default.contents(atPath: out).flatMap { String(data: $0, encoding: .utf8) }
        if existing == yaml { print("\(out) is up to date: \(summary)"); exit(0) }
        let differences = NetworkComparison(expected: existing ?? "", actual: yaml)
        print("\(out) differs from what \(source) generates: \(differences.summary)")
        for line in differences.sample(limit: 20) { print(line) }
        exit(1)
    }
    try AtomicFile.write(yaml, to: out)
    print("wrote \(out): \(summary)")
} catch {
    StandardError.write("generate-network: \(error)\n")
    exit(1)
}
