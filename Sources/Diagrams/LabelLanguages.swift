import CareNetwork

/// The languages a diagram's labels are written in, one line per language in order: French, Arabic,
/// English, or French above Arabic. A text that reads the same in two of them is written once.
public struct LabelLanguages: Hashable, Sendable {
    /// The languages, first line first; never empty.
    public let languages: [Language]

    /// English labels (a name without an English form is written in French).
    public static let en = LabelLanguages(.en)

    /// Labels in `first`, then in each of `others` on a line of its own.
    public init(_ first: Language, _ others: Language...) { languages = [first] + others }

    /// French labels.
    public static let fr = LabelLanguages(.fr)
    /// Arabic labels.
    public static let ar = LabelLanguages(.ar)
    /// French above Arabic.
    public static let both = LabelLanguages(.fr, .ar)

    /// The label lines of a name: its text in each language, a text already written left out.
    public func lines(_ name: LocalizedName) -> [String] {
        var lines: [String] = []
        for language in languages {
            let text = name.text(in: language)
            if !lines.contains(text) { lines.append(text) }
        }
        return lines
    }

    /// The label lines of a text the diagrams write themselves (legend, outcome), in French, Arabic and English.
    func lines(fr: String, ar: String, en: String) -> [String] { lines(LocalizedName(fr: fr, ar: ar, en: en)) }

    /// One line: the name's lines joined, `fr / ar`.
    func line(_ name: LocalizedName) -> String { lines(name).joined(separator: " / ") }
}
