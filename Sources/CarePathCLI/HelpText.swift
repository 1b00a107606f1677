extension String {
    /// A command's discussion as swift-argument-parser wants it: the lines of each paragraph joined
    /// into one, which the parser wraps to the terminal's width; blank lines and indented lines (the
    /// examples) kept as written. Written with hard line breaks, the text would be wrapped twice.
    var helpParagraphs: String {
        var paragraphs: [String] = []
        var current = ""
        for line in split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty || line.first == " " || current.hasSuffix(":") {
                if !current.isEmpty { paragraphs.append(current); current = "" }
                if line.isEmpty || line.first == " " { paragraphs.append(String(line)) } else { current = String(line) }
            } else {
                current += current.isEmpty ? line : " " + line
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs.joined(separator: "\n")
    }
}
