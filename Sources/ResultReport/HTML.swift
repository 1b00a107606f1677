/// Escaping for HTML and SVG text and attributes.
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, safe in an element and in a quoted attribute.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A table: a header row (none when empty) and body rows of cells already escaped; `numeric` columns are right-aligned
    /// (on the reading side's end: left in Arabic).
    static func table(id: String? = nil, caption: String? = nil, header: [String], rows: [[String]], numeric: Set<Int>, footer: [String]? = nil) -> String {
        var html = "<table" + (id.map { " id=\"\($0)\"" } ?? "") + ">"
        if let caption { html += "<caption>\(caption)</caption>" }
        func cells(_ row: [String], tag: String) -> String {
            row.enumerated().map { index, cell in "<\(tag)\(numeric.contains(index) ? " class=\"num\"" : "")>\(cell)</\(tag)>" }.joined()
        }
        if !header.isEmpty { html += "<thead><tr>" + cells(header, tag: "th") + "</tr></thead>" }
        html += "<tbody>"
        for row in rows { html += "<tr>" + cells(row, tag: "td") + "</tr>" }
        html += "</tbody>"
        if let footer { html += "<tfoot><tr>" + cells(footer, tag: "td") + "</tr></tfoot>" }
        return html + "</table>\n"
    }
}
