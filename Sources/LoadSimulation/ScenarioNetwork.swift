import CarePathSupport
import CareNetwork
import Foundation

/// A scenario's `network:` key: the network it was written for (Docs/scenarios.md, "network").
///
/// Written `network: FILE` or `network: {file, name, digest}`, at least one of the three:
/// - `file`: the network file, relative to the scenario file's directory. Without `--network`,
///   commands apply the scenario to it.
/// - `name`: the network's `name:` in one of its languages (`fr`, `ar` or `en`); checked.
/// - `digest`: the FNV-1a digest of the network file's bytes (`fnv1a64:` and 16 hexadecimal
///   digits, as `result.json` records it), to pin one exact version of the file; checked.
///
/// When neither `name` nor `digest` is given, the file name of the network the scenario is applied
/// to must be that of `file`. A mismatch is the error `network-mismatch`.
public struct ScenarioNetwork: Sendable, Equatable {
    /// `file`, as written.
    public var file: String?
    /// `name`, as written.
    public var name: String?
    /// `digest`, as written.
    public var digest: String?
    /// Where the `network:` value is.
    public var location: SourceLocation
    /// Where each of `file`, `name` and `digest` is written.
    public var fieldLocations: [String: SourceLocation] = [:]

    /// The keys of the mapping form.
    static let keys = ["file", "name", "digest"]

    /// A network reference with these fields, written at `location`.
    public init(file: String? = nil, name: String? = nil, digest: String? = nil, location: SourceLocation) {
        self.file = file
        self.name = name
        self.digest = digest
        self.location = location
    }

    /// `file` resolved against the directory of the scenario at `scenarioPath`, with `.` and `..`
    /// folded (`Networks/scenarios/../training-small.yaml` is `Networks/training-small.yaml`).
    public func resolvedFile(scenarioPath: String) -> String? {
        guard let file else { return nil }
        if file.hasPrefix("/") { return Self.normalized(file) }
        let directory = (scenarioPath as NSString).deletingLastPathComponent
        return Self.normalized(directory.isEmpty ? file : directory + "/" + file)
    }

    /// `path` with `.` components dropped and each `..` folding the component before it (lexically).
    static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// The `network-mismatch` errors of applying this scenario to the network file at `networkPath`
    /// (nil: not known) whose `name:` is `networkName` and whose bytes have `networkDigest`.
    func mismatches(networkPath: String?, networkName: LocalizedName?, networkDigest: String?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let shown = networkPath.map { " (\($0))" } ?? ""
        let hint = "give the network it names with --network, or none: \(resolvedHint)"
        if let name {
            let names = [networkName?.fr, networkName?.ar, networkName?.en].compactMap { $0 }
            if !names.contains(name) {
                let actual = networkName.map { "'\($0.en ?? $0.fr)'" } ?? "a network without a name"
                diagnostics.append(Diagnostic(.error, .networkMismatch, "this scenario is for the network '\(name)', not for \(actual)\(shown)",
                                              at: fieldLocations["name"] ?? location, hint: hint))
            }
        } else if digest == nil, let file, let networkPath,
                  (file as NSString).lastPathComponent != (networkPath as NSString).lastPathComponent {
            diagnostics.append(Diagnostic(.error, .networkMismatch, "this scenario is for the network file '\((file as NSString).lastPathComponent)', not for '\(networkPath)'",
                                          at: fieldLocations["file"] ?? location, hint: hint))
        }
        if let digest, let networkDigest, digest != networkDigest {
            diagnostics.append(Diagnostic(.error, .networkMismatch, "this scenario is for the network file of digest \(digest); \(networkPath ?? "the network") has \(networkDigest)",
                                          at: fieldLocations["digest"] ?? location,
                                          hint: "the network file changed since the scenario was written: check the scenario against it, then update or remove digest"))
        }
        return diagnostics
    }

    private var resolvedHint: String {
        file.map { "without --network, the scenario is applied to '\($0)' (relative to the scenario file)" }
            ?? "name the network's file with network: {file: ...}"
    }

    /// The network named by the scenario file at `scenarioPath`, resolved against its directory,
    /// for commands given `--scenario` without `--network`: nil when the file cannot be read or
    /// parsed, or names no `file` (the checks of the scenario then report what is wrong). A named
    /// file that does not exist is the error `network-not-found`, at the `file` value.
    public static func namedFile(scenarioPath: String) -> (path: String?, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: scenarioPath),
              case .success(let root) = SourceParser.parse(data: data, file: scenarioPath),
              case .mapping(let entries) = root.kind,
              let value = entries.first(where: { $0.key == "network" })?.value else { return (nil, []) }
        var reader = DocumentReader()
        guard let network = decode(value, reader: &reader), let path = network.resolvedFile(scenarioPath: scenarioPath) else { return (nil, []) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { return (path, []) }
        let missing = Diagnostic(.error, .networkNotFound, "the network this scenario names, '\(network.file ?? path)', is not found (looked for '\(path)')",
                                 at: network.fieldLocations["file"] ?? network.location,
                                 hint: "file is relative to the scenario file's directory; or give the network with --network")
        return (nil, [missing])
    }

    /// Decodes `network:`: a file name, or `{file, name, digest}` with at least one of them.
    static func decode(_ value: SourceValue, reader: inout DocumentReader) -> ScenarioNetwork? {
        if case .scalar(let text, _) = value.kind {
            var network = ScenarioNetwork(file: text, location: value.location)
            network.fieldLocations["file"] = value.location
            return network
        }
        guard let fields = reader.mapping(value, what: "network", allowed: keys) else { return nil }
        var network = ScenarioNetwork(location: value.location)
        network.file = reader.string(fields["file"], what: "network file")
        network.name = reader.string(fields["name"], what: "network name")
        network.digest = reader.string(fields["digest"], what: "network digest")
        for key in keys { network.fieldLocations[key] = fields[key]?.location }
        if let digest = network.digest, !isDigest(digest) {
            reader.error(.invalidValue, "'\(digest)' is not a digest", at: fields["digest"]!.location,
                         hint: "write it as result.json's network.digest: fnv1a64: and 16 hexadecimal digits")
            network.digest = nil
        }
        if fields.values.isEmpty, fields.misspelt.isEmpty {
            reader.error(.missingKey, "network names no network: give file, name or digest", at: value.location)
            return nil
        }
        guard network.file != nil || network.name != nil || network.digest != nil else { return nil }
        return network
    }

    /// `fnv1a64:` and 16 lowercase hexadecimal digits.
    static func isDigest(_ text: String) -> Bool {
        guard text.hasPrefix("fnv1a64:") else { return false }
        let hex = text.dropFirst("fnv1a64:".count)
        return hex.count == 16 && hex.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// The digest of the file at `path` as result.json records it, nil when it cannot be read.
    static func digest(ofFile path: String) -> String? {
        FileManager.default.contents(atPath: path).map { FNV1a64.digest(of: $0) }
    }
}
