import Foundation

/// Loads network files (YAML or JSON) into a validated ``CareNetwork``, or reports every problem.
public enum NetworkLoader {
    /// The `schema:` value this version reads.
    public static let schemaVersion = "carepath-network/1"

    /// The outcome of checking one file: the network when it has no error, and every diagnostic.
    public struct Report: Sendable {
        /// The file checked.
        public let path: String
        /// The network, when the file has no error.
        public let network: CareNetwork?
        /// Every diagnostic, errors and warnings, in display order.
        public let diagnostics: [Diagnostic]
        /// What the file holds, counted even when it has errors (from what could be decoded).
        public let summary: NetworkSummary
    }

    /// Reads, parses, decodes and validates one file, collecting every diagnostic; never throws.
    public static func check(path: String, catalog: ServiceCatalog = .standard) -> Report {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if (attributes[.type] as? FileAttributeType) == .typeDirectory {
                return failure(path, "'\(path)' is a directory, not a network file")
            }
            if let size = attributes[.size] as? NSNumber, size.intValue > SourceParser.maximumFileBytes {
                return failure(path, "file is \(size.intValue >> 20) MiB; network files are limited to \(SourceParser.maximumFileBytes >> 20) MiB")
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return failure(path, "cannot read '\(path)': \((error as NSError).localizedDescription)")
        }
        return check(data: data, path: path, catalog: catalog)
    }

    /// Parses, decodes and validates file contents named `path` in diagnostics; never throws.
    public static func check(data: Data, path: String, catalog: ServiceCatalog = .standard) -> Report {
        switch SourceParser.parse(data: data, file: path) {
        case .failure(let diagnostic):
            return Report(path: path, network: nil, diagnostics: [diagnostic], summary: NetworkSummary())
        case .success(let root):
            var decoder = NetworkDecoder(catalog: catalog)
            guard let description = decoder.decode(root) else {
                return Report(path: path, network: nil, diagnostics: decoder.reader.diagnostics.sortedForDisplay(), summary: NetworkSummary())
            }
            var validator = NetworkValidator(description: description, catalog: catalog)
            let network = validator.validate()
            let diagnostics = (decoder.reader.diagnostics + validator.diagnostics).sortedForDisplay()
            let summary = network.map(NetworkSummary.init) ?? NetworkSummary(description, catalog: catalog)
            return Report(path: path, network: diagnostics.hasErrors ? nil : network, diagnostics: diagnostics, summary: summary)
        }
    }

    /// Decodes a file into a ``NetworkDescription`` (before the semantic checks), for tools that modify
    /// a network before validating it, such as scenarios.
    public static func describe(path: String, catalog: ServiceCatalog = .standard) throws(NetworkLoadError) -> NetworkDescription {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NetworkLoadError(diagnostics: failure(path, "cannot read '\(path)'").diagnostics)
        }
        switch SourceParser.parse(data: data, file: path) {
        case .failure(let diagnostic): throw NetworkLoadError(diagnostics: [diagnostic])
        case .success(let root):
            var decoder = NetworkDecoder(catalog: catalog)
            let description = decoder.decode(root)
            guard let description, !decoder.reader.diagnostics.hasErrors else {
                throw NetworkLoadError(diagnostics: decoder.reader.diagnostics)
            }
            return description
        }
    }

    /// Loads a network file, or throws ``NetworkLoadError`` with every diagnostic.
    public static func load(path: String, catalog: ServiceCatalog = .standard) throws(NetworkLoadError) -> CareNetwork {
        let report = check(path: path, catalog: catalog)
        guard let network = report.network else { throw NetworkLoadError(diagnostics: report.diagnostics) }
        return network
    }

    /// Loads a network from YAML (or JSON) text; `path` names it in diagnostics.
    public static func load(yaml: String, path: String = "<memory>", catalog: ServiceCatalog = .standard) throws(NetworkLoadError) -> CareNetwork {
        let report = check(data: Data(yaml.utf8), path: path, catalog: catalog)
        guard let network = report.network else { throw NetworkLoadError(diagnostics: report.diagnostics) }
        return network
    }

    /// The bundled national network, `Networks/morocco.yaml`: `$CAREPATH_NETWORK` if set, else found
    /// beside the package the binary was built from, else relative to the current directory.
    public static var bundledNetworkPath: String {
        if let override = ProcessInfo.processInfo.environment["CAREPATH_NETWORK"], !override.isEmpty { return override }
        let relative = "Networks/morocco.yaml"
        // Sources/CareNetwork/NetworkLoader.swift → the package root.
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [packageRoot.appendingPathComponent(relative).path, FileManager.default.currentDirectoryPath + "/" + relative]
        return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[0]
    }

    private static func failure(_ path: String, _ message: String) -> Report {
        Report(path: path, network: nil, diagnostics: [Diagnostic(.error, .fileUnreadable, message, at: SourceLocation(file: path, line: 1, column: 1))], summary: NetworkSummary())
    }
}

extension NetworkLoader {
    /// Validates a description (for example a file's, modified by a scenario) and returns the network
    /// when it has no error, with every diagnostic, warnings included; never throws.
    public static func check(description: NetworkDescription, catalog: ServiceCatalog = .standard) -> (network: CareNetwork?, diagnostics: [Diagnostic]) {
        var validator = NetworkValidator(description: description, catalog: catalog)
        let network = validator.validate()
        let diagnostics = validator.diagnostics.sortedForDisplay()
        return (diagnostics.hasErrors ? nil : network, diagnostics)
    }
}

extension CareNetwork {
    /// Validates a description (built in code, or a file's modified by a scenario) into a network.
    public init(description: NetworkDescription, catalog: ServiceCatalog = .standard) throws(NetworkLoadError) {
        var validator = NetworkValidator(description: description, catalog: catalog)
        guard let network = validator.validate() else { throw NetworkLoadError(diagnostics: validator.diagnostics) }
        self = network
    }
}
