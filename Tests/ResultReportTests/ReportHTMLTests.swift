import CareNetwork
import Foundation
import ResultReport
import SimulationResults
import Testing

/// The page's text, without a browser: what it refers to, its languages, its ids, its escaping.
@Suite("The report's HTML")
struct ReportHTMLTests {
    static func ids(_ html: String) -> [String] {
        html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test("self-contained: no script, no link, no image, no request to any server", arguments: [ReportLanguages.fr, .ar, .both])
    func selfContained(_ languages: ReportLanguages) {
        for html in [TrainingRuns.report(languages).html(), TrainingRuns.report(languages, comparing: true).html()] {
            for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "url(", " src=", " href=\"http"] {
                #expect(!html.contains(forbidden), "\(forbidden)")
            }
            // The one URL is the SVG namespace, which is a name, not a request.
            let urls = html.components(separatedBy: "http").dropFirst().map { "http" + $0.prefix { $0 != "\"" } }
            #expect(Set(urls) == ["http://www.w3.org/2000/svg"])
            #expect(html.hasPrefix("<!DOCTYPE html>\n") && html.hasSuffix("</html>\n"))
        }
    }

    @Test("French is left to right, Arabic right to left, both the French then the Arabic, every id once")
    func languages() {
        let fr = TrainingRuns.report(.fr).html(), ar = TrainingRuns.report(.ar).html(), both = TrainingRuns.report(.both, comparing: true).html()
        #expect(fr.contains("<html lang=\"fr\" dir=\"ltr\">") && fr.contains("<article class=\"report\" id=\"report-fr\" lang=\"fr\" dir=\"ltr\">"))
        #expect(ar.contains("<html lang=\"ar\" dir=\"rtl\">") && ar.contains("<article class=\"report\" id=\"report-ar\" lang=\"ar\" dir=\"rtl\">"))
        #expect(!ar.contains("id=\"report-fr\"") && !fr.contains("id=\"report-ar\""))
        let french = both.range(of: "id=\"report-fr\"")!, arabic = both.range(of: "id=\"report-ar\"")!
        #expect(french.lowerBound < arabic.lowerBound)
        for html in [fr, ar, both] {
            let ids = Self.ids(html)
            #expect(ids.count == Set(ids).count, "duplicate ids: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
        }
        // Arabic chart labels carry their direction; numbers stay left to right.
        #expect(ar.contains("direction=\"rtl\" unicode-bidi=\"embed\">المركز الصحي"))
        #expect(!fr.contains("direction=\"rtl\""))
        #expect(ar.contains("سلسلة العلاجات"))
    }

    @Test("what was run and the accounting, in plain numbers with thousands separated")
    func runAndAccounting() {
        let d = TrainingRuns.baseline, html = TrainingRuns.report(.fr).html(), numbers = ReportNumbers(.fr)
        #expect(d.accounting.arrived >= 1000, "the run is large enough to show a separator")
        for text in [d.network.path, d.network.digest, d.carepath, "<code>7</code>",
                     numbers.integer(d.accounting.arrived), numbers.integer(d.accounting.completed),
                     numbers.decimal(Double(d.accounting.arrived) / 3, digits: 0),
                     numbers.decimal(Double(d.accounting.arrived) / 3 / 20, digits: 1)] {
            #expect(html.contains(text), "\(text)")
        }
        #expect(html.contains(numbers.integer(d.accounting.arrived)) && numbers.integer(d.accounting.arrived).contains("\u{202F}"))
        #expect(html.contains("20 jours, dont 5 de mise en régime exclus des statistiques (15 jours mesurés)"))
        #expect(html.contains("Bilan équilibré"))
    }

    @Test("with opening hours and arrival profiles, the waits by hour of arrival: a chart of the health centres' 24 hours and a table of every tier with the census; none without")
    func hours() throws {
        let document = TrainingRuns.morningPeak
        let hourly = try #require(document.hourly)
        let html = ResultReport(baseline: .init(document: document, path: "morning/result.json"), variant: nil, languages: .fr, names: TrainingRuns.names).html()
        #expect(html.contains("<section id=\"hours-fr\" class=\"section-hours\">"))
        let table = try #require(html.components(separatedBy: "id=\"hours-run-fr\"").dropFirst().first?.components(separatedBy: "</table>").first)
        #expect(table.components(separatedBy: "<tr").count - 1 == 1 + 24, "a header and 24 hours")
        // The morning's row holds the health centres' arrivals a day of that hour, and the census.
        let centres = try #require(hourly.tiers.first { $0.tier == .healthCentre })
        let nine = ReportNumbers(.fr).decimal(centres.hours[9].arrivalsPerDay, digits: 0)
        #expect(table.contains("09:00–10:00") && table.contains(nine + " · "))
        #expect(table.contains(ReportNumbers(.fr).integer(Int(hourly.inSystemByHourOfDay[9].mean.rounded()))))
        #expect(html.contains("id=\"chart-hours-run-fr\""))
        // A run without a time model has no such section.
        #expect(!TrainingRuns.report(.fr).html().contains("section-hours"))
    }

