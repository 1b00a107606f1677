/// The YAML parser's errors in CarePath's words. libyaml's messages ("did not find expected node
/// content", "mapping values are not allowed in this context") name its grammar, not what to change
/// in the file; each is translated here into what is wrong and what to do, and a message this table
/// does not know is never shown as it is.
extension SourceParser {
    /// The hint of a syntax error no entry of ``problems`` explains.
    static let syntaxHint = "check the quotes, brackets and indentation at this position"

    /// libyaml's problems (scanner.c, parser.c, and Yams's composer), by their text or its start, with
    /// CarePath's message and hint.
    static let problems: [(prefix: String, message: String, hint: String?)] = [
        ("mapping values are not allowed", "a ':' here would start a key where none can be",
         "put a value that contains ': ' in quotes, or indent this line like the keys it belongs with"),
        ("block sequence entries are not allowed", "a '-' list item here, where a value was expected",
         "start the list on the next line, indented under its key"),
        ("mapping keys are not allowed", "a '?' key here, where a value was expected",
         "put the value in quotes"),
        ("did not find expected key", "this line is not indented like the keys of its mapping",
         "align it with the keys above, or indent it under one of them"),
        ("did not find expected '-' indicator", "this line is not indented like the items of its list",
         "start it with '-' at the column of the items above"),
        ("did not find expected ',' or ']'", "a list '[' is not closed here",
         "separate the items with ',' and close the list with ']'"),
        ("did not find expected ',' or '}'", "a mapping '{' is not closed here",
         "separate the entries with ',' and close the mapping with '}'"),
        ("did not find expected node content", "a value is missing here",
         "give the value, or remove the ',', '-' or ':' before this position"),
        ("could not find expected ':'", "a key without ':' (or a key longer than one line)",
         "add ': ' after the key, or put a long text in quotes"),
        ("found unexpected ':'", "an unexpected ':'", "put text that contains ':' in quotes"),
        ("found character that cannot start any token", "this character cannot start a value (a tab, '@' or '`')",
         "indent with spaces, and put a value that starts with '@' or '`' in quotes"),
        ("found a tab character", "a tab is used for indentation", "indent with spaces only"),
        ("found unexpected end of stream", "the file ends inside a quoted text", "close the quote"),
        ("found unexpected document indicator", "a '---' or '...' line inside a quoted text", "close the quote before it"),
        ("found unknown escape character", "an unknown escape in a double-quoted text",
         "write '\\\\' for a backslash, or use single quotes"),
        ("found invalid Unicode character escape code", "an escape in a double-quoted text names no character",
         "write the character itself"),
        ("did not find expected hexdecimal number", "a '\\x', '\\u' or '\\U' escape without its hexadecimal digits",
         "write the character itself, or '\\\\' for a backslash"),
        ("did not find expected <document start>", "text after the end of the document",
         "a network file is one YAML document: remove the '---' or '...' and what follows, or indent it"),
        ("but found another document", "the file holds more than one YAML document",
         "a network file is one document: remove the '---' line and what follows"),
        ("found undefined alias", "an alias refers to an anchor that is not defined before it",
         "define '&name' before using '*name', or write the value out"),
        ("did not find expected alphabetic or numeric character", "an anchor or alias ('&name', '*name') without a name",
         "name it with letters, digits, '-' or '_', or put a value that starts with '&' or '*' in quotes"),
    ]

    /// CarePath's message and hint for a libyaml `problem`, and where it started when libyaml says
    /// (`context`: its text, line and column).
    static func syntax(problem: String, context: (text: String, line: Int, column: Int)?) -> (message: String, hint: String?) {
        let known = family(of: context?.text ?? "") ?? problems.first { problem.hasPrefix($0.prefix) }
        var message = known?.message ?? generic(problem)
        if let context, let opened = contextPhrase(context.text) {
            message += " (in \(opened) at line \(context.line), column \(context.column))"
        }
        return (message, known?.hint ?? syntaxHint)
    }

    /// The constructs network files do not use, by libyaml's context: whatever the problem in them,
    /// the message names the construct.
    private static func family(of context: String) -> (prefix: String, message: String, hint: String?)? {
        if context.contains("directive") {
            return ("", "a malformed '%' directive line; network files need none", "remove the line")
        }
        if context.contains("tag") {
            return ("", "a malformed '!' tag; network files need none", "remove the tag, or put a value that starts with '!' in quotes")
        }
        if context.contains("block scalar") {
            return ("", "a malformed block text header ('|' or '>')", "write '|' or '>' alone at the end of the line and the text on the lines below, indented")
        }
        return nil
    }

    /// A problem this table does not list, by the family libyaml's wording puts it in.
    private static func generic(_ problem: String) -> String {
        if problem.contains("directive") || problem.contains("version number") || problem.contains("%") {
            return "a '%' directive line, which network files do not use"
        }
        if problem.contains("tag") || problem.contains("URI") || problem.contains("'!'") || problem.contains("'>'") {
            return "a '!' tag, which network files do not use"
        }
        return "the YAML does not parse here"
    }

    /// libyaml's context ("while parsing a flow mapping") as the element it names.
    private static func contextPhrase(_ context: String) -> String? {
        if context.contains("flow mapping") { return "the mapping '{' that starts" }
        if context.contains("flow sequence") { return "the list '[' that starts" }
        if context.contains("block mapping") { return "the mapping that starts" }
        if context.contains("block collection") { return "the list that starts" }
        if context.contains("quoted scalar") { return "the quoted text that starts" }
        if context.contains("simple key") { return "the key that starts" }
        if context.contains("block scalar") { return "the block text that starts" }
        if context.contains("plain scalar") { return "the text that starts" }
        if context.contains("anchor") || context.contains("alias") { return "the anchor or alias that starts" }
        if context.contains("node") { return "the value that starts" }
        return nil
    }

    /// A reader error (bytes that are not text) in CarePath's words; `value` is the offending byte or
    /// character.
    static func readerMessage(problem: String, value: Int32) -> String {
        if problem.hasPrefix("control characters") {
            let code = String(UInt32(bitPattern: value), radix: 16, uppercase: true)
            return "the file holds the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code), which YAML text cannot contain"
        }
        if problem.contains("UTF-8") || problem.contains("Unicode") || problem.contains("UTF-16") || problem.contains("surrogate") {
            return "the file is not valid UTF-8 text here"
        }
        if problem.contains("too long") { return "the file is too long for the YAML parser" }
        return "the file cannot be read as text here"
    }
}
