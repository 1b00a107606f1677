import CareNetwork
@testable import Diagrams
import Foundation
import Testing

@Suite("User strings are escaped")
struct InjectionTests {
    static let hostile = [
        #"x"]; evil -> y [label="z"#,
        "a <b> {c} | d",
        #"back\slash \N \G \l end\"#,
        "two\nlines\r\nand\rmore",
        "<<table>>",
        "} digraph evil { a -> b",
        "tab\there\u{0}nul",
    ]

    @Test("A hostile label adds no node and no edge, and renders as literal text", arguments: hostile)
    func label(_ text: String) throws {
        var graph = DiagramGraph(name: text)
        graph.nodes = [DiagramNode(id: text, attributes: ["label": .text(text)]), DiagramNode(id: "other", attributes: ["label": .lines([text, text])])]
        graph.edges = [DiagramEdge(from: text, to: "other", attributes: ["label": .text(text)])]
        graph.clusters = [DiagramCluster(id: text, attributes: ["label": .text(text)], nodes: [DiagramNode(id: text + "2")])]
        let reader = try RenderingTests.parse(try Fixtures.svg(graph))
        #expect(reader.nodes == 3)
        #expect(reader.edges == 1)
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        let literal = firstLine.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\u{0}", with: " ")
        #expect(reader.texts.contains { $0 == literal || $0.hasPrefix(literal.trimmingCharacters(in: .whitespaces)) }, "\(reader.texts)")
        #expect(!reader.texts.contains("evil") && !reader.texts.contains("y"))
    }

    @Test("Escaping: quotes and backslashes escaped, line breaks as \\n, control characters dropped")
    func escaping() {
        #expect(DOT.quoted(#"a"b\c"#) == #""a\"b\\c""#)
        #expect(DOT.quoted("a\nb\r\nc\rd") == #""a\nb\nc\nd""#)
        #expect(DOT.quoted("a\u{0}b\u{1B}c") == #""a b c""#)
        #expect(DOT.quoted("مستشفى") == "\"مستشفى\"")
    }

    @Test("A facility with a hostile name in a network file stays one node with its literal name")
    func hostileFacilityName() throws {
        let name = #"x"]; evil -> y [label="z {a|b} <c> \N"#
        let network = try Fixtures.small(withCentreNamed: name)
        let graph = try NetworkDiagram.graph(of: network)
        let reader = try RenderingTests.parse(try Fixtures.svg(graph))
        #expect(reader.nodes == 8)
        #expect(reader.edges == 7)
        #expect(reader.texts.contains(name))
    }
}
