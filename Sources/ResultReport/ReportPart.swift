import CareNetwork
import CarePathSupport
import SimulationResults

/// The report in one language: an `<article>` with its own `lang` and `dir`, every id suffixed
/// with the language so that a report in both languages holds each once.
struct ReportPart {
    let report: ResultReport
    let language: Language
    let numbers: ReportNumbers

    init(report: ResultReport, language: Language) {
        self.report = report
        self.language = language
        numbers = ReportNumbers(language)
    }

    private func t(_ words: LocalizedName) -> String { HTML.escape(words.text(in: language)) }
    private func id(_ name: String) -> String { name + "-" + language.rawValue }

    func html() -> String {
        let comparing = report.variant != nil
        var html = "<article class=\"report\" id=\"\(id("report"))\" lang=\"\(language.rawValue)\" dir=\"\(language.direction)\">\n"
        html += "<header><h1>\(t(comparing ? Words.comparisonTitle : Words.title))</h1>"
        html += "<p class=\"subtitle\">\(t(Words.subtitle))"
        if let name = report.names.network { html += " — " + HTML.escape(name.text(in: language)) }
        html += "</p></header>\n"
        for section in ReportSection.allCases {
            html += self.section(section)
        }
        let files = ([report.baseline.path] + (report.variant.map { [$0.path] } ?? [])).joined(separator: ", ")
        html += "<footer><p>\(t(Words.footer(files)))</p></footer>\n"
        return html + "</article>\n"
    }

    /// The runs the detail sections are drawn for: the result, or both results of a comparison.
    private var runs: [(input: ResultReport.Input, heading: String?, key: String)] {
        guard let variant = report.variant else { return [(report.baseline, nil, "run")] }
        return [(report.baseline, t(Words.baseline) + " : " + HTML.escape(runLabel(report.baseline.document)), "base"),
                (variant, t(Words.variant) + " : " + HTML.escape(runLabel(variant.document)), "variant")]
    }

    private func runLabel(_ document: ResultDocument) -> String {
        document.scenario?.label ?? Words.noScenario.text(in: language)
    }

    private func section(_ section: ReportSection) -> String {
        switch section {
        case .run: return wrap(section, Words.run, runSection())
        case .accounting: return wrap(section, Words.accounting, accountingSection())
        case .comparison:
            guard let variant = report.variant else { return "" }
            return wrap(section, Words.comparison, comparisonSection(variant.document))
        case .census: return wrap(section, Words.census, perRun { censusSection($0, key: $1) })
        case .regions: return wrap(section, Words.byRegion, perRun { regionsSection($0, key: $1) })
        case .tiers: return wrap(section, Words.byTier, perRun { tiersSection($0, key: $1) })
        case .waits: return wrap(section, Words.longestWaits, perRun { waitsSection($0, key: $1) })
        case .hours:
            guard runs.contains(where: { $0.input.document.hourly != nil }) else { return "" }
            return wrap(section, Words.byHour, perRun { hoursSection($0, key: $1) })
        case .flows: return wrap(section, Words.flows, perRun { flowsSection($0, key: $1) })
        case .pictures:
            guard !report.pictures.isEmpty else { return "" }
            return wrap(section, Words.pictures, picturesSection())
        case .stations: return wrap(section, Words.busiest, perRun { stationsSection($0, key: $1) })
        case .refused: return wrap(section, Words.refused, perRun { refusedSection($0, key: $1) })
        }
    }

    private func wrap(_ section: ReportSection, _ title: LocalizedName, _ body: String) -> String {
        "<section id=\"\(id(section.rawValue))\" class=\"section-\(section.rawValue)\">\n<h2>\(t(title))</h2>\n" + body + "</section>\n"
    }

    /// The section's body for each run, under the run's heading in a comparison.
    private func perRun(_ body: (ResultDocument, String) -> String) -> String {
        runs.map { run in (run.heading.map { "<h3>\($0)</h3>\n" } ?? "") + body(run.input.document, run.key) }.joined()
    }

    // MARK: What was run

