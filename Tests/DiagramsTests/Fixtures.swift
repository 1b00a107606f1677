import CareNetwork
import Diagrams
import Foundation

/// Small hand-written networks and helpers shared by the diagram tests.
enum Fixtures {
    /// Two regions: Nord has every tier, a private clinic and a hospital abroad; Sud has no CHU and
    /// refers to Nord's (P4 across regions).
    static let smallYAML = """
        schema: carepath-network/1
        name: {fr: Petit réseau, ar: شبكة صغيرة}
        regions:
          - {id: nord, name: {fr: Région Nord, ar: جهة الشمال}}
          - {id: sud, name: {fr: Région Sud, ar: جهة الجنوب}, chu: chu-nord}
        provinces:
          - {id: p-nord, region: nord, name: {fr: Province Nord, ar: إقليم الشمال}, population: 300000}
          - {id: p-sud, region: sud, name: {fr: Province Sud, ar: إقليم الجنوب}, population: 100000}
        profiles:
          centre:
            general-consultation: {servers: 2, time: {distribution: exponential, mean: 12}}
          hospital:
            general-consultation: {servers: 2, time: {distribution: exponential, mean: 12}}
            emergency-care: {servers: 2, time: {distribution: exponential, mean: 30}}
        facilities:
          - {id: chu-nord, name: {fr: CHU Nord, ar: المستشفى الجامعي الشمال}, tier: university-hospital, region: nord, province: p-nord, location: {lat: 34.0, lon: -6.8}, emergency: true, profile: hospital, services: {cardiac-surgery: {beds: 4, stay: {distribution: exponential, mean: 8}}}}
          - {id: chr-nord, name: {fr: CHR Nord, ar: المستشفى الجهوي الشمال}, tier: regional-hospital, region: nord, province: p-nord, location: {lat: 34.01, lon: -6.81}, emergency: true, profile: hospital}
          - {id: chp-nord, name: {fr: CHP Nord, ar: المستشفى الإقليمي الشمال}, tier: provincial-hospital, region: nord, province: p-nord, location: {lat: 34.1, lon: -6.7}, emergency: true, profile: hospital}
          - {id: cs-nord-1, name: {fr: CS Nord 1, ar: المركز الصحي الشمال 1}, tier: health-centre, region: nord, province: p-nord, location: {lat: 34.2, lon: -6.6}, catchment: 200000, profile: centre}
          - {id: cs-nord-2, name: {fr: CS Nord 2, ar: المركز الصحي الشمال 2}, tier: health-centre, region: nord, province: p-nord, location: {lat: 34.3, lon: -6.5}, catchment: 100000, profile: centre}
          - {id: clinique, name: {fr: Clinique privée, ar: مصحة خاصة}, tier: local-hospital, sector: private, region: nord, province: p-nord, location: {lat: 34.05, lon: -6.75}, profile: hospital}
          - {id: paris, name: {fr: Hôpital à Paris, ar: مستشفى في باريس}, tier: university-hospital, country: FR, location: {lat: 48.84, lon: 2.36}, profile: hospital}
          - {id: chr-sud, name: {fr: CHR Sud, ar: المستشفى الجهوي الجنوب}, tier: regional-hospital, region: sud, province: p-sud, location: {lat: 30.4, lon: -9.6}, emergency: true, profile: hospital}
          - {id: hl-sud, name: {fr: HL Sud, ar: المستشفى المحلي الجنوب}, tier: local-hospital, region: sud, province: p-sud, location: {lat: 30.5, lon: -9.5}, profile: hospital}
          - {id: cs-sud, name: {fr: CS Sud, ar: المركز الصحي الجنوب}, tier: health-centre, region: sud, province: p-sud, location: {lat: 30.6, lon: -9.4}, catchment: 100000, profile: centre}
        """

    static func small() throws -> CareNetwork { try NetworkLoader.load(yaml: smallYAML, path: "small.yaml") }

    /// The network with one health centre's French name replaced (for injection tests).
    static func small(withCentreNamed name: String) throws -> CareNetwork {
        let quoted = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
        return try NetworkLoader.load(yaml: smallYAML.replacingOccurrences(of: "fr: CS Nord 1,", with: "fr: \(quoted),"), path: "small.yaml")
    }

    /// The small network with `count` health centres instead of its 3: copies of CS Nord 1, CS Nord 2
    /// and CS Sud in turn, each with its own id, name and location (a valid network: no error, no warning).
    static func manyCentresYAML(_ count: Int) -> String {
        let lines = smallYAML.components(separatedBy: "\n")
        let templates = lines.filter { $0.contains("tier: health-centre") }
        var copies: [String] = []
        copies.reserveCapacity(count)
        for index in 0..<count {
            let template = templates[index % templates.count]
            let step = Double(index / templates.count)
            copies.append(template
                .replacingOccurrences(of: #"id: (cs-[a-z]+(-[0-9])?),"#, with: "id: $1-\(index),", options: .regularExpression)
                .replacingOccurrences(of: #"fr: (CS [A-Za-z]+( [0-9])?),"#, with: "fr: $1 n° \(index),", options: .regularExpression)
                .replacingOccurrences(of: #"lat: ([0-9.]+), lon"#, with: "lat: $1\(String(format: "%05d", Int(step) % 100)), lon", options: .regularExpression)
                .replacingOccurrences(of: #"lon: (-[0-9.]+)\}"#, with: "lon: $1\(String(format: "%05d", Int(step) / 100))}", options: .regularExpression))
        }
        var out: [String] = []
        for line in lines where !line.contains("tier: health-centre") { out.append(line) }
        return (out + copies).joined(separator: "\n")
    }

    /// One renderer for every test: libgvc calls are serialised inside it.
    static let renderer: GraphvizRenderer = {
        do { return try GraphvizRenderer() } catch { fatalError("Graphviz unavailable: \(error)") }
    }()

    static func svg(_ graph: DiagramGraph) throws -> String {
        String(decoding: try renderer.render(graph, format: .svg), as: UTF8.self)
    }

    /// SVG without Graphviz's version comment, for comparisons across Graphviz releases.
    static func withoutVersionComment(_ svg: String) -> String {
        svg.replacingOccurrences(of: #"<!-- Generated by graphviz version [^>]*-->\n"#, with: "", options: .regularExpression)
    }
}
