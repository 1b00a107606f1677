/// A CSV file read into rows of named fields (RFC 4180: commas, double-quoted fields, `""` inside
/// quotes; the first row names the columns).
struct CSVTable {
    let columns: [String]
    let rows: [[String: String]]
    let path: String

    init(text: String, path: String) throws(GeneratorError) {
        self.path = path
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; afterQuote = true; pending = following }
                    } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !afterQuote: quoted = true
            case ",": record.append(field); field = ""; afterQuote = false
            case "\r": continue
            case "\n":
                record.append(field); field = ""; afterQuote = false
                records.append(record); record = []
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        guard let header = records.first else { throw .source(path, "empty table") }
        columns = header
        var rows: [[String: String]] = []
        for (number, values) in records.dropFirst().enumerated() {
            guard values.count == header.count else {
                throw .source(path, "row \(number + 2) has \(values.count) fields, the header \(header.count)")
            }
            rows.append(Dictionary(uniqueKeysWithValues: zip(header, values)))
        }
        self.rows = rows
    }

    /// The value of `column` in `row`, or an error naming the table.
    func value(_ row: [String: String], _ column: String) throws(GeneratorError) -> String {
        guard let value = row[column] else { throw .source(path, "no column '\(column)'") }
        return value
    }
}

/// What can go wrong while generating: a source table that is missing or malformed, or a network
/// that does not come out as expected.
public enum GeneratorError: Error, CustomStringConvertible, Equatable {
    case source(String, String)
    case network(String)

    public var description: String {
        switch self {
        case .source(let path, let message): return "\(path): \(message)"
        case .network(let message): return "generated network: \(message)"
        }
    }
}