    private func runSection() -> String {
        let documents = [report.baseline.document] + (report.variant.map { [$0.document] } ?? [])
        func row(_ label: LocalizedName, _ values: [String]) -> [String] {
            [t(label)] + values
        }
        func facts(_ d: ResultDocument) -> [String] {
            let c = d.configuration
            return [
                HTML.escape(d.network.path),
                "<code>" + HTML.escape(d.network.digest) + "</code>",
                d.scenario.map { scenario in
                    HTML.escape(scenario.label) + (scenario.changes.isEmpty ? "" : "<ul class=\"changes\">" + scenario.changes.map { "<li>" + HTML.escape($0) + "</li>" }.joined() + "</ul>")
                } ?? t(Words.noScenario),
                d.scenario.map { "<code>" + HTML.escape($0.digest) + "</code>" } ?? "—",
                t(Words.horizonText(numbers.decimal(c.days, digits: 0), numbers.decimal(c.warmupDays, digits: 0), numbers.decimal(c.measuredDays, digits: 0))),
                numbers.integer(c.replications),
                "<code>" + HTML.escape(c.seed) + "</code>",
                HTML.escape(d.carepath),
            ]
        }
        let labels = [Words.network, Words.networkDigest, Words.scenario, Words.scenarioDigest, Words.horizon, Words.replications, Words.seed, Words.version]
        let columns = documents.map(facts)
        var rows: [[String]] = []
        for (index, label) in labels.enumerated() {
            rows.append(row(label, columns.map { $0[index] }))
        }
        let header = documents.count == 1 ? [] : ["", t(Words.baseline), t(Words.variant)]
        var html = HTML.table(id: id("run-table"), header: header, rows: rows, numeric: [])
        html += "<p class=\"note\">\(t(Words.generator)) : " + HTML.escape(documents[0].configuration.generator) + "</p>\n"
        return html
    }

    // MARK: Accounting

    private func accountingSection() -> String {
        var html = ""
        for run in runs {
            let d = run.input.document, a = d.accounting, c = d.configuration
            let replications = Double(max(c.replications, 1)), days = max(c.days, 1e-9)
            var entries: [(LocalizedName, Int)] = [(Words.arrived, a.arrived), (Words.completed, a.completed), (Words.inSystem, a.inSystem),
                                                   (Words.notCovered, a.notCovered), (Words.unavailable, a.unavailable)]
            if c.queueLimits || a.turnedAway > 0 { entries.append((Words.turnedAway, a.turnedAway)) }
            let rows = entries.map { label, value in
                [t(label), numbers.integer(value), numbers.decimal(Double(value) / replications, digits: 0), numbers.decimal(Double(value) / replications / days, digits: 1)]
            }
            if let heading = run.heading { html += "<h3>\(heading)</h3>\n" }
            html += HTML.table(id: id("accounting-\(run.key)"), header: [t(Words.patients), t(Words.allReplications), t(Words.perReplication), t(Words.perDay)], rows: rows, numeric: [1, 2, 3])
            html += "<p class=\"\(a.balanced ? "ok" : "alert")\">\(t(a.balanced ? Words.balanced : Words.notBalanced))</p>\n"
        }
        return html + "<p class=\"note\">\(t(Words.accountingNote))</p>\n"
    }

    // MARK: Census

    private func censusSection(_ d: ResultDocument, key: String) -> String {
        let check = d.daily.warmUpCheck
        var html = "<figure>" + Charts.census(d.daily.inSystemAtEndOfDay, warmupDays: d.configuration.warmupDays, id: "chart-census-\(key)", language: language)
        html += "<figcaption>\(t(Words.censusCaption))</figcaption></figure>\n"
        html += "<p>" + t(Words.censusFigures(numbers.decimal(check.atEndOfWarmUp, digits: 0), numbers.decimal(check.measuredMean, digits: 0))) + "</p>\n"
        let advice = WarmUpAdvice(d)
        html += "<p class=\"\(advice.isWarning ? "alert" : "ok")\">\(t(advice.words))</p>\n"
        return html
    }

    // MARK: Regions and tiers

