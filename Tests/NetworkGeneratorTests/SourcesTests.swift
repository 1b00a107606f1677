import CareNetwork
import Foundation
import Testing
@testable import NetworkGenerator

/// The package root, from this file's path (Tests/NetworkGeneratorTests/...).
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
private let networksDirectory = root + "/Networks"
private let sourceDirectory = networksDirectory + "/source"

/// Every text file under Networks/ (network files, scenarios, the source tables and notes), as paths
/// relative to the package root.
private func networkFiles() -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: networksDirectory) else { return [] }
    var files: [String] = []
    for case let path as String in walker where ["yaml", "yml", "csv", "md"].contains((path as NSString).pathExtension) {
        files.append("Networks/" + path)
    }
    return files.sorted()
}

private func text(_ relativePath: String) throws -> String {
    try String(contentsOfFile: root + "/" + relativePath, encoding: .utf8)
}

private func table(_ name: String) throws -> CSVTable {
    try CSVTable(text: text("Networks/source/" + name), path: name)
}

/// The source tags a text cites: `[LEBRIEF-CHU]`, `[ZK]`; not the marks `[~]` and `[?]`.
private func citedTags(_ text: String) -> Set<String> {
    let tag = /\[([A-Z0-9-]+)\]/
    return Set(text.matches(of: tag).map { String($0.output.1) })
}

@Suite struct SourcesTests {
    /// sources.csv: one row per tag, each with a publisher, an address, its facts and its terms.
    @Test func sourcesTableIsComplete() throws {
        let sources = try table("sources.csv")
        #expect(sources.columns == ["tag", "publisher", "title", "date", "address", "facts", "licence"])
        let tags = sources.rows.map { $0["tag"] ?? "" }
        #expect(Set(tags).count == tags.count, "a tag is defined twice in sources.csv")
        #expect(tags == tags.sorted(), "sources.csv is not sorted by tag")
        for row in sources.rows {
            let tag = row["tag"] ?? ""
            #expect(tag.wholeMatch(of: /[A-Z0-9][A-Z0-9-]*/) != nil, "sources.csv: '\(tag)' is not a tag")
            for column in ["publisher", "title", "date", "address", "facts", "licence"] {
                #expect(!(row[column] ?? "").isEmpty, "sources.csv: \(tag) has no \(column)")
            }
            #expect((row["address"] ?? "").hasPrefix("http"), "sources.csv: \(tag)'s address is not a URL")
        }
    }

    /// Every tag cited under Networks/ (morocco.yaml, the template, the tables, FACTS.md, README.md,
    /// training-small.yaml, the scenarios) is defined in sources.csv, and every tag defined there is cited.
    @Test func sourceTagsAreDefined() throws {
        let defined = Set(try table("sources.csv").rows.compactMap { $0["tag"] })
        let files = networkFiles()
        for required in ["Networks/morocco.yaml", "Networks/source/morocco.template.yaml", "Networks/source/hospitals.csv",
                         "Networks/source/region-chu.csv", "Networks/source/province-chains.csv", "Networks/source/FACTS.md", "Networks/source/README.md"] {
            #expect(files.contains(required), "\(required) is missing")
        }
        var cited: Set<String> = []
        for file in files {
            let tags = citedTags(try text(file))
            let unknown = tags.subtracting(defined)
            #expect(unknown.isEmpty, "\(file) cites \(unknown.sorted()), not defined in Networks/source/sources.csv")
            cited.formUnion(tags)
        }
        #expect(defined.subtracting(cited).isEmpty, "sources.csv defines \(defined.subtracting(cited).sorted()), cited nowhere under Networks/")
    }

