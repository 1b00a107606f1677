/// A language CarePath writes names and labels in.
public enum Language: String, CaseIterable, Sendable, Hashable, Codable {
    case fr, ar, en
}

/// A bilingual (French/Arabic) name, with an optional English one.
public struct LocalizedName: Hashable, Sendable, Codable {
    /// The French name.
    public var fr: String
    /// The Arabic name.
    public var ar: String
    /// The English name, where one is given.
    public var en: String?

    /// A name in French and Arabic, with an optional English one.
    public init(fr: String, ar: String, en: String? = nil) {
        self.fr = fr
        self.ar = ar
        self.en = en
    }

    /// The name in `language`; English falls back to French when no English name is given.
    public func text(in language: Language) -> String {
        switch language {
        case .fr: fr
        case .ar: ar
        case .en: en ?? fr
        }
    }
}
