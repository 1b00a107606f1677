import Foundation
import Testing

@Suite("carepath render network")
struct RenderCommandTests {
    static let training = CLI.packageRoot.appendingPathComponent("Networks/training-small.yaml").path

    @Test("the whole national network drawn centre by centre gets a note on stderr; collapsed or a small region does not; a region of more than 96 centres is folded, with a note")
    func wideDrawingNote() throws {
        let directory = try CLI.temporaryDirectory()
        let whole = try CLI.run(["render", "network", "--format", "dot", "-o", directory + "/national.dot"])
        #expect(whole.status == 0)
        #expect(whole.stderr.contains(try Regex(#"^note: \d{4} health centres drawn one by one"#)))
        #expect(whole.stderr.contains("--collapse folds them by province"))
        #expect(FileManager.default.fileExists(atPath: directory + "/national.dot"))
        for options in [["--collapse"], ["--region", "guelmim-oued-noun"], ["--region", "souss-massa", "--collapse"]] {
            let result = try CLI.run(["render", "network", "--format", "dot", "-o", directory + "/part.dot"] + options)
            #expect(result.status == 0 && result.stderr.isEmpty, "\(options): \(result.stderr)")
        }
        let folded = try CLI.run(["render", "network", "--region", "souss-massa", "--format", "dot", "-o", directory + "/souss-massa.dot"])
        #expect(folded.status == 0 && folded.stderr.hasPrefix("note: 220 health centres: folded into one node per province"), "\(folded.stderr)")
        #expect(try String(contentsOfFile: directory + "/souss-massa.dot", encoding: .utf8).contains("\"hc:taroudannt\""))
    }