    private func groupRow(_ label: String, _ figures: GroupFigures) -> [String] {
        [label, numbers.integer(figures.facilities), numbers.integer(figures.stations), numbers.decimal(figures.patientsPerDay, digits: 1),
         numbers.plusMinus(numbers.percent(figures.utilisation.mean), numbers.percent(figures.utilisation.ci95)),
         numbers.duration(minutes: figures.meanWaitMinutes.mean), numbers.duration(minutes: figures.longestP90Minutes),
         figures.overloaded > 0 ? "<strong>" + numbers.integer(figures.overloaded) + "</strong>" : "0"]
    }

    private var groupHeader: [String] {
        [t(Words.facilities), t(Words.stations), t(Words.patientsPerDay), t(Words.utilisation), t(Words.meanWait), t(Words.p90), t(Words.overloaded)]
    }

    private func regionName(_ key: String?) -> String { HTML.escape(plainRegionName(key)) }

    /// A region's name as text, not yet escaped (for a chart, which escapes its labels itself).
    private func plainRegionName(_ key: String?) -> String {
        guard let key else { return Words.outsideMorocco.text(in: language) }
        return report.names.regions[key]?.text(in: language) ?? key
    }

    private func regionsSection(_ d: ResultDocument, key: String) -> String {
        let figures = ReportFigures(d)
        let rows = figures.regions.map { groupRow(regionName($0.key), $0.figures) }
        return HTML.table(id: id("regions-\(key)"), header: [t(Words.region)] + groupHeader, rows: rows, numeric: Set(1...7),
                          footer: groupRow(t(Words.total), figures.total))
            + "<p class=\"note\">\(t(Words.groupNote))</p>\n"
    }

    private func tiersSection(_ d: ResultDocument, key: String) -> String {
        let figures = ReportFigures(d)
        let rows = figures.tiers.map { groupRow(HTML.escape($0.tier.name.text(in: language)), $0.figures) }
        var html = HTML.table(id: id("tiers-\(key)"), header: [t(Words.tier)] + groupHeader, rows: rows, numeric: Set(1...7),
                              footer: groupRow(t(Words.total), figures.total))
        let bands = UtilisationBands.bands
        let distribution = figures.tiers.map { entry -> (label: String, counts: [Int]) in
            var counts = Array(repeating: 0, count: bands.count)
            for station in d.activeStations where station.tier == entry.tier { counts[UtilisationBands.band(of: station.utilisation.mean)] += 1 }
            return (entry.tier.name.text(in: language), counts)
        }
        html += "<figure><figcaption class=\"title\">\(t(Words.distribution))</figcaption>" + Charts.distribution(distribution, id: "chart-distribution-\(key)", language: language)
        html += "<figcaption>\(t(Words.distributionCaption))</figcaption></figure>\n"
        return html
    }

    // MARK: Stations

    private func facilityName(_ d: ResultDocument, _ key: String) -> String {
        d.facilitiesByKey[key].map { language == .ar ? $0.name.ar : $0.name.fr } ?? key
    }

    private func serviceName(_ key: String) -> String {
        report.names.services.service(forKey: key)?.name.text(in: language) ?? key
    }

    private func stationLabel(_ d: ResultDocument, _ station: ResultDocument.Station) -> String {
        facilityName(d, station.facility) + " — " + serviceName(station.service)
    }

    private func waitsSection(_ d: ResultDocument, key: String) -> String {
        let stations = d.longestWaits.prefix(report.limit)
        let bars = stations.map { s in
            Charts.Bar(label: stationLabel(d, s), value: s.meanWaitMinutes.mean, interval: s.meanWaitMinutes.ci95,
                       text: s.meanWaitMinutes.ci95 > 0 ? numbers.duration(minutes: s.meanWaitMinutes.mean, plusMinus: s.meanWaitMinutes.ci95) : numbers.duration(minutes: s.meanWaitMinutes.mean),
                       title: stationLabel(d, s) + " [" + s.key + "]", colour: "#7986cb")
        }
        guard !bars.isEmpty else { return "<p>\(t(Words.refusedNone))</p>\n" }
        return "<figure>" + Charts.bars(Array(bars), id: "chart-waits-\(key)", label: Words.longestWaits.text(in: language), language: language)
            + "<figcaption>\(t(Words.longestWaitsCaption))</figcaption></figure>\n"
    }

