import CarePathSupport
import ArgumentParser
import CareNetwork
import Foundation

/// Helpers shared by `basket`, `eligibility` and `route`: looking up a service or facility with a
/// did-you-mean hint, and formatting.
enum RulesSupport {
    /// The service with `key`, or a failure with a did-you-mean hint.
    static func service(_ key: String, in catalog: ServiceCatalog) throws -> ServiceDefinition {
        if let service = catalog.service(forKey: key) { return service }
        throw CommandFailure("unknown service '\(key)'", hint: Suggestion.hint(for: key, in: catalog.keys) ?? "run 'carepath basket' to list the services")
    }

    /// The facility with `key`, or a failure with a did-you-mean hint.
    static func facility(_ key: String, in network: CareNetwork) throws -> Facility {
        if let facility = network.facility(key: key) { return facility }
        throw CommandFailure("unknown facility '\(key)'", hint: Suggestion.hint(for: key, in: network.facilityKeys))
    }

    /// Kilometres with one decimal, as a JSON number.
    static func km(_ value: Double) -> JSONValue { .double((value * 10).rounded() / 10) }

    /// Kilometres with one decimal, as text.
    static func kmText(_ value: Double) -> String { String(format: "%.1f km", value) }
}