    @Test("a name with markup is escaped everywhere")
    func escaping() {
        var document = TrainingRuns.baseline
        document.facilities[0].name.fr = "<b onclick=\"x\">A & B</b>"
        let html = ResultReport(baseline: .init(document: document, path: "a<b>.json"), languages: .fr).html()
        #expect(!html.contains("<b onclick") && !html.contains("a<b>.json"))
        #expect(html.contains("&lt;b onclick=&quot;x&quot;&gt;A &amp; B&lt;/b&gt;") && html.contains("a&lt;b&gt;.json"))
    }

    @Test("a load picture is inlined without its prolog, doctype and comments, scaled to the page, in each language")
    func pictures() {
        let svg = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <!-- Generated by graphviz -->
            <svg width="300pt" height="200pt" viewBox="0 0 300 200" xmlns="http://www.w3.org/2000/svg"><!-- load --><text>X</text></svg>
            """
        var report = TrainingRuns.report(.both)
        report.pictures = [LoadPicture(title: LoadPicture.country, svg: [.fr: svg, .ar: svg.replacingOccurrences(of: "X", with: "ع")])]
        let html = report.html()
        #expect(html.contains("<figure class=\"load-picture\" id=\"picture-0-fr\"><figcaption class=\"title\">Le pays</figcaption><svg viewBox=\"0 0 300 200\" xmlns=\"http://www.w3.org/2000/svg\" class=\"picture\"><text>X</text></svg></figure>"))
        #expect(html.contains("id=\"picture-0-ar\"><figcaption class=\"title\">البلد</figcaption>"))
        #expect(!html.contains("<!DOCTYPE svg") && !html.contains("Generated by graphviz") && !html.contains("<?xml"))
        #expect(!TrainingRuns.report(.fr).html().contains("id=\"pictures-fr\""), "no pictures, no section")
    }

    @Test("a comparison draws each area for both runs, the baseline then the variant, each under its run's name")
    func comparisonPictures() {
        let svg = "<svg width=\"200pt\" height=\"300pt\" viewBox=\"0 0 200 300\" xmlns=\"http://www.w3.org/2000/svg\"><text>BEFORE</text></svg>"
        var report = TrainingRuns.report(.fr, comparing: true)
        report.pictures = [
            LoadPicture(title: LoadPicture.country, svg: [.fr: svg], after: [.fr: svg.replacingOccurrences(of: "BEFORE", with: "AFTER")]),
            LoadPicture(title: TrainingRuns.network.regions[0].name, svg: [.fr: svg], after: [:]),
        ]
        let html = report.html()
        let figure = html.components(separatedBy: "<figure class=\"load-picture load-change\" id=\"picture-0-fr\">").dropFirst().first?.components(separatedBy: "</figure>").first ?? ""
        #expect(figure.hasPrefix("<figcaption class=\"title\">Le pays</figcaption>"))
        let before = figure.range(of: "<div class=\"before\"><p class=\"run\">Référence : aucun (le réseau tel quel)</p><svg")
        let after = figure.range(of: "<div class=\"after\"><p class=\"run\">Variante : Scénario pédagogique : et si ?</p><svg")
        #expect(before != nil && after != nil && before!.lowerBound < after!.lowerBound, "\(figure.prefix(400))")
        #expect(figure.contains("<text>BEFORE</text>") && figure.contains("<text>AFTER</text>"))
        // A region the variant has nothing of: its half says so.
        let region = html.components(separatedBy: "id=\"picture-1-fr\">").dropFirst().first?.components(separatedBy: "</figure>").first ?? ""
        #expect(region.contains("Région pédagogique Atlas") && region.contains("<div class=\"after\"><p class=\"run\">Variante : Scénario pédagogique : et si ?</p><p class=\"note\">Rien à dessiner"))
        #expect(html.contains("Chaque image deux fois"))
        // A picture wider than high (a region's row) is marked, to be drawn one above the other.
        report.pictures[1].svg[.fr] = svg.replacingOccurrences(of: "0 0 200 300", with: "0 0 300 200")
        let marked = report.html()
        #expect(marked.contains("<figure class=\"load-picture load-change\" id=\"picture-0-fr\">"))
        #expect(marked.contains("<figure class=\"load-picture load-change wide\" id=\"picture-1-fr\">"))
    }

    @Test("a region's name with an apostrophe or an ampersand is escaped once in the comparison's chart")
    func chartNamesEscapedOnce() {
        var names = TrainingRuns.names
        let key = TrainingRuns.network.regions[0].key
        names.regions[key] = LocalizedName(fr: "L'Atlas & co", ar: "الأطلس")
        let html = ResultReport(baseline: .init(document: TrainingRuns.baseline, path: "a.json"), variant: .init(document: TrainingRuns.variant, path: "b.json"),
                                languages: .fr, names: names).html()
        let chart = html.components(separatedBy: "id=\"chart-region-change").dropFirst().first?.components(separatedBy: "</svg>").first ?? ""
        #expect(chart.contains("L&#39;Atlas &amp; co") || chart.contains("L'Atlas &amp; co"), "\(chart.prefix(600))")
        #expect(!chart.contains("&amp;#39;") && !chart.contains("&amp;amp;"))
    }

    @Test("the regions a comparison draws: those with a station closed or opened, or a significant change")
    func changedRegions() {
        #expect(ResultReport.changedRegions(baseline: TrainingRuns.baseline, other: TrainingRuns.baseline).isEmpty, "nothing changed")
        // The what-if scenario closes the Haouz provincial hospital (Atlas); a region is drawn when, and
        // only when, one of its stations changed significantly or is in one run only.
        let changed = ResultReport.changedRegions(baseline: TrainingRuns.baseline, other: TrainingRuns.variant)
        #expect(changed.contains("atlas-pedago"))
        let comparison = ResultComparison(baseline: TrainingRuns.baseline, other: TrainingRuns.variant)
        let facilities = TrainingRuns.baseline.facilitiesByKey
        for region in TrainingRuns.network.regions.map(\.key) {
            let significant = comparison.changes.contains { ($0.utilisationSignificant || $0.waitSignificant) && facilities[$0.baseline.facility]?.region == region }
            let oneRun = (comparison.onlyInBaseline + comparison.onlyInOther).contains { station in
                (facilities[station.facility] ?? TrainingRuns.variant.facilitiesByKey[station.facility])?.region == region
            }
            #expect(changed.contains(region) == (significant || oneRun), "\(region)")
        }
        // Without intervals (one replication), only a closed or opened station counts.
        var one = TrainingRuns.variant, base = TrainingRuns.baseline
        one.configuration.replications = 1
        base.configuration.replications = 1
        #expect(ResultReport.changedRegions(baseline: base, other: one) == ["atlas-pedago"])
    }

    @Test("a comparison names only the settings that differ, and lists the stations closed and opened")
    func comparison() {
        var other = TrainingRuns.variant
        other.configuration.seed = "8"
        let html = ResultReport(baseline: .init(document: TrainingRuns.baseline, path: "a.json"), variant: .init(document: other, path: "b.json"), languages: .fr).html()
        #expect(html.contains("<li><code>seed</code> 7 → 8</li>"))
        #expect(!html.contains("<code>days</code>") && !html.contains("<code>carepath</code>"))
        #expect(html.contains("ne sont donc pas appariées"), "another seed: not paired")
        let paired = TrainingRuns.report(.fr, comparing: true).html()
        #expect(paired.contains("Mêmes réglages") && paired.contains("réplication par réplication (même graine)"))
        let comparison = ResultComparison(baseline: TrainingRuns.baseline, other: TrainingRuns.variant)
        #expect(!comparison.onlyInBaseline.isEmpty && !comparison.onlyInOther.isEmpty, "the scenario closes and opens facilities")
        #expect(paired.contains("id=\"closed-stations-fr\"") && paired.contains("id=\"opened-stations-fr\""))
        #expect(paired.contains("id=\"station-changes-fr\"") && paired.contains("id=\"region-changes-fr\""))
        for station in comparison.changes.prefix(15) { #expect(paired.contains(">" + station.baseline.facility + "</span>")) }
    }
}
