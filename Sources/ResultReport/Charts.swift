import CareNetwork
import CarePathSupport
import Foundation
import SimulationResults

/// SVG charts drawn by the report itself: plain shapes and text, no script, sized by a view box so
/// that they scale to the page and print sharp. The geometry reads left to right in every language
/// (days, bars); Arabic labels carry `direction="rtl"` so that a browser orders and aligns them as
/// Arabic text, and numbers stay left to right.
struct SVGCanvas {
    let language: Language
    let width: Double
    let height: Double
    private(set) var body = ""

    init(language: Language, width: Double = 720, height: Double) {
        self.language = language
        self.width = width
        self.height = height
    }

    /// Where a text stands against its x: its left edge, its right edge or its middle (on the page,
    /// whatever the language's direction).
    enum Align { case left, right, middle }

    static func n(_ value: Double) -> String { NumberFormat.format("%.1f", value) }

    mutating func raw(_ svg: String) { body += svg }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String? = nil, extra: String = "") {
        body += "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(width, 0)))\" height=\"\(Self.n(max(height, 0)))\" fill=\"\(fill)\"\(extra)"
        if let title { body += "><title>\(HTML.escape(title))</title></rect>" } else { body += "/>" }
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, extra: String = "") {
        body += "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\"\(extra)/>"
    }

    /// A text; `words` says whether it is in the report's language (else a number or an id, always
    /// left to right).
    mutating func text(_ content: String, x: Double, y: Double, align: Align, size: Double = 12, words: Bool = true,
                       fill: String = "#263238", bold: Bool = false, className: String? = nil, title: String? = nil) {
        let rtl = words && language.isRightToLeft
        let anchor: String
        switch align {
        case .middle: anchor = "middle"
        case .left: anchor = rtl ? "end" : "start"
        case .right: anchor = rtl ? "start" : "end"
        }
        body += "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
        body += rtl ? " direction=\"rtl\" unicode-bidi=\"embed\"" : " direction=\"ltr\""
        if bold { body += " font-weight=\"bold\"" }
        if let className { body += " class=\"\(className)\"" }
        body += ">" + HTML.escape(content) + (title.map { "<title>\(HTML.escape($0))</title>" } ?? "") + "</text>"
    }

    /// The `<svg>` element, `label` its accessible name; its id is `id` with the language after it
    /// (`chart-census-fr`), unique in a report of both languages.
    func svg(id: String, label: String) -> String {
        "<svg id=\"\(id)-\(language.rawValue)\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" role=\"img\" aria-label=\"\(HTML.escape(label))\" direction=\"ltr\">"
            + body + "</svg>"
    }
}

/// Round steps for an axis.
enum Axis {
    /// Ticks from 0 to at least `maximum`, 3 to 6 of them, at 1, 2 or 5 times a power of ten.
    static func ticks(upTo maximum: Double) -> [Double] {
        guard maximum.isFinite, maximum > 0 else { return [0, 1] }
        let raw = maximum / 5
        let power = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
        var ticks: [Double] = [0]
        while ticks.last! < maximum - 1e-9 * maximum { ticks.append(ticks.last! + step) }
        return ticks
    }

    /// Decimals that print `step` exactly (0 for a whole step).
    static func digits(for ticks: [Double]) -> Int {
        guard ticks.count > 1 else { return 0 }
        let step = ticks[1] - ticks[0]
        return step >= 1 ? 0 : min(3, Int(ceil(-log10(step))))
    }
}

enum Charts {
    /// A text cut to about `width` points at `size`, with an ellipsis.
    static func fit(_ text: String, width: Double, size: Double = 11) -> String {
        let characters = max(4, Int(width / (size * 0.56)))
        return text.count <= characters ? text : String(text.prefix(characters - 1)) + "…"
    }