    /// Networks/training-small.yaml with each of its 8 health centres copied until there are `count`
    /// (a multiple of 8), each copy with its own id, name and location, and the centre's catchment
    /// shared among its copies (the provinces keep their population, the demand its size): a valid network.
    static func manyCentres(_ count: Int) throws -> String {
        let lines = try String(contentsOfFile: training, encoding: .utf8).components(separatedBy: "\n")
        let copies = count / 8
        var out: [String] = []
        for original in lines {
            guard original.hasPrefix("  - {id: cs-"), original.contains("tier: health-centre"),
                  let match = original.firstMatch(of: /catchment: ([0-9]+)/), let catchment = Int(match.1) else {
                out.append(original)
                continue
            }
            let line = original.replacingOccurrences(of: "catchment: \(catchment),", with: "catchment: \(max(1, catchment / copies)),")
            out.append(line)
            for copy in 1..<copies {
                out.append(line
                    .replacingOccurrences(of: #"^  - \{id: (cs-[a-z]+-[0-9]),"#, with: "  - {id: $1-c\(copy),", options: .regularExpression)
                    .replacingOccurrences(of: #"\{fr: ([^,]+), ar: "#, with: "{fr: $1 copie \(copy), ar: ", options: .regularExpression)
                    .replacingOccurrences(of: #"lat: ([0-9.]+), lon: (-[0-9.]+)\}"#,
                                          with: "lat: $1\(String(format: "%03d", copy % 1000)), lon: $2\(String(format: "%03d", copy / 1000))}", options: .regularExpression))
            }
        }
        return out.joined(separator: "\n")
    }

    /// D10: 20,008 health centres took 153 s to render; now refused at once, with what to type.
    @Test("20,008 health centres: refused at once with the nodes it would draw, the bound and the options; --collapse and --format dot draw it")
    func bound() throws {
        let directory = try CLI.temporaryDirectory()
        let network = try CLI.temporaryFile(try Self.manyCentres(20_008), name: "many.yaml", in: directory)
        let valid = try CLI.run(["validate", network])
        let centres = try Regex(#"\n  health-centre +20008\n"#)
        #expect(valid.status == 0 && valid.stdout.hasPrefix("1 file: 0 errors, 0 warnings\n") && valid.stdout.contains(centres), "\(valid.stdout)")

        let start = Date()
        let refused = try CLI.run(["render", "network", "--network", network, "-o", directory + "/many.svg"])
        #expect(Date().timeIntervalSince(start) < 90)
        #expect(refused.status == 1)
        #expect(refused.stderr == """
            error: the diagram would draw 20,016 nodes and 20,017 links, more than the bound of 6,000 for a layout (dot takes about 4 s for 6,000 nodes and minutes for 20,000)
              hint: --collapse folds each province's health centres into one node; --region ID or --province ID draws part of the network; --max-nodes 20017 draws it anyway, slowly

            """, "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/many.svg"))

        let collapsed = try CLI.run(["render", "network", "--network", network, "--collapse", "-o", directory + "/many.svg"])
        #expect(collapsed.status == 0 && collapsed.stderr.isEmpty, "\(collapsed.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory + "/many.svg"))
        // DOT text is written without a layout, so it is never refused.
        let dot = try CLI.run(["render", "network", "--network", network, "--format", "dot", "-o", directory + "/many.dot"])
        #expect(dot.status == 0 && dot.stderr.hasPrefix("note: 20008 health centres drawn one by one"), "\(dot.stderr)")
    }

    @Test("--max-nodes sets the bound: below a diagram's size it is refused (collapsed: no --collapse hint); 0 is a usage error")
    func maxNodes() throws {
        let directory = try CLI.temporaryDirectory()
        let small = try CLI.run(["render", "network", "--network", Self.training, "--max-nodes", "10", "-o", directory + "/t.svg"])
        #expect(small.status == 1)
        // The two regions stacked: a copy of the Atlas CHU in the Oasis box, the edge that stacks them and one in each box.
        #expect(small.stderr.hasPrefix("error: the diagram would draw 16 nodes and 17 links, more than the bound of 10 for a layout"), "\(small.stderr)")
        #expect(small.stderr.hasSuffix("  hint: --collapse folds each province's health centres into one node; --region ID or --province ID draws part of the network; --max-nodes 17 draws it anyway, slowly\n"))
        let collapsed = try CLI.run(["render", "network", "--network", Self.training, "--collapse", "--max-nodes", "3", "-o", directory + "/t.svg"])
        #expect(collapsed.status == 1 && collapsed.stderr.contains("  hint: --region ID or --province ID draws part of the network; --max-nodes "), "\(collapsed.stderr)")
        let enough = try CLI.run(["render", "network", "--network", Self.training, "--max-nodes", "17", "-o", directory + "/t.svg"])
        #expect(enough.status == 0, "\(enough.stderr)")
        let load = try CLI.run(["render", "load", "--network", Self.training, "--input", CLI.packageRoot.appendingPathComponent("Docs/diagrams/load-training-small.json").path,
                                "--max-nodes", "5", "-o", directory + "/l.svg"])
        #expect(load.status == 1 && load.stderr.contains("hint: --collapse folds each province's health centres into one node; --region ID or --province ID draws part of the load"), "\(load.stderr)")
        let zero = try CLI.run(["render", "network", "--network", Self.training, "--max-nodes", "0", "-o", directory + "/t.svg"])
        #expect(zero.status == 64 && zero.stderr.contains("--max-nodes must be at least 1"))
    }
}

/// D3: the numbers of a load file or an edited result are range-checked as they are read.
@Suite("carepath render load: hostile values")
struct RenderLoadValuesTests {
    static func render(_ json: String) throws -> (path: String, result: CLI.Result) {
        let directory = try CLI.temporaryDirectory()
        let path = try CLI.temporaryFile(json, name: "load.json", in: directory)
        return (path, try CLI.run(["render", "load", "--network", RenderCommandTests.training, "--input", path, "-o", directory + "/load.svg"]))
    }

    @Test("out of range, unknown or within one level: exit 1 and one line naming the file, the field and why", arguments: [
        (#"{"utilisation": {"chu-atlas": 1e17}}"#, "field 'utilisation.chu-atlas': 1e+17 is out of range: a utilisation is from 0 to 1,000,000 (1 is saturated, above 1 overloaded)"),
        (#"{"utilisation": {"chu-atlas": -0.2}}"#, "field 'utilisation.chu-atlas': -0.2 is out of range: a utilisation is from 0 to 1,000,000 (1 is saturated, above 1 overloaded)"),
        (#"{"utilisation": {"chu-atlas": 1e308}}"#, "field 'utilisation.chu-atlas': 1e+308 is out of range"),
        (#"{"flows": [{"from": "cs-haouz-1", "to": "chp-haouz-pedago", "patients": 1e19}]}"#, "field 'flows[0].patients': 1e+19 is out of range: a flow in patients/day is from 0 to 1,000,000,000"),
        (#"{"flows": [{"from": "cs-haouz-1", "to": "chp-haouz-pedago", "patients": 2}, {"from": "cs-haouz-2", "to": "chp-haouz-pedago", "patients": -1e308}]}"#, "field 'flows[1].patients': -1e+308 is out of range"),
        (#"{"utilisation": {"chu-atlaz": 0.5}}"#, "field 'utilisation.chu-atlaz': unknown facility 'chu-atlaz'; did you mean 'chu-atlas'?"),
        (#"{"flows": [{"from": "cs-haouz-1", "to": "chp-haouz-pedag", "patients": 2}]}"#, "field 'flows[0].to': unknown facility 'chp-haouz-pedag'; did you mean 'chp-haouz-pedago'?"),
        (#"{"flows": [{"from": "hl-tensift", "to": "chp-haouz-pedago", "patients": 2}]}"#, "field 'flows[0]': 'hl-tensift' and 'chp-haouz-pedago' are both at level 2 (local-hospital to provincial-hospital): the load diagram draws flows from one level of the chain to another only"),
        (#"{"flows": [{"from": "cs-haouz-1", "to": "cs-ziz-1", "patients": 2}]}"#, "field 'flows[0]': 'cs-haouz-1' and 'cs-ziz-1' are both at level 1"),
    ])
    func refused(_ json: String, _ message: String) throws {
        let (path, result) = try Self.render(json)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: '\(path)', \(message)"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1 && !result.stderr.contains("Fatal error"))
    }

    @Test("the bounds themselves are drawn: 0 and 1,000,000 utilisation, a flow of 1,000,000,000 and a flow down the chain")
    func bounds() throws {
        let (_, result) = try Self.render(#"{"utilisation": {"chu-atlas": 1000000, "cs-haouz-1": 0}, "flows": [{"from": "cs-haouz-1", "to": "chp-haouz-pedago", "patients": 1e9}, {"from": "chr-atlas", "to": "cs-ziz-1", "patients": 0}]}"#)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test("an edited result.json: render load and compare both refuse it with the file and the field")
    func editedResult() throws {
        let directory = try CLI.temporaryDirectory()
        let run = try CLI.run(["simulate", "--network", RenderCommandTests.training, "--days", "2", "--warmup", "1", "--replications", "1", "--out", directory + "/run"])
        #expect(run.status == 0, "\(run.stderr)")
        let path = directory + "/run/result.json"
        var document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var load = try #require(document["load"] as? [String: Any])
        var utilisation = try #require(load["utilisation"] as? [String: Any])
        utilisation["chu-atlas"] = 1e308
        load["utilisation"] = utilisation
        document["load"] = load
        let edited = directory + "/edited.json"
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: edited))
        let render = try CLI.run(["render", "load", "--result", edited, "-o", directory + "/load.svg"])
        #expect(render.status == 1)
        #expect(render.stderr.hasPrefix("error: '\(edited)', field 'load.utilisation.chu-atlas': 1e+308 is out of range: a utilisation is from 0 to 1,000,000"), "\(render.stderr)")
        let compare = try CLI.run(["compare", path, edited])
        #expect(compare.status == 1 && compare.stderr.contains("field 'load.utilisation.chu-atlas': 1e+308 is out of range"), "\(compare.stderr)")
    }
}

/// -o names a file that is written whole, or `-` for standard output; anything else there is refused
/// before the network is even loaded.
@Suite("carepath render -o")
struct RenderOutputTests {
    static let pathway = ["render", "pathway", "--network", RenderCommandTests.training, "--from", "cs-tensift-1", "--service", "cardiac-surgery"]

    @Test("-o - writes to standard output, in the --format given or svg, and creates no file named '-'")
    func standardOutput() throws {
        let directory = try CLI.temporaryDirectory()
        let plain = try CLI.run(Self.pathway + ["--format", "dot"], in: URL(fileURLWithPath: directory))
        let dash = try CLI.run(Self.pathway + ["--format", "dot", "-o", "-"], in: URL(fileURLWithPath: directory))
        #expect(dash.status == 0 && dash.stderr.isEmpty)
        #expect(dash.stdout == plain.stdout && dash.stdout.hasPrefix("digraph \"pathway\""))
        let svg = try CLI.run(Self.pathway + ["-o", "-"], in: URL(fileURLWithPath: directory))
        #expect(svg.status == 0 && svg.stdout.hasPrefix("<?xml"), "\(svg.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test("a FIFO, a directory, a symbolic link or a missing folder at -o: exit 1 with what it is, for every render command; nothing is opened or replaced")
    func refused() throws {
        let directory = try CLI.temporaryDirectory()
        let fifo = directory + "/diagram.svg", folder = directory + "/folder", link = directory + "/link.svg"
        #expect(mkfifo(fifo, 0o600) == 0)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try "x".write(toFile: directory + "/target.svg", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: directory + "/target.svg")
        let load = CLI.packageRoot.appendingPathComponent("Docs/diagrams/load-training-small.json").path
        let commands = [
            Self.pathway,
            ["render", "network", "--network", RenderCommandTests.training],
            ["render", "load", "--network", RenderCommandTests.training, "--input", load],
        ]
        let cases: [([String], String)] = [
            (["-o", fifo], "cannot write '\(fifo)': it is not a regular file (a device, FIFO or socket is never replaced)"),
            (["-o", folder], "cannot write '\(folder)': it is a directory"),
            (["-o", folder, "--format", "png"], "cannot write '\(folder)': it is a directory"),
            (["-o", link], "cannot write '\(link)': it is a symbolic link; give the path of the file it points to"),
            (["-o", directory + "/missing/d.svg"], "cannot write '\(directory)/missing/d.svg': its folder '\(directory)/missing' does not exist"),
        ]
        for command in commands {
            for (options, message) in cases {
                let result = try CLI.run(command + options)
                #expect(result.status == 1 && result.stderr == "error: \(message)\n", "\(command[1]) \(options): \(result.stderr)")
            }
        }
        // The FIFO is still a FIFO (never opened: a write to it would have blocked), the link still a link.
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(try String(contentsOfFile: directory + "/target.svg", encoding: .utf8) == "x")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
