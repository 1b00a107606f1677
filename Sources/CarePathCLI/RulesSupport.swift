import CarePathSupport
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
        StandardError.write(text + "\n")
    }

    /// The service with `key`, or exit 1 with a did-you-mean hint.
    static func service(_ key: String, in catalog: ServiceCatalog) throws -> ServiceDefinition {
        if let service = catalog.service(forKey: key) { return service }
        throw failure("unknown service '\(key)'", hint: Suggestion.hint(for: key, in: catalog.keys) ?? "run 'carepath basket' to list the services")
    }

    /// The facility with `key`, or exit 1 with a did-you-mean hint.
    static func facility(_ key: String, in network: CareNetwork) throws -> Facility {
        if let facility = network.facility(key: key) { return facility }
        throw failure("unknown facility '\(key)'", hint: Suggestion.hint(for: key, in: network.facilityKeys))
    }

    /// Kilometres with one decimal, as a JSON number.
    static func km(_ value: Double) -> JSONValue { .double((value * 10).rounded() / 10) }

    /// Kilometres with one decimal, as text.
    static func kmText(_ value: Double) -> String { String(format: "%.1f km", value) }
}