    /// The day-end census over the days: the mean as a line, its 95% interval as a band, the warm-up shaded.
    static func census(_ days: [ResultDocument.Estimate], warmupDays: Double, id: String, language: Language) -> String {
        let numbers = ReportNumbers(language)
        var canvas = SVGCanvas(language: language, height: 300)
        let left = 70.0, right = 700.0, top = 24.0, bottom = 250.0
        let count = max(days.count, 1)
        let ticks = Axis.ticks(upTo: max(days.map { $0.mean + $0.ci95 }.max() ?? 1, 1))
        let top1 = ticks.last!
        func x(_ day: Double) -> Double { left + (right - left) * day / Double(count) }
        func y(_ value: Double) -> Double { bottom - (bottom - top) * min(max(value / top1, 0), 1) }
        if warmupDays > 0 {
            let end = min(warmupDays, Double(count))
            canvas.rect(x: x(0), y: top, width: x(end) - x(0), height: bottom - top, fill: "#eceff1", extra: " class=\"warm-up\"")
            canvas.text(Words.warmUp.text(in: language), x: (x(0) + x(end)) / 2, y: top + 14, align: .middle, size: 11, fill: "#546e7a")
        }
        let digits = Axis.digits(for: ticks)
        for tick in ticks {
            canvas.line(left, y(tick), right, y(tick), stroke: "#cfd8dc", width: 0.6)
            canvas.text(numbers.decimal(tick, digits: digits), x: left - 6, y: y(tick) + 4, align: .right, size: 11, words: false)
        }
        for tick in Axis.ticks(upTo: Double(count)) where tick <= Double(count) {
            canvas.line(x(tick), bottom, x(tick), bottom + 4, stroke: "#607d8b")
            canvas.text(numbers.decimal(tick, digits: 0), x: x(tick), y: bottom + 17, align: .middle, size: 11, words: false)
        }
        canvas.line(left, bottom, right, bottom, stroke: "#607d8b")
        canvas.line(left, top, left, bottom, stroke: "#607d8b")
        if !days.isEmpty {
            // Day i (1-based) ends at x(i).
            let upper = days.enumerated().map { "\(SVGCanvas.n(x(Double($0 + 1)))),\(SVGCanvas.n(y($1.mean + $1.ci95)))" }
            let lower = days.enumerated().reversed().map { "\(SVGCanvas.n(x(Double($0 + 1)))),\(SVGCanvas.n(y(max($1.mean - $1.ci95, 0))))" }
            canvas.raw("<polygon class=\"census-band\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"#90caf9\" fill-opacity=\"0.55\"/>")
            let points = days.enumerated().map { "\(SVGCanvas.n(x(Double($0 + 1)))),\(SVGCanvas.n(y($1.mean)))" }
            canvas.raw("<polyline class=\"census-line\" points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\"/>")
        }
        canvas.text(Words.day.text(in: language), x: (left + right) / 2, y: bottom + 36, align: .middle, size: 12)
        canvas.text(Words.patients.text(in: language), x: left - 6, y: top - 8, align: .right, size: 12)
        return canvas.svg(id: id, label: Words.census.text(in: language))
    }

    /// Per tier, the share of its stations in each utilisation band, as one stacked bar.
    static func distribution(_ rows: [(label: String, counts: [Int])], id: String, language: Language) -> String {
        let numbers = ReportNumbers(language)
        let rowHeight = 30.0, top = 10.0
        let bands = UtilisationBands.bands
        var canvas = SVGCanvas(language: language, height: top + Double(rows.count) * rowHeight + 50)
        let labelRight = 220.0, left = 230.0, right = 640.0
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            let total = row.counts.reduce(0, +)
            canvas.text(fit(row.label, width: labelRight - 10), x: labelRight, y: y + 17, align: .right, size: 11, title: row.label)
            var x = left
            for (band, count) in row.counts.enumerated() where count > 0 {
                let width = (right - left) * Double(count) / Double(max(total, 1))
                canvas.rect(x: x, y: y + 4, width: width, height: rowHeight - 8, fill: bands[band].colour,
                            title: "\(row.label): \(bands[band].label): \(numbers.integer(count)) \(Words.stationsUnit.text(in: language))",
                            extra: " class=\"band band-\(band)\" data-count=\"\(count)\"")
                if width > 26 { canvas.text(numbers.integer(count), x: x + width / 2, y: y + 18, align: .middle, size: 10, words: false) }
                x += width
            }
            canvas.text(numbers.integer(total), x: right + 8, y: y + 17, align: .left, size: 11, words: false)
        }
        // The legend: the bands' colours.
        let legendY = top + Double(rows.count) * rowHeight + 14
        var x = left
        for band in bands {
            canvas.rect(x: x, y: legendY, width: 14, height: 12, fill: band.colour)
            canvas.text(band.label, x: x + 18, y: legendY + 10, align: .left, size: 10, words: false)
            x += 80
        }
        canvas.text(Words.stationsUnit.text(in: language), x: right + 8, y: legendY + 10, align: .left, size: 10)
        return canvas.svg(id: id, label: Words.distribution.text(in: language))
    }