    /// By the hour of arrival: per tier, the patients a day and the mean wait of each hour (a table),
    /// the mean wait of the health centres' patients by hour (a chart), and the census by hour.
    private func hoursSection(_ d: ResultDocument, key: String) -> String {
        guard let hourly = d.hourly else { return "<p>\(t(Words.noHours))</p>\n" }
        func clock(_ h: Int) -> String { OpeningHours.clock(h * 60) }
        let tiers = hourly.tiers.filter { tier in tier.hours.contains { $0.arrivalsPerDay > 0 } }
        var html = ""
        if let first = tiers.first(where: { $0.tier == .healthCentre }) ?? tiers.first {
            let bars = first.hours.map { hour in
                Charts.Bar(label: clock(hour.hour) + "–" + clock(hour.hour + 1), value: hour.meanWaitMinutes, interval: 0,
                           text: numbers.duration(minutes: hour.meanWaitMinutes), title: first.tier.name.text(in: language) + " " + clock(hour.hour),
                           colour: "#9575cd")
            }
            html += "<figure>" + Charts.bars(bars, id: "chart-hours-\(key)", label: Words.byHour.text(in: language), language: language, labelWidth: 140)
                + "<figcaption>\(t(Words.byHourCaption(first.tier.name)))</figcaption></figure>\n"
        }
        // The census at the start of each hour, beside the hour's arrivals and waits.
        let census = hourly.inSystemByHourOfDay.count == 24 ? hourly.inSystemByHourOfDay : nil
        let header = [t(Words.hour)] + tiers.map { HTML.escape($0.tier.name.text(in: language)) } + (census == nil ? [] : [t(Words.inSystemAtHour)])
        let rows = (0..<24).map { h -> [String] in
            [clock(h) + "–" + clock(h + 1)] + tiers.map { tier in
                let hour = tier.hours[h]
                return hour.arrivalsPerDay > 0 || hour.startedPerDay > 0
                    ? numbers.decimal(hour.arrivalsPerDay, digits: 0) + " · " + numbers.duration(minutes: hour.meanWaitMinutes) : "—"
            } + (census.map { [numbers.integer(Int($0[h].mean.rounded()))] } ?? [])
        }
        html += HTML.table(id: id("hours-\(key)"), caption: t(Words.byHourTable), header: header, rows: rows,
                           numeric: Set(1...(tiers.count + (census == nil ? 0 : 1))))
        return html
    }

    private func flowsSection(_ d: ResultDocument, key: String) -> String {
        let flows = d.tierFlows.filter { $0.patientsPerDay > 0 }
        guard !flows.isEmpty else { return "<p>\(t(Words.refusedNone))</p>\n" }
        let bars = flows.map { flow in
            // The arrow points the way the text reads: from the referring tier to the receiving one.
            let label = flow.from.name.text(in: language) + (language.isRightToLeft ? " ← " : " → ") + flow.to.name.text(in: language)
            return Charts.Bar(label: label, value: flow.patientsPerDay, interval: 0, text: numbers.decimal(flow.patientsPerDay, digits: 1),
                              title: label, colour: "#4db6ac")
        }
        return "<figure>" + Charts.bars(bars, id: "chart-flows-\(key)", label: Words.flows.text(in: language), language: language, labelWidth: 380)
            + "<figcaption>\(t(Words.flowsCaption))</figcaption></figure>\n"
    }