    /// No file under Networks/ points outside the repository: not at the research folder the network was
    /// first built from, nor at a rules file that does not ship.
    @Test func networkFilesPointInsideTheRepository() throws {
        let files = networkFiles()
        #expect(files.count > 40)
        for file in files {
            let content = try text(file)
            for outside in ["shared/", "RULES.md", "facilities-facts"] {
                #expect(!content.contains(outside), "\(file) mentions \(outside)")
            }
            // A relative path with `..` (a scenario's network: file, the editors' $schema line) must
            // resolve to a file inside the repository; the template's, from Networks/morocco.yaml, which it becomes.
            let directory = URL(fileURLWithPath: root + "/" + (file.hasSuffix("morocco.template.yaml") ? "Networks/morocco.yaml" : file)).deletingLastPathComponent()
            for match in content.matches(of: /(?:\.\.\/)+[A-Za-z0-9._\/-]+/) {
                let resolved = directory.appendingPathComponent(String(match.output)).standardizedFileURL.path
                #expect(resolved.hasPrefix(root + "/") && FileManager.default.fileExists(atPath: resolved),
                        "\(file) points at \(match.output), outside the repository or missing")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: sourceDirectory + "/facilities-facts.md"))
    }

    /// The CHUs of chus.csv marked in the network are exactly the network's university hospitals, with
    /// the beds hospitals.csv scales them to; the regions without one are those of region-chu.csv.
    @Test func chuFactsMatchTheNetwork() throws {
        let chus = try table("chus.csv")
        let inNetwork = chus.rows.filter { $0["in_network"] == "yes" }
        let hospitals = try table("hospitals.csv").rows.filter { $0["tier"] == "university-hospital" }
        #expect(Set(inNetwork.compactMap { $0["id"] }) == Set(hospitals.compactMap { $0["id"] }))
        for row in inNetwork {
            let hospital = hospitals.first { $0["id"] == row["id"] }
            #expect(hospital?["beds"] == row["beds"], "\(row["id"] ?? ""): chus.csv and hospitals.csv give different beds")
            #expect(hospital?["region"] == row["serves_region"], "\(row["id"] ?? ""): not in the region it serves")
        }
        let regions = try NetworkLoader.load(path: root + "/Networks/morocco.yaml").regions.map(\.key)
        let served = Set(inNetwork.compactMap { $0["serves_region"] })
        let assigned = Set(try table("region-chu.csv").rows.compactMap { $0["region"] })
        #expect(Set(regions).subtracting(served) == assigned)
    }

    /// FACTS.md's table of hospitals per region gives the 2021 counts of facility-counts.csv and the
    /// hospitals and beds of the committed Networks/morocco.yaml.
    @Test func hospitalCountsInFactsMatchTheTables() throws {
        var hospitals2021: [String: String] = [:], beds2021: [String: String] = [:]
        for row in try table("facility-counts.csv").rows where row["year"] == "2021" {
            let scope = row["scope"] ?? ""
            if row["indicator"] == "public hospitals" { hospitals2021[scope] = row["value"] }
            if row["indicator"] == "public hospital beds" { beds2021[scope] = row["value"] }
        }
        let regionalHospitals = hospitals2021.filter { $0.key != "national" }.values.compactMap { Int($0) }.reduce(0, +)
        #expect(hospitals2021["national"] == String(regionalHospitals))
        let regionalBeds = beds2021.filter { $0.key != "national" }.values.compactMap { Int($0) }.reduce(0, +)
        #expect(beds2021["national"] == String(regionalBeds))

        let network = try NetworkLoader.load(path: root + "/Networks/morocco.yaml")
        var count: [String: Int] = [:], beds: [String: Int] = [:]
        for facility in network.facilities where facility.tier.isHospital {
            guard let region = facility.region else { continue }
            let key = network[region].key
            count[key, default: 0] += 1
            beds[key, default: 0] += facility.services.filter { $0.unit == .days }.reduce(0) { $0 + $1.servers }
        }

        let rows = try text("Networks/source/FACTS.md").split(separator: "\n").compactMap { line -> [String]? in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 7, network.region(key: cells[1]) != nil || cells[1] == "total" else { return nil }
            return Array(cells[1...5])
        }
        #expect(rows.count == 13, "FACTS.md: the table of hospitals per region has \(rows.count) rows")
        for cells in rows {
            let region = cells[0], total = region == "total"
            #expect(cells[1] == (total ? hospitals2021["national"] : hospitals2021[region]), "FACTS.md, \(region): hospitals 2021")
            #expect(cells[2] == String(total ? count.values.reduce(0, +) : count[region] ?? 0), "FACTS.md, \(region): network hospitals")
            #expect(cells[3] == (total ? beds2021["national"] : beds2021[region]) ?? "", "FACTS.md, \(region): beds 2021")
            #expect(cells[4] == String(total ? beds.values.reduce(0, +) : beds[region] ?? 0), "FACTS.md, \(region): network beds")
        }
    }
}
