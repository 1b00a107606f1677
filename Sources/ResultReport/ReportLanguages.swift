import CareNetwork

/// The languages a report is written in: French, Arabic (right to left), or both, the French
/// report followed by the Arabic one, each whole, so that either can be printed alone.
public enum ReportLanguages: String, CaseIterable, Sendable, Hashable {
    case fr, ar, both

    /// The languages of the report's parts, in order.
    public var languages: [Language] {
        switch self {
        case .fr: [.fr]
        case .ar: [.ar]
        case .both: [.fr, .ar]
        }
    }
}

extension Language {
    /// Whether the language is written right to left.
    var isRightToLeft: Bool { self == .ar }
    /// The HTML `dir` of a text in the language.
    var direction: String { isRightToLeft ? "rtl" : "ltr" }
}
