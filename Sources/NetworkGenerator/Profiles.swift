/// The `profiles:` of the template: each service's default capacity and the rest of its entry, so
/// that a per-facility override can be written the way the profile writes the service.
struct Profiles {
    struct Entry {
        var service: String
        /// `servers` or `beds`.
        var key: String
        var capacity: Int
        /// What follows the capacity in the flow mapping: `time: {...}` or `stay: {...}`.
        var rest: String
        var isStay: Bool { key == "beds" }
    }

    private(set) var entries: [String: [Entry]] = [:]

    init(template: String) throws(GeneratorError) {
        var current: String?
        var inProfiles = false
        for line in template.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "profiles:" { inProfiles = true; continue }
            guard inProfiles else { continue }
            if !line.hasPrefix(" ") && !line.hasPrefix("#") && !line.isEmpty { break }
            if line.hasPrefix("  ") && !line.hasPrefix("   ") && !line.hasPrefix("  #") && line.hasSuffix(":") {
                current = String(line.dropFirst(2).dropLast())
                continue
            }
            guard let profile = current, line.hasPrefix("    "), !line.hasPrefix("    #") else { continue }
            var body = line.dropFirst(4)
            if let comment = body.range(of: "  #") { body = body[..<comment.lowerBound] }
            guard let colon = body.firstIndex(of: ":") else { continue }
            let service = String(body[..<colon])
            var value = body[body.index(after: colon)...].drop { $0 == " " }
            guard value.hasPrefix("{"), value.hasSuffix("}") else {
                throw .source("morocco.template.yaml", "profile \(profile), service \(service): not a flow mapping")
            }
            value = value.dropFirst().dropLast()
            let parts = value.split(separator: ",", maxSplits: 1)
            let head = parts[0].split(separator: ":")
            guard parts.count == 2, head.count == 2, let capacity = Int(head[1].trimmingCharacters(in: .whitespaces)) else {
                throw .source("morocco.template.yaml", "profile \(profile), service \(service): no servers or beds first")
            }
            entries[profile, default: []].append(Entry(service: service, key: String(head[0]), capacity: capacity,
                                                        rest: parts[1].trimmingCharacters(in: .whitespaces)))
        }
        guard !entries.isEmpty else { throw .source("morocco.template.yaml", "no profiles") }
    }

    func entry(profile: String, service: String) -> Entry? { entries[profile]?.first { $0.service == service } }

    /// The stay capacities of `profile` scaled so that they add up to about `beds`, where they differ
    /// from the profile's.
    func scaledStays(profile: String, toBeds beds: Int) -> [String: Int] {
        let stays = (entries[profile] ?? []).filter(\.isStay)
        let total = stays.reduce(0) { $0 + $1.capacity }
        guard total > 0 else { return [:] }
        var out: [String: Int] = [:]
        for stay in stays {
            let scaled = Text.roundEven(Double(stay.capacity) * Double(beds) / Double(total))
            if scaled != stay.capacity { out[stay.service] = scaled }
        }
        return out
    }

    /// A facility's `services:` override, services sorted by id.
    func override(profile: String, services: [String: Int]) -> String? {
        guard !services.isEmpty else { return nil }
        let items = services.keys.sorted().compactMap { service -> String? in
            guard let entry = entry(profile: profile, service: service), let capacity = services[service] else { return nil }
            return "\(service): {\(entry.key): \(capacity), \(entry.rest)}"
        }
        return "{" + items.joined(separator: ", ") + "}"
    }
}
