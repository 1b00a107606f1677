/// A parsed YAML/JSON value with the position of every node: what the loader decodes from.
/// Yams types never leave ``SourceParser``; this tree is `Sendable` and mapping entries keep their order.
/// Package-wide so that other file formats built on the network format's conventions (scenarios) parse the same way.
package struct SourceValue: Sendable {
    package enum Kind: Sendable {
        /// A scalar, kept as written; `quoted` when it was in quotes (a quoted `"12"` is text).
        case scalar(String, quoted: Bool)
        case mapping([(key: String, keyLocation: SourceLocation, value: SourceValue)])
        case sequence([SourceValue])
        case null
    }

    package var kind: Kind
    package var location: SourceLocation

    package init(kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The text of a scalar, nil for anything else.
    package var scalarText: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// A short name of the kind, for "expected X, found Y" messages.
    package var kindName: String {
        switch kind {
        case .scalar(let text, let quoted): quoted ? "text" : (DocumentReader.number(text) != nil ? "a number" : "text '\(text.prefix(40))'")
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .null: "nothing"
        }
    }
}
