import CareNetwork
@testable import Diagrams
import Foundation
import Referral
import Testing

/// Every label in the diagram's languages: actions, titles, reasons, legends; Arabic SVG lines with
/// their direction; colours from the printed percentage.
@Suite("Localised labels")
struct LocalisedLabelsTests {
    static let training = try! NetworkLoader.load(path: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Networks/training-small.yaml").path)

    static func pathway(_ from: String, _ service: String, emergency: Bool = false) throws -> PathwayDiagramInput {
        let network = training
        let definition = try #require(network.catalog.service(forKey: service))
        let request = ReferralRequest(entry: .healthCentre(try #require(network.facilityID(key: from))), service: definition.id, emergency: emergency)
        return PathwayDiagramInput(pathway: try ReferralRouter(network: network).route(request), in: network, service: definition)
    }

    static func label(_ graph: DiagramGraph, _ id: String) -> [String] {
        guard case .lines(let lines)? = graph.nodes.first(where: { $0.id == id })?.attributes["label"] else { return [] }
        return lines
    }

    @Test("a pathway's title names the service, its steps say what happens there, in each language")
    func pathwayLabels() throws {
        let input = try Self.pathway("cs-haouz-1", "cardiac-surgery")
        let fr = PathwayDiagram.graph(of: input, in: Self.training, language: .fr)
        let ar = PathwayDiagram.graph(of: input, in: Self.training, language: .ar)
        let en = PathwayDiagram.graph(of: input, in: Self.training, language: .en)
        #expect(fr.attributes["label"] == .lines(["Parcours de soins RAMED", "Chirurgie cardiaque"]))
        #expect(ar.attributes["label"] == .lines(["مسار العلاجات راميد", "جراحة القلب"]))
        #expect(en.attributes["label"] == .lines(["RAMED care pathway", "Cardiac surgery"]))
        #expect(Self.label(fr, "step:1").last == "premier contact" && Self.label(ar, "step:1").last == "الاتصال الأول" && Self.label(en, "step:1").last == "first contact")
        #expect(Self.label(fr, "step:4").last == "référence, prise en charge (P5)")
        #expect(Self.label(ar, "step:4").last == "إحالة، العلاج (P5)")
        let both = PathwayDiagram.graph(of: input, in: Self.training, language: .both)
        #expect(Self.label(both, "step:2").suffix(2) == ["référence", "إحالة"])
        // No English id or action word is left in the French or Arabic labels.
        for graph in [fr, ar] {
            for word in ["first-contact", "referral", "treats", "cardiac-surgery"] { #expect(!graph.dotSource.contains(word), "\(word)") }
        }
    }

    @Test("an unavailable pathway's reason is in the diagram's language and wrapped")
    func reasonNote() throws {
        let input = try Self.pathway("cs-tensift-1", "child-orthodontics")
        #expect(input.outcome == .unavailable)
        for language in [LabelLanguages.fr, .ar] {
            let lines = Self.label(PathwayDiagram.graph(of: input, in: Self.training, language: language), "outcome")
            #expect(lines.count >= 4, "the reason of a 4-step pathway spans several lines")
            #expect(lines.allSatisfy { $0.count <= PathwayDiagram.noteWidth }, "\(lines)")
            #expect(lines.first == (language == .fr ? "indisponible" : "غير متوفر"))
            #expect(lines.joined(separator: " ").contains(language == .fr ? "aucun établissement de la chaîne" : "سلسلة العلاجات"))
        }
        // Laid out, the note no longer widens the diagram past its steps.
        let svg = try Fixtures.svg(PathwayDiagram.graph(of: input, in: Self.training, language: .fr))
        let width = try #require(svg.components(separatedBy: "<svg width=\"").dropFirst().first.flatMap { Double($0.prefix { $0.isNumber || $0 == "." }) })
        #expect(width < 700, "\(width) pt wide")
    }

    @Test("the load legend's unit is in the diagram's language; a hand-made unit is kept")
    func units() {
        #expect(LoadDiagram.unitLegend("patients/day").fr == "épaisseur des liens : patients par jour")
        #expect(LoadDiagram.unitLegend("patients/day").ar == "سمك الروابط: مريض في اليوم")
        #expect(LoadDiagram.unitLegend("visits/week").text(in: .en) == "link width: visits/week")
    }

    @Test("a facility's colour is that of the percentage printed on it, at every band edge")
    func colours() throws {
        let network = try Fixtures.small()
        let key = "chr-sud", id = try #require(network.facilityID(key: key))
        let cases: [(share: Double, printed: String, band: Int)] = [(0.699, "70 %", 2), (0.6949, "69 %", 1), (0.996, "100 %", 4), (0.9949, "99 %", 3), (0.4996, "50 %", 1)]
        for (share, printed, band) in cases {
            let graph = LoadDiagram.graph(of: LoadDiagramInput(utilisation: [id: share], flows: []), in: network)
            let nested: [DiagramNode] = graph.clusters.flatMap { cluster in cluster.subgraphs.flatMap { $0.nodes } }
            let node = try #require((graph.nodes + nested).first { $0.id == "f:" + key })
            guard case .lines(let lines)? = node.attributes["label"] else { Issue.record("no label"); continue }
            #expect(lines.last == printed)
            #expect(node.attributes["fillcolor"] == .text(LoadDiagram.scale[band].colour), "\(share) printed \(printed)")
        }
    }

    @Test("SVG: a line whose first strong character is Arabic is right to left; its anchor keeps its place")
    func svgDirection() {
        let svg = """
            <svg><text text-anchor="middle" x="1">1. المركز</text><text text-anchor="start" x="2">الجهة &amp; x</text>\
            <text text-anchor="middle" x="3">1. Centre المركز</text><text text-anchor="end" x="4">&#45;&#45; عربي</text><text>P1</text></svg>
            """
        let marked = SVGTextDirection.mark(svg)
        #expect(marked.contains(#"<text direction="rtl" unicode-bidi="embed" text-anchor="middle" x="1">1. المركز</text>"#))
        #expect(marked.contains(#"<text direction="rtl" unicode-bidi="embed" text-anchor="end" x="2">الجهة &amp; x</text>"#))
        #expect(marked.contains(#"<text text-anchor="middle" x="3">1. Centre المركز</text>"#), "a French line stays left to right")
        #expect(marked.contains(#"<text direction="rtl" unicode-bidi="embed" text-anchor="start" x="4">&#45;&#45; عربي</text>"#))
        #expect(marked.contains("<text>P1</text>"))
        #expect(SVGTextDirection.mark("<svg><text>P1</text></svg>") == "<svg><text>P1</text></svg>")
    }
}