    /// A bar per row, with an optional interval drawn as a whisker and the value written after it.
    struct Bar {
        var label: String
        var value: Double
        var interval: Double
        var text: String
        var title: String
        var colour: String
    }

    static func bars(_ rows: [Bar], id: String, label: String, language: Language, labelWidth: Double = 300) -> String {
        let rowHeight = 22.0, top = 8.0
        var canvas = SVGCanvas(language: language, height: top * 2 + Double(max(rows.count, 1)) * rowHeight)
        let labelRight = labelWidth, left = labelWidth + 8, right = 580.0
        let maximum = max(rows.map { $0.value + $0.interval }.max() ?? 1, 1e-9)
        func x(_ value: Double) -> Double { left + (right - left) * min(max(value / maximum, 0), 1) }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            canvas.text(fit(row.label, width: labelWidth - 8), x: labelRight, y: y + 15, align: .right, size: 11, title: row.label)
            canvas.rect(x: left, y: y + 4, width: x(row.value) - left, height: rowHeight - 8, fill: row.colour, title: row.title, extra: " class=\"bar\"")
            if row.interval > 0 {
                let low = x(row.value - row.interval), high = x(row.value + row.interval), middle = y + rowHeight / 2
                canvas.line(low, middle, high, middle, stroke: "#263238", width: 1.2, extra: " class=\"interval\"")
                canvas.line(low, middle - 4, low, middle + 4, stroke: "#263238", width: 1.2)
                canvas.line(high, middle - 4, high, middle + 4, stroke: "#263238", width: 1.2)
            }
            canvas.text(row.text, x: x(row.value + row.interval) + 6, y: y + 15, align: .left, size: 11)
        }
        canvas.line(left, top, left, top + Double(rows.count) * rowHeight, stroke: "#607d8b")
        return canvas.svg(id: id, label: label)
    }

    /// One row per group: the baseline's value (grey) and the variant's (blue) on a shared 0-100% scale.
    static func dumbbells(_ rows: [(label: String, before: Double, after: Double, text: String)], id: String, label: String, language: Language) -> String {
        let rowHeight = 22.0, top = 24.0
        var canvas = SVGCanvas(language: language, height: top + 10 + Double(max(rows.count, 1)) * rowHeight)
        let labelRight = 200.0, left = 210.0, right = 520.0
        let maximum = max(1, rows.map { max($0.before, $0.after) }.max() ?? 1)
        func x(_ value: Double) -> Double { left + (right - left) * min(max(value / maximum, 0), 1) }
        let numbers = ReportNumbers(language)
        for tick in Axis.ticks(upTo: maximum) {
            canvas.line(x(tick), top - 4, x(tick), top + Double(rows.count) * rowHeight, stroke: "#cfd8dc", width: 0.6)
            canvas.text(numbers.percent(tick, digits: 0), x: x(tick), y: top - 8, align: .middle, size: 10, words: false)
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight + rowHeight / 2
            canvas.text(fit(row.label, width: labelRight - 8), x: labelRight, y: y + 4, align: .right, size: 11, title: row.label)
            canvas.line(x(row.before), y, x(row.after), y, stroke: "#90a4ae", width: 2)
            canvas.raw("<circle cx=\"\(SVGCanvas.n(x(row.before)))\" cy=\"\(SVGCanvas.n(y))\" r=\"4.5\" fill=\"#9e9e9e\" class=\"before\"/>")
            canvas.raw("<circle cx=\"\(SVGCanvas.n(x(row.after)))\" cy=\"\(SVGCanvas.n(y))\" r=\"4.5\" fill=\"#1565c0\" class=\"after\"/>")
            canvas.text(row.text, x: right + 10, y: y + 4, align: .left, size: 11)
        }
        return canvas.svg(id: id, label: label)
    }
}