    private func picturesSection() -> String {
        guard let variant = report.variant else {
            var html = "<p class=\"note\">\(t(Words.picturesNote))</p>\n"
            for (index, picture) in report.pictures.enumerated() {
                guard let svg = picture.svg[language] else { continue }
                html += "<figure class=\"load-picture\" id=\"\(id("picture-\(index)"))\"><figcaption class=\"title\">\(t(picture.title))</figcaption>"
                html += Self.inline(svg) + "</figure>\n"
            }
            return html
        }
        // A comparison: each area before (the baseline) then after (the variant), at the same scale of colours.
        var html = "<p class=\"note\">\(t(Words.picturesComparisonNote))</p>\n"
        let halves = [(Words.baseline, runLabel(report.baseline.document), "before"), (Words.variant, runLabel(variant.document), "after")]
        for (index, picture) in report.pictures.enumerated() {
            let svgs = [picture.svg[language], picture.after[language]]
            guard let first = svgs.compactMap({ $0 }).first else { continue }
            // Side by side on a wide screen when the pictures are higher than wide; a wide one (a
            // region's row) one above the other, each the page's width.
            let wide = Self.aspect(first).map { $0 > 1 } ?? false
            html += "<figure class=\"load-picture load-change\(wide ? " wide" : "")\" id=\"\(id("picture-\(index)"))\"><figcaption class=\"title\">\(t(picture.title))</figcaption>\n"
            for ((words, label, key), svg) in zip(halves, svgs) {
                html += "<div class=\"\(key)\"><p class=\"run\">" + t(words) + " : " + HTML.escape(label) + "</p>"
                html += (svg.map(Self.inline) ?? "<p class=\"note\">\(t(Words.noPicture))</p>") + "</div>\n"
            }
            html += "</figure>\n"
        }
        return html
    }

    /// The width over the height of an SVG's `viewBox`, or nil.
    static func aspect(_ svg: String) -> Double? {
        guard let start = svg.range(of: "viewBox=\"") else { return nil }
        let box = svg[start.upperBound...].prefix { $0 != "\"" }.split(separator: " ").compactMap { Double($0) }
        guard box.count == 4, box[3] > 0 else { return nil }
        return box[2] / box[3]
    }

    /// Graphviz's SVG as an element of the page: without its XML declaration, doctype and comments,
    /// and scaled to the page's width.
    static func inline(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        // In one pass: Graphviz writes a comment for every node and edge, and removing them one by one
        // from the start of a national picture took seconds.
        var body = "", rest = svg[start.lowerBound...]
        body.reserveCapacity(rest.utf8.count)
        while let open = rest.range(of: "<!--"), let close = rest.range(of: "-->", range: open.upperBound..<rest.endIndex) {
            body += rest[..<open.lowerBound]
            rest = rest[close.upperBound...]
        }
        body += rest
        // Its size in points becomes the page's width, its proportions kept by the view box.
        if let end = body.firstIndex(of: ">") {
            var tag = String(body[..<end])
            for attribute in ["width", "height"] {
                if let range = tag.range(of: " \(attribute)=\"[^\"]*\"", options: .regularExpression) { tag.removeSubrange(range) }
            }
            body = tag + " class=\"picture\"" + body[end...]
        }
        return body
    }

    private func stationRow(_ d: ResultDocument, _ s: ResultDocument.Station) -> [String] {
        let band = UtilisationBands.band(of: s.utilisation.mean)
        let unit = s.kind == .stay ? Words.beds : Words.servers
        return [HTML.escape(facilityName(d, s.facility)) + " <span class=\"key\">" + HTML.escape(s.facility) + "</span>", HTML.escape(serviceName(s.service)),
                numbers.integer(s.servers) + " " + t(unit),
                "<span class=\"swatch\" style=\"background:\(UtilisationBands.bands[band].colour)\"></span>" + numbers.plusMinus(numbers.percent(s.utilisation.mean), numbers.percent(s.utilisation.ci95)),
                numbers.duration(minutes: s.meanWaitMinutes.mean), numbers.duration(minutes: s.waitMinutesP90), numbers.duration(minutes: s.waitMinutesP99),
                numbers.integer(s.maxQueue)]
    }

    private var stationHeader: [String] {
        [t(Words.facility), t(Words.service), t(Words.capacity), t(Words.occupancy), t(Words.meanWait), "p90", "p99", t(Words.longestQueue)]
    }

