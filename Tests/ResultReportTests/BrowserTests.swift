import CareNetwork
import Foundation
import ResultReport
import SimulationResults
import Testing

/// The report as a browser shows and prints it: Debian's Chromium, headless (`--dump-dom`,
/// `--screenshot`, `--print-to-pdf`). One browser at a time: each takes a core for a second or two.
@Suite("The report in a browser", .serialized)
struct BrowserTests {
    /// The serialised DOM's text with the entities Chromium writes turned back into characters.
    static func text(_ dom: String) -> String {
        dom.replacingOccurrences(of: "&nbsp;", with: "\u{00A0}").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The element of `dom` that starts with `<tag id="id"`, up to its closing tag (not nested).
    static func element(_ tag: String, id: String, in dom: String) -> String? {
        guard let start = dom.range(of: "<\(tag) id=\"\(id)\"") else { return nil }
        guard let end = dom.range(of: "</\(tag)>", range: start.upperBound..<dom.endIndex) else { return nil }
        return String(dom[start.lowerBound..<end.upperBound])
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test("the DOM holds the tables and charts with the run's figures")
    func dom() throws {
        let d = TrainingRuns.baseline, numbers = ReportNumbers(.fr)
        let dom = Self.text(try Chromium.dom(of: TrainingRuns.report(.fr).html()))
        // Accounting.
        let accounting = try #require(Self.element("table", id: "accounting-run-fr", in: dom))
        #expect(accounting.contains(numbers.integer(d.accounting.arrived)) && accounting.contains(numbers.integer(d.accounting.completed)))
        // Regions: each region's name and figures in its row, and the total.
        let regions = try #require(Self.element("table", id: "regions-run-fr", in: dom))
        let figures = ReportFigures(d)
        #expect(Self.count("<tr>", in: regions) == figures.regions.count + 2, "the header, a row per region, the total")
        for (key, group) in figures.regions {
            let name = TrainingRuns.network.regions.first { $0.key == key }!.name.fr
            let row = try #require(regions.components(separatedBy: "<tr>").first { $0.contains(name) })
            #expect(row.contains(numbers.decimal(group.patientsPerDay)) && row.contains(numbers.percent(group.utilisation.mean))
                    && row.contains(numbers.percent(group.utilisation.ci95)) && row.contains(numbers.duration(minutes: group.meanWaitMinutes.mean)))
        }
        #expect(regions.contains(numbers.decimal(figures.total.patientsPerDay)))
        // Tiers: a row per tier with stations.
        let tiers = try #require(Self.element("table", id: "tiers-run-fr", in: dom))
        for (tier, _) in figures.tiers { #expect(tiers.contains(">" + tier.name.fr + "<")) }
        // The census: one point per day, the warm-up shaded.
        let census = try #require(Self.element("svg", id: "chart-census-run-fr", in: dom))
        let points = try #require(census.components(separatedBy: "class=\"census-line\" points=\"").dropFirst().first?.prefix { $0 != "\"" })
        #expect(points.split(separator: " ").count == d.daily.inSystemAtEndOfDay.count)
        #expect(census.contains("class=\"warm-up\"") && census.contains("mise en régime"))
        // The distribution: every active station in one band.
        let distribution = try #require(Self.element("svg", id: "chart-distribution-run-fr", in: dom))
        let counts = distribution.components(separatedBy: "data-count=\"").dropFirst().compactMap { Int($0.prefix { $0 != "\"" }) }
        #expect(counts.reduce(0, +) == d.activeStations.count)
        // The longest waits: a bar per station, the longest first, with its interval.
        let waits = try #require(Self.element("svg", id: "chart-waits-run-fr", in: dom))
        #expect(Self.count("class=\"bar\"", in: waits) == min(15, d.activeStations.count))
        let longest = d.longestWaits[0]
        #expect(waits.contains(numbers.duration(minutes: longest.meanWaitMinutes.mean, plusMinus: longest.meanWaitMinutes.ci95)))
        // Flows between tiers.
        let flows = try #require(Self.element("svg", id: "chart-flows-run-fr", in: dom))
        for flow in d.tierFlows where flow.patientsPerDay > 0 { #expect(flows.contains(">" + numbers.decimal(flow.patientsPerDay) + "<")) }
        // The busiest stations.
        let busiest = try #require(Self.element("table", id: "busiest-run-fr", in: dom))
        #expect(busiest.contains(">" + d.busiestStations[0].facility + "<"))
    }

    @Test("an Arabic report is right to left: in its markup, its computed style, its layout and its SVG labels")
    func rightToLeft() throws {
        // The test appends a script that writes what the browser computed into the DOM; the report has none.
        let probe = """
            <script>
            const article = document.querySelector('article'), title = article.querySelector('h1');
            const range = document.createRange(); range.selectNodeContents(title);
            const text = range.getBoundingClientRect(), box = title.getBoundingClientRect();
            const label = document.querySelector('#chart-flows-run-ar text, #chart-flows-run-fr text');
            const bbox = label.getBBox();
            document.body.setAttribute('data-direction', getComputedStyle(article).direction);
            document.body.setAttribute('data-label-direction', getComputedStyle(label).direction);
            document.body.setAttribute('data-title-left', Math.round(text.left - box.left));
            document.body.setAttribute('data-title-right', Math.round(box.right - text.right));
            document.body.setAttribute('data-label-end', Math.round(bbox.x + bbox.width - Number(label.getAttribute('x'))));
            </script>
            """
        func probed(_ languages: ReportLanguages) throws -> [String: String] {
            let html = TrainingRuns.report(languages).html().replacingOccurrences(of: "</body>", with: probe + "</body>")
            let dom = try Chromium.dom(of: html)
            let body = try #require(dom.range(of: "<body").map { String(dom[$0.lowerBound...].prefix { $0 != ">" }) })
            var attributes: [String: String] = [:]
            for part in body.components(separatedBy: " data-").dropFirst() {
                let pieces = part.split(separator: "=", maxSplits: 1)
                attributes[String(pieces[0])] = pieces.count > 1 ? pieces[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) : ""
            }
            #expect(dom.contains("<html lang=\"\(languages.rawValue)\" dir=\"\(languages == .ar ? "rtl" : "ltr")\">"))
            return attributes
        }
        let ar = try probed(.ar), fr = try probed(.fr)
        #expect(ar["direction"] == "rtl" && ar["label-direction"] == "rtl")
        #expect(fr["direction"] == "ltr" && fr["label-direction"] == "ltr")
        // The title starts at the right in Arabic, at the left in French.
        let arLeft = Int(ar["title-left"] ?? "") ?? 0, arRight = Int(ar["title-right"] ?? "") ?? 0
        let frLeft = Int(fr["title-left"] ?? "") ?? 0, frRight = Int(fr["title-right"] ?? "") ?? 0
        #expect(arRight < 2 && arLeft > 100, "Arabic title: \(arLeft) px free on its left, \(arRight) on its right")
        #expect(frLeft < 2 && frRight > 100, "French title: \(frLeft) px free on its left, \(frRight) on its right")
        // A chart label ends at its x in both languages (right-aligned against its bar).
        #expect(abs(Int(ar["label-end"] ?? "") ?? 99) <= 1 && abs(Int(fr["label-end"] ?? "") ?? 99) <= 1)
    }

    @Test("the screenshot is not blank: the title, the tables and the census chart are drawn, on the reading side")
    func screenshot() throws {
        for language in [ReportLanguages.fr, .ar] {
            let image = try PNGImage(try Chromium.screenshot(of: TrainingRuns.report(language).html(), width: 900, height: 1300))
            #expect(image.width == 900 && image.height == 1300)
            var white = 0, line = 0, warmUp = 0, sum = 0.0, squares = 0.0
            var titleX: [Int] = []
            for y in 0..<image.height {
                for x in 0..<image.width {
                    let rgb = image.rgb(x, y)
                    if rgb == 0xFFFFFF { white += 1 }
                    if rgb == 0x1565C0 { line += 1 }
                    if rgb == 0xECEFF1 { warmUp += 1 }
                    let luminance = Double((rgb >> 16) & 0xFF) * 0.299 + Double((rgb >> 8) & 0xFF) * 0.587 + Double(rgb & 0xFF) * 0.114
                    sum += luminance
                    squares += luminance * luminance
                    // The title's dark blue, in the first 80 rows.
                    if y < 80, (rgb >> 16) & 0xFF < 0x40, rgb & 0xFF > 0x80 { titleX.append(x) }
                }
            }
            let pixels = Double(image.width * image.height), mean = sum / pixels
            let deviation = (squares / pixels - mean * mean).squareRoot()
            #expect(Double(white) / pixels < 0.97, "\(language): \(white) white pixels of \(Int(pixels))")
            #expect(deviation > 15, "\(language): luminance deviation \(deviation)")
            #expect(line > 200, "\(language): the census line (\(line) pixels)")
            #expect(warmUp > 5000, "\(language): the warm-up band (\(warmUp) pixels)")
            let middle = titleX.isEmpty ? 0 : titleX.reduce(0, +) / titleX.count
            #expect(titleX.count > 200)
            #expect(language == .ar ? middle > image.width / 2 : middle < image.width / 2, "\(language): the title's ink centred at x = \(middle)")
        }
    }

    @Test("printed, the report is A4 pages; both languages are the French pages then the Arabic ones")
    func printed() throws {
        let fr = try Chromium.pdf(of: TrainingRuns.report(.fr).html())
        let ar = try Chromium.pdf(of: TrainingRuns.report(.ar).html())
        let both = try Chromium.pdf(of: TrainingRuns.report(.both).html())
        let frPages = PDFFile.pageCount(fr), arPages = PDFFile.pageCount(ar), bothPages = PDFFile.pageCount(both)
        #expect((3...10).contains(frPages), "\(frPages) French pages")
        #expect((3...10).contains(arPages), "\(arPages) Arabic pages")
        #expect(bothPages == frPages + arPages, "the Arabic part starts on a page of its own: \(bothPages) = \(frPages) + \(arPages)")
        for pdf in [fr, ar, both] {
            let boxes = PDFFile.mediaBoxes(pdf)
            #expect(!boxes.isEmpty)
            for box in boxes { #expect(abs(box.width - 595.3) < 1.5 && abs(box.height - 841.9) < 1.5, "\(box)") }
        }
    }

    @Test("a comparison's pictures: both runs drawn, side by side on a wide screen, one above the other on a narrow one, a wide picture always")
    func comparisonPictures() throws {
        func svg(_ colour: String, wide: Bool = false) -> String {
            let (w, h) = wide ? (300, 100) : (200, 300)
            return "<svg width=\"\(w)pt\" height=\"\(h)pt\" viewBox=\"0 0 \(w) \(h)\" xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"\(w)\" height=\"\(h)\" fill=\"\(colour)\"/></svg>"
        }
        var report = TrainingRuns.report(.fr, comparing: true)
        report.pictures = [LoadPicture(title: LoadPicture.country, svg: [.fr: svg("#ef9a9a")], after: [.fr: svg("#a5d6a7")]),
                           LoadPicture(title: TrainingRuns.network.regions[0].name, svg: [.fr: svg("#ffcc80", wide: true)], after: [.fr: svg("#ffcc80", wide: true)])]
        // Only the pictures, for the screenshot; a probe that writes where the browser put them.
        let probe = """
            <style>header, section:not(.section-pictures), footer { display: none; }</style>
            <script>
            const before = document.querySelector('#picture-0-fr .before svg').getBoundingClientRect();
            const after = document.querySelector('#picture-0-fr .after svg').getBoundingClientRect();
            document.body.setAttribute('data-before', [before.left, before.top, before.right, before.bottom].map(Math.round).join(','));
            document.body.setAttribute('data-after', [after.left, after.top, after.right, after.bottom].map(Math.round).join(','));
            const first = document.querySelector('#picture-1-fr .before svg').getBoundingClientRect();
            const second = document.querySelector('#picture-1-fr .after svg').getBoundingClientRect();
            document.body.setAttribute('data-wide', [first.bottom, second.top].map(Math.round).join(','));
            </script>
            """
        let html = report.html().replacingOccurrences(of: "</body>", with: probe + "</body>")
        func boxes(width: Int) throws -> (before: [Int], after: [Int], wide: [Int]) {
            let directory = try Chromium.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let dom = String(decoding: try Chromium.run(["--dump-dom", "--window-size=\(width),1000"], page: Chromium.page(html, in: directory), in: directory), as: UTF8.self)
            func box(_ name: String) -> [Int] {
                (dom.components(separatedBy: "data-\(name)=\"").dropFirst().first?.prefix { $0 != "\"" }).map { $0.split(separator: ",").compactMap { Int($0) } } ?? []
            }
            return (box("before"), box("after"), box("wide"))
        }
        let wide = try boxes(width: 1400), narrow = try boxes(width: 900)
        #expect(wide.before.count == 4 && wide.after.count == 4 && narrow.before.count == 4 && narrow.after.count == 4)
        guard wide.after.count == 4, narrow.after.count == 4, wide.before.count == 4, narrow.before.count == 4 else { return }
        #expect(wide.after[0] >= wide.before[2] && abs(wide.after[1] - wide.before[1]) < 5, "side by side: \(wide)")
        #expect(narrow.after[1] >= narrow.before[3] && wide.before[2] - wide.before[0] > 200, "one above the other: \(narrow)")
        #expect(wide.wide.count == 2 && wide.wide[1] >= wide.wide[0], "a wide picture one above the other: \(wide.wide)")
        // Drawn: the baseline's red on the left, the variant's green on the right.
        let image = try PNGImage(try Chromium.screenshot(of: html, width: 1400, height: 1000))
        var red = (left: 0, right: 0), green = (left: 0, right: 0)
        for y in 0..<image.height {
            for x in 0..<image.width {
                switch image.rgb(x, y) {
                case 0xEF9A9A: if x < image.width / 2 { red.left += 1 } else { red.right += 1 }
                case 0xA5D6A7: if x < image.width / 2 { green.left += 1 } else { green.right += 1 }
                default: break
                }
            }
        }
        #expect(red.left > 50_000 && red.right == 0 && green.right > 50_000 && green.left == 0, "red \(red), green \(green)")
        // Printed, the two halves are A4 pages, the pictures whole.
        let pdf = try Chromium.pdf(of: report.html())
        #expect(PDFFile.mediaBoxes(pdf).allSatisfy { abs($0.width - 595.3) < 1.5 })
    }

    @Test("a comparison shows what changed by region and by station, with its significance")
    func comparison() throws {
        let comparison = ResultComparison(baseline: TrainingRuns.baseline, other: TrainingRuns.variant)
        let dom = Self.text(try Chromium.dom(of: TrainingRuns.report(.fr, comparing: true).html()))
        let numbers = ReportNumbers(.fr)
        let regions = try #require(Self.element("table", id: "region-changes-fr", in: dom))
        #expect(regions.contains("Région pédagogique Atlas") && regions.contains("Région pédagogique Oasis"))
        let stations = try #require(Self.element("table", id: "station-changes-fr", in: dom))
        #expect(Self.count("<tr>", in: stations) == min(15, comparison.changes.count) + 1)
        let first = comparison.changes[0]
        #expect(stations.contains(numbers.arrow(numbers.percent(first.baseline.utilisation.mean), numbers.percent(first.other.utilisation.mean))))
        let significant = comparison.changes.prefix(15).filter(\.utilisationSignificant).count + comparison.changes.prefix(15).filter(\.waitSignificant).count
        #expect(Self.count("class=\"significant\"", in: stations) == significant)
        #expect(significant > 0, "the scenario changes some stations beyond chance")
        #expect(dom.contains("id=\"chart-region-change-fr\"") && dom.contains("id=\"chart-census-base-fr\"") && dom.contains("id=\"chart-census-variant-fr\""))
    }
}
