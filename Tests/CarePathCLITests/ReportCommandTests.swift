import Foundation
import Testing

@Suite("carepath report")
struct ReportCommandTests {
    /// A short run of the training network, simulated once for the suite (its path recorded relative
    /// to the repository, as a user's would be).
    static let run: (directory: String, result: String) = {
        let directory = try! CLI.temporaryDirectory()
        let simulate = try! CLI.run(["simulate", "--network", "Networks/training-small.yaml", "--days", "12", "--warmup", "2", "--replications", "2", "--out", directory + "/base"])
        precondition(simulate.status == 0, simulate.stderr)
        return (directory, directory + "/base/result.json")
    }()

    @Test("writes one HTML file in French, Arabic or both, with the network's region names")
    func writes() throws {
        for (language, marker) in [("fr", "<html lang=\"fr\" dir=\"ltr\">"), ("ar", "<html lang=\"ar\" dir=\"rtl\">"), ("both", "id=\"report-ar\" lang=\"ar\" dir=\"rtl\"")] {
            let file = Self.run.directory + "/report-\(language).html"
            let result = try CLI.run(["report", Self.run.result, "--lang", language, "-o", file])
            #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(result.stderr)")
            let html = try String(contentsOfFile: file, encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains(marker))
            #expect(html.contains(language == "ar" ? "الجهة التعليمية الأطلس" : "Région pédagogique Atlas"), "region names from the recorded network")
        }
        // The load pictures of the country and of its two regions, their URLs only namespaces.
        let html = try String(contentsOfFile: Self.run.directory + "/report-fr.html", encoding: .utf8)
        #expect(html.components(separatedBy: "<figure class=\"load-picture\"").count - 1 == 3)
        let urls = Set(html.components(separatedBy: "http").dropFirst().map { "http" + $0.prefix { $0 != "\"" } })
        #expect(urls == ["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"])
        let plain = try CLI.run(["report", Self.run.result, "--no-pictures", "-o", Self.run.directory + "/plain.html"])
        let plainHTML = try String(contentsOfFile: Self.run.directory + "/plain.html", encoding: .utf8)
        #expect(plain.status == 0 && !plainHTML.contains("<figure class=\"load-picture\""))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: Self.run.directory).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        let stdout = try CLI.run(["report", Self.run.result, "-o", "-"])
        #expect(stdout.status == 0 && stdout.stdout.hasPrefix("<!DOCTYPE html>") && stdout.stdout.hasSuffix("</html>\n"))
    }

    @Test("--compare draws the country and each region that changed for both runs, each on its own network")
    func comparisonPictures() throws {
        let simulate = try CLI.run(["simulate", "--network", "Networks/training-small.yaml", "--scenario", "Networks/scenarios/training-small-what-if.yaml",
                                    "--days", "12", "--warmup", "2", "--replications", "2", "--out", Self.run.directory + "/what-if"])
        #expect(simulate.status == 0, "\(simulate.stderr)")
        let file = Self.run.directory + "/what-if.html"
        let report = try CLI.run(["report", Self.run.result, "--compare", Self.run.directory + "/what-if/result.json", "-o", file])
        #expect(report.status == 0 && report.stderr.isEmpty, "\(report.stderr)")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        let figures = html.components(separatedBy: "<figure class=\"load-picture load-change").dropFirst().map { $0.components(separatedBy: "</figure>")[0] }
        #expect(figures.count >= 2, "the country and the Atlas region at least")
        #expect(figures.first?.contains("Le pays") == true)
        #expect(figures.contains { $0.contains("Région pédagogique Atlas") })
        for figure in figures {
            #expect(figure.components(separatedBy: "<svg").count - 1 == 2, "both runs drawn")
        }
        // The closed Haouz hospital is in the first picture and not in the second; the opened one the
        // other way round (Graphviz writes a node's id as its title, its hyphens as `&#45;`).
        let country = try #require(figures.first).components(separatedBy: "<div class=\"after\">")
        #expect(country.count == 2)
        let closed = "<title>f:chp&#45;haouz&#45;pedago</title>", opened = "<title>f:hl&#45;haouz&#45;nord</title>"
        #expect(country[0].contains(closed) && !country[1].contains(closed))
        #expect(!country[0].contains(opened) && country[1].contains(opened))
        let plain = try CLI.run(["report", Self.run.result, "--compare", Self.run.directory + "/what-if/result.json", "--no-pictures", "-o", file])
        let plainHTML = try String(contentsOfFile: file, encoding: .utf8)
        #expect(plain.status == 0 && !plainHTML.contains("<figure class=\"load-picture"))
    }

    @Test("bad input is one line on stderr and exit 1, and an existing report is left as it was")
    func refusals() throws {
        let file = Self.run.directory + "/kept.html"
        try "old".write(toFile: file, atomically: true, encoding: .utf8)
        let missing = try CLI.run(["report", Self.run.directory + "/none/result.json", "-o", file])
        #expect(missing.status == 1 && missing.stderr.hasPrefix("error: '") && missing.stderr.contains("no such file"))
        let notResult = try CLI.run(["report", "Networks/training-small.yaml", "-o", file])
        #expect(notResult.status == 1 && notResult.stderr.contains("not valid JSON"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "old")
        let directory = try CLI.run(["report", Self.run.result, "-o", Self.run.directory])
        #expect(directory.status == 1 && directory.stderr.contains("it is a directory"))
        let language = try CLI.run(["report", Self.run.result, "--lang", "en", "-o", file])
        #expect(language.status == 64)
        let limit = try CLI.run(["report", Self.run.result, "--limit", "0", "-o", file])
        #expect(limit.status == 64 && limit.stderr.contains("--limit must be at least 1"))
    }

    @Test("--compare refuses results of different networks unless --allow-different-networks")
    func differentNetworks() throws {
        // The same network with one more comment line: another digest.
        let copy = Self.run.directory + "/other-network.yaml"
        try (String(contentsOfFile: CLI.packageRoot.appendingPathComponent("Networks/training-small.yaml").path, encoding: .utf8) + "# a copy\n")
            .write(toFile: copy, atomically: true, encoding: .utf8)
        let simulate = try CLI.run(["simulate", "--network", copy, "--days", "12", "--warmup", "2", "--replications", "2", "--out", Self.run.directory + "/other"])
        #expect(simulate.status == 0)
        let file = Self.run.directory + "/comparison.html"
        let refused = try CLI.run(["report", Self.run.result, "--compare", Self.run.directory + "/other/result.json", "-o", file])
        #expect(refused.status == 1 && refused.stderr.contains("were simulated on different networks") && refused.stderr.contains("--allow-different-networks"))
        #expect(!FileManager.default.fileExists(atPath: file))
        let allowed = try CLI.run(["report", Self.run.result, "--compare", Self.run.directory + "/other/result.json", "--allow-different-networks", "-o", file])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("réseaux différents"))
        let same = try CLI.run(["report", Self.run.result, "--compare", Self.run.result, "-o", file])
        #expect(same.status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("Mêmes réglages"))
    }
}