    private func stationsSection(_ d: ResultDocument, key: String) -> String {
        var html = HTML.table(id: id("busiest-\(key)"), header: stationHeader, rows: d.busiestStations.prefix(report.limit).map { stationRow(d, $0) }, numeric: [2, 3, 4, 5, 6, 7])
        let overloaded = d.overloadedStations
        html += "<h4>\(t(Words.overloaded))</h4>\n"
        if overloaded.isEmpty {
            html += "<p class=\"ok\">\(t(Words.noOverloaded))</p>\n"
        } else {
            html += "<p class=\"alert\">\(t(Words.overloadedNote))</p>\n"
            html += HTML.table(id: id("overloaded-\(key)"), header: stationHeader, rows: overloaded.prefix(report.limit).map { stationRow(d, $0) }, numeric: [2, 3, 4, 5, 6, 7])
            if overloaded.count > report.limit { html += "<p class=\"note\">\(t(Words.andMore(numbers.integer(overloaded.count - report.limit))))</p>\n" }
        }
        return html
    }

    private func refusedSection(_ d: ResultDocument, key: String) -> String {
        guard !d.rejected.isEmpty else { return "<p>\(t(Words.refusedNone))</p>\n" }
        let days = max(d.configuration.measuredDays, 1e-9)
        let rows = d.rejected.map { r in
            [HTML.escape(serviceName(r.service)), t(r.outcome == "not-covered" ? Words.notCoveredOutcome : Words.unavailableOutcome), numbers.decimal(r.patients / days, digits: 1)]
        }
        return HTML.table(id: id("refused-\(key)"), header: [t(Words.service), t(Words.outcome), t(Words.patientsPerDay)], rows: rows, numeric: [2])
    }

    // MARK: Comparison

