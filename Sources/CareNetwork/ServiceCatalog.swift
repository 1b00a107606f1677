/// Whether a service is a visit (minutes, served by servers) or a stay (days, occupying beds).
public enum ServiceKind: String, Sendable, Hashable, Codable {
    /// A consultation, test or procedure: time in minutes, capacity in servers.
    case visit
    /// A hospitalisation: length of stay in days, capacity in beds.
    case stay
}

/// A dense index of a service in a ``ServiceCatalog`` (0 ..< catalog.count).
public struct ServiceID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The position in ``ServiceCatalog/services``.
    public let index: Int
    /// The service at `index`.
    public init(_ index: Int) { self.index = index }
    public static func < (a: ServiceID, b: ServiceID) -> Bool { a.index < b.index }
    public var description: String { "service#\(index)" }
}

/// One service of the catalogue: the id network files use, its kind, and the rule it falls under
/// (`Docs/rules-reference.md`): a basket entry B1-B16, or the exclusion X1.
public struct ServiceDefinition: Hashable, Sendable {
    /// The dense index of this service in the catalogue.
    public let id: ServiceID
    /// The kebab-case id used in network files (`general-consultation`).
    public let key: String
    /// Visit or stay.
    public let kind: ServiceKind
    /// Its basket entry (``RuleID/b2``) or exclusion (``RuleID/x1``).
    public let rule: RuleID
    /// Names in French, Arabic and English.
    public let name: LocalizedName

    /// Whether the service is excluded from the basket (X1).
    public var isExcluded: Bool { rule.isExclusion }

    /// Whether the service is given with the care of the facility that treats rather than sought at a
    /// facility of its own: B8 (drugs prescribed during care) and B10 (the devices and equipment the
    /// procedures need). No pathway leads to it; `carepath route` says so instead of routing.
    public var isGivenWithCare: Bool { rule == .b8 || rule == .b10 }
}

/// The catalogue of services network files may name, each mapped to its basket entry (B1-B16) or
/// exclusion (X1). It is data shipped with CarePath (see `ServiceCatalog+Entries.swift`); network files
/// reference it by key and never extend it.
public struct ServiceCatalog: Sendable {
    /// Every service, indexed by ``ServiceID/index``.
    public let services: [ServiceDefinition]
    private let byKey: [String: ServiceID]

    init(entries: [(key: String, kind: ServiceKind, rule: RuleID, name: LocalizedName)]) {
        var services: [ServiceDefinition] = []
        var byKey: [String: ServiceID] = [:]
        for (index, entry) in entries.enumerated() {
            let id = ServiceID(index)
            precondition(byKey[entry.key] == nil, "duplicate service key \(entry.key) in the catalogue")
            services.append(ServiceDefinition(id: id, key: entry.key, kind: entry.kind, rule: entry.rule, name: entry.name))
            byKey[entry.key] = id
        }
        self.services = services
        self.byKey = byKey
    }

    /// The number of services.
    public var count: Int { services.count }

    /// The service with this dense id.
    public subscript(id: ServiceID) -> ServiceDefinition { services[id.index] }

    /// The id of the service with this key, or nil when the catalogue has no such service.
    public func id(forKey key: String) -> ServiceID? { byKey[key] }

    /// The service with this key, or nil.
    public func service(forKey key: String) -> ServiceDefinition? { byKey[key].map { services[$0.index] } }

    /// Every service key, in catalogue order.
    public var keys: [String] { services.map(\.key) }

    /// The services that fall under a rule (``RuleID/b4``, ``RuleID/x1``), in catalogue order.
    public func services(underRule rule: RuleID) -> [ServiceDefinition] { services.filter { $0.rule == rule } }
}
