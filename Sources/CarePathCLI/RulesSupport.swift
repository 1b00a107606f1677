import ArgumentParser
import CareNetwork
import Foundation

/// Helpers shared by `basket`, `eligibility` and `route`: reporting a domain error with a did-you-mean
/// hint, and formatting.
enum RulesSupport {
    /// Prints `error: message` (and a hint line) to stderr and returns exit code 1 to throw.
    static func failure(_ message: String, hint: String? = nil) -> ExitCode {
        printError("error: " + message + (hint.map { "\n  hint: " + $0 } ?? ""))
        return ExitCode(1)
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// "did you mean 'x'?" for the candidate nearest to `word`, when near enough to be a typo.
    static func hint(for word: String, in candidates: [String]) -> String? {
        let source = Array(word.lowercased().unicodeScalars)
        var best: (Int, String)?
        for candidate in candidates {
            let target = Array(candidate.lowercased().unicodeScalars)
            let limit = max(2, min(source.count, target.count) / 3)
            guard abs(source.count - target.count) <= limit else { continue }
            let distance = editDistance(source, target)
            if distance <= limit, best == nil || distance < best!.0 || (distance == best!.0 && candidate < best!.1) {
                best = (distance, candidate)
            }
        }
        return best.map { "did you mean '\($0.1)'?" }
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The service with `key`, or exit 1 with a did-you-mean hint.
    static func service(_ key: String, in catalog: ServiceCatalog) throws -> ServiceDefinition {
        if let service = catalog.service(forKey: key) { return service }
        throw failure("unknown service '\(key)'", hint: hint(for: key, in: catalog.keys) ?? "run 'carepath basket' to list the services")
    }

    /// The facility with `key`, or exit 1 with a did-you-mean hint.
    static func facility(_ key: String, in network: CareNetwork) throws -> Facility {
        if let facility = network.facility(key: key) { return facility }
        throw failure("unknown facility '\(key)'", hint: hint(for: key, in: network.facilityKeys))
    }

    /// Kilometres with one decimal, as a JSON number.
    static func km(_ value: Double) -> JSONValue { .double((value * 10).rounded() / 10) }

    /// Kilometres with one decimal, as text.
    static func kmText(_ value: Double) -> String { String(format: "%.1f km", value) }
}