    private func comparisonSection(_ other: ResultDocument) -> String {
        let base = report.baseline.document
        let comparison = ResultComparison(baseline: base, other: other)
        var html = ""
        if base.network.digest != other.network.digest { html += "<p class=\"alert\">\(t(Words.differentNetworks))</p>\n" }
        let differences = ResultComparison.differingSettings(base, other)
        if differences.isEmpty {
            html += "<p>\(t(Words.sameSettings))</p>\n"
        } else {
            html += "<p>\(t(Words.settingsDiffer))</p><ul class=\"differences\">"
            html += differences.map { "<li><code>" + HTML.escape($0.name) + "</code> " + numbers.arrow(HTML.escape($0.baseline), HTML.escape($0.other)) + "</li>" }.joined()
            html += "</ul>\n<p class=\"note\">\(t(Words.perDayNote))</p>\n"
        }
        let note = !comparison.hasIntervals ? Words.noIntervals : comparison.isPaired ? Words.pairedNote : Words.unpairedNote
        html += "<p class=\"note\">\(t(note))</p>\n"

        // By region: each run's figures, the change judged as the stations' are.
        let before = ReportFigures(base), after = ReportFigures(other)
        let afterRegions = Dictionary(after.regions.map { ($0.key ?? "", $0.figures) }, uniquingKeysWith: { first, _ in first })
        let beforeRegions = Dictionary(before.regions.map { ($0.key ?? "", $0.figures) }, uniquingKeysWith: { first, _ in first })
        let regionKeys = (before.regions.map(\.key) + after.regions.map(\.key).filter { key in !before.regions.contains { $0.key == key } })
        var rows: [[String]] = [], dumbbells: [(label: String, before: Double, after: Double, text: String)] = []
        func mark(_ significant: Bool) -> String { comparison.hasIntervals && significant ? " <strong class=\"significant\">*</strong>" : "" }
        for key in regionKeys {
            let a = beforeRegions[key ?? ""], b = afterRegions[key ?? ""]
            let empty = GroupFigures(stations: [], measuredDays: 1)
            let x = a ?? empty, y = b ?? empty
            let utilisationSignificant = a != nil && b != nil && ResultComparison.significant(x.utilisation, y.utilisation, x.utilisationPerReplication, y.utilisationPerReplication, paired: comparison.isPaired)
            let waitSignificant = a != nil && b != nil && ResultComparison.significant(x.meanWaitMinutes, y.meanWaitMinutes, x.meanWaitPerReplication, y.meanWaitPerReplication, paired: comparison.isPaired)
            rows.append([regionName(key),
                         numbers.arrow(numbers.decimal(x.patientsPerDay), numbers.decimal(y.patientsPerDay)),
                         numbers.arrow(numbers.percent(x.utilisation.mean), numbers.percent(y.utilisation.mean)) + mark(utilisationSignificant),
                         numbers.arrow(numbers.duration(minutes: x.meanWaitMinutes.mean), numbers.duration(minutes: y.meanWaitMinutes.mean)) + mark(waitSignificant),
                         numbers.arrow(numbers.integer(x.overloaded), numbers.integer(y.overloaded))])
            dumbbells.append((plainRegionName(key), x.utilisation.mean, y.utilisation.mean,
                              numbers.arrow(numbers.percent(x.utilisation.mean), numbers.percent(y.utilisation.mean)) + (comparison.hasIntervals && utilisationSignificant ? " *" : "")))
        }
        html += "<h3>\(t(Words.byRegion))</h3>\n"
        html += "<figure>" + Charts.dumbbells(dumbbells, id: "chart-region-change", label: Words.regionChangeCaption.text(in: language), language: language)
        html += "<figcaption>\(t(Words.regionChangeCaption))</figcaption></figure>\n"
        html += HTML.table(id: id("region-changes"), header: [t(Words.region), t(Words.patientsPerDay), t(Words.occupancy), t(Words.meanWait), t(Words.overloaded)], rows: rows, numeric: [1, 2, 3, 4])

        // By station.
        html += "<h3>\(t(Words.changedStations))</h3>\n"
        html += "<p>\(t(Words.changedCount(numbers.integer(comparison.changes.count), numbers.integer(comparison.commonStations.count))))</p>\n"
        let stationRows = comparison.changes.prefix(report.limit).map { c -> [String] in
            [HTML.escape(facilityName(base, c.baseline.facility)) + " <span class=\"key\">" + HTML.escape(c.baseline.facility) + "</span>", HTML.escape(serviceName(c.baseline.service)),
             numbers.arrow(numbers.percent(c.baseline.utilisation.mean), numbers.percent(c.other.utilisation.mean)) + mark(c.utilisationSignificant),
             numbers.arrow(numbers.duration(minutes: c.baseline.meanWaitMinutes.mean), numbers.duration(minutes: c.other.meanWaitMinutes.mean)) + mark(c.waitSignificant)]
        }
        if !stationRows.isEmpty {
            html += HTML.table(id: id("station-changes"), header: [t(Words.facility), t(Words.service), t(Words.occupancy), t(Words.meanWait)], rows: stationRows, numeric: [2, 3])
        }
        for (title, stations, document, key) in [(Words.closedStations, comparison.onlyInBaseline, base, "closed"), (Words.openedStations, comparison.onlyInOther, other, "opened")] where !stations.isEmpty {
            html += "<h3>\(t(title))</h3>\n"
            html += HTML.table(id: id(key + "-stations"), header: stationHeader, rows: stations.prefix(report.limit).map { stationRow(document, $0) }, numeric: [2, 3, 4, 5, 6, 7])
            if stations.count > report.limit { html += "<p class=\"note\">\(t(Words.andMore(numbers.integer(stations.count - report.limit))))</p>\n" }
        }
        // Arrivals per day, so that runs of different lengths compare.
        let moved = ResultComparison.perDayArrivals(baseline: base, other: other).prefix(report.limit)
        if !moved.isEmpty {
            html += "<h3>\(t(Words.movedArrivals))</h3>\n"
            let names = base.facilitiesByKey.merging(other.facilitiesByKey) { first, _ in first }
            html += HTML.table(id: id("moved-arrivals"), header: [t(Words.facility), t(Words.patientsPerDay), t(Words.change)], rows: moved.map { entry in
                [HTML.escape(names[entry.facility].map { language == .ar ? $0.name.ar : $0.name.fr } ?? entry.facility) + " <span class=\"key\">" + HTML.escape(entry.facility) + "</span>",
                 numbers.arrow(numbers.decimal(entry.baseline), numbers.decimal(entry.other)), numbers.isolated(numbers.signed(entry.other - entry.baseline))]
            }, numeric: [1, 2])
        }
        return html
    }
}
