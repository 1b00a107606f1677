import CareNetwork

/// A scenario's `name:` or `description:`: bilingual (`{fr, ar}`) or one plain string.
public enum ScenarioText: Sendable, Hashable {
    case plain(String)
    case localized(LocalizedName)

    /// The text to show: the plain string, or the French name.
    public var text: String {
        switch self {
        case .plain(let text): text
        case .localized(let name): name.fr
        }
    }
}
