/// Gives each right-to-left line of a Graphviz SVG its direction, as pango gives it in PNG and PDF.
///
/// Graphviz writes every label line as a `<text>` with no direction, so a browser or librsvg lays
/// out an Arabic line left to right: `1. المركز الصحي` shows the step number on the wrong side.
/// Pango takes a line's base direction from its first strong character; this does the same: a
/// line whose first strong character is right to left (Arabic, Hebrew) gets `direction="rtl"` and
/// `unicode-bidi="embed"`, its `text-anchor` swapped between `start` and `end` so that it stays
/// where Graphviz put it (the anchor names the line's start in its own direction).
enum SVGTextDirection {
    /// `svg` with every right-to-left `<text>` element marked.
    static func mark(_ svg: String) -> String {
        guard svg.unicodeScalars.contains(where: isRightToLeft) else { return svg }
        var out = ""
        out.reserveCapacity(svg.utf8.count + 1024)
        var rest = svg[...]
        while let open = rest.range(of: "<text") {
            out += rest[..<open.lowerBound]
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">"),
                  let close = rest[tagEnd...].range(of: "</text>") else {
                rest = rest[open.lowerBound...]
                break
            }
            let attributes = String(rest[open.upperBound..<tagEnd])
            let content = rest[rest.index(after: tagEnd)..<close.lowerBound]
            if firstStrongIsRightToLeft(content), !attributes.contains("direction=") {
                var marked = attributes
                if marked.contains("text-anchor=\"start\"") {
                    marked = marked.replacingOccurrences(of: "text-anchor=\"start\"", with: "text-anchor=\"end\"")
                } else if marked.contains("text-anchor=\"end\"") {
                    marked = marked.replacingOccurrences(of: "text-anchor=\"end\"", with: "text-anchor=\"start\"")
                }
                out += "<text direction=\"rtl\" unicode-bidi=\"embed\"" + marked + ">"
            } else {
                out += "<text" + attributes + ">"
            }
            out += content
            out += "</text>"
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// Whether the first strong character of an SVG text's content (entities skipped) is right to left.
    static func firstStrongIsRightToLeft(_ content: Substring) -> Bool {
        var inEntity = false
        for scalar in content.unicodeScalars {
            if inEntity {
                if scalar == ";" { inEntity = false }
                continue
            }
            if scalar == "&" { inEntity = true; continue }
            if isRightToLeft(scalar) { return true }
            if scalar.properties.isAlphabetic { return false }
        }
        return false
    }

    /// Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms.
    static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF: true
        default: false
        }
    }
}
