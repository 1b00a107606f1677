import CareNetwork
import CarePathSupport
import SimulationResults

/// Names the report writes instead of keys: regions (from the network the result was simulated on,
/// when it can be read) and services (from the service catalogue). A key without a name is written
/// as it is.
public struct ReportNames: Sendable {
    public var network: LocalizedName?
    public var regions: [String: LocalizedName]
    public var services: ServiceCatalog

    public init(network: LocalizedName? = nil, regions: [String: LocalizedName] = [:], services: ServiceCatalog = .standard) {
        self.network = network
        self.regions = regions
        self.services = services
    }

    /// The names of `network`'s regions and services.
    public init(_ network: CareNetwork) {
        self.init(network: network.name, regions: Dictionary(network.regions.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first }), services: network.catalog)
    }
}

/// A load picture of the result (`carepath render load`), as SVG in each of the report's languages;
/// in a comparison, the same area drawn for each run.
public struct LoadPicture: Sendable {
    /// What it shows: the country, or a region's name.
    public var title: LocalizedName
    /// The SVG Graphviz drew, per language: of the result, or of the baseline in a comparison.
    public var svg: [Language: String]
    /// In a comparison, the compared run's picture of the same area, per language (empty when it has
    /// none there); empty in a report of one result.
    public var after: [Language: String]

    /// A picture of `title`'s area: `svg` of the result (the baseline), `after` of the compared run.
    public init(title: LocalizedName, svg: [Language: String], after: [Language: String] = [:]) {
        self.title = title
        self.svg = svg
        self.after = after
    }

    /// The title of the whole country's picture.
    public static let country = LocalizedName(fr: "Le pays", ar: "البلد", en: "The country")
}

/// `carepath report`: one result, or two as a comparison, as a self-contained HTML page for people:
/// what was run, the accounting, tables by region and by tier, and SVG charts (the day-end census
/// with the warm-up, the distribution of utilisation by tier, the longest waits with their
/// intervals, the flows between tiers), in French, Arabic or both.
///
/// The page loads nothing: its style sheet and charts are inline, its fonts are named by family
/// (DejaVu Sans, Noto Naskh Arabic: Debian's `fonts-dejavu-core`, `fonts-noto-core`), and it needs
/// no script. A print style sheet lays it out on A4.
///
/// Sections come from ``ReportSection``, in its order; a section whose figures a result does not
/// hold is left out, so a section drawn from an optional field of a later result (waits by hour of
/// day, once results record them) is one more case built only when the field is there.
public struct ResultReport: Sendable {
    /// A result and the path it was read from (written in the report).
    public struct Input: Sendable {
        public var document: ResultDocument
        public var path: String
        public init(document: ResultDocument, path: String) {
            self.document = document
            self.path = path
        }
    }

    public var baseline: Input
    /// The result compared with the baseline, if any.
    public var variant: Input?
    public var languages: ReportLanguages
    public var names: ReportNames
    /// How many stations the station tables and charts list at most.
    public var limit: Int
    /// The load pictures (the country, then each region), drawn by the caller with `LoadDiagram` on
    /// the network the result records; none when the network is not at hand. In a comparison, each
    /// area drawn for both runs (``LoadPicture/after``): the country, then the regions of
    /// ``changedRegions(baseline:other:)``.
    public var pictures: [LoadPicture]

    public init(baseline: Input, variant: Input? = nil, languages: ReportLanguages = .fr, names: ReportNames = ReportNames(), limit: Int = 15,
                pictures: [LoadPicture] = []) {
        self.baseline = baseline
        self.variant = variant
        self.languages = languages
        self.names = names
        self.limit = max(limit, 1)
        self.pictures = pictures
    }

    /// The keys of the regions where `other` differs from `baseline`, sorted: a region with a
    /// station of one run only (closed or opened), or, when both runs have intervals, a station whose
    /// utilisation or mean wait changed significantly (as `carepath compare` judges it). Those are
    /// the regions whose load pictures a comparison draws, beside the country's.
    public static func changedRegions(baseline: ResultDocument, other: ResultDocument) -> [String] {
        let comparison = ResultComparison(baseline: baseline, other: other)
        let before = baseline.facilitiesByKey, after = other.facilitiesByKey
        var regions = Set<String>()
        for station in comparison.onlyInBaseline { if let region = before[station.facility]?.region { regions.insert(region) } }
        for station in comparison.onlyInOther { if let region = after[station.facility]?.region { regions.insert(region) } }
        if comparison.hasIntervals {
            for change in comparison.changes where change.utilisationSignificant || change.waitSignificant {
                if let region = before[change.baseline.facility]?.region { regions.insert(region) }
            }
        }
        return regions.sorted()
    }

    /// The whole page.
    public func html() -> String {
        let first = languages.languages[0]
        let titleWords = variant == nil ? Words.title : Words.comparisonTitle
        var html = "<!DOCTYPE html>\n<html lang=\"\(first.rawValue)\" dir=\"\(first.direction)\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"generator\" content=\"carepath report\">\n"
        html += "<title>" + HTML.escape(languages.languages.map { titleWords.text(in: $0) }.joined(separator: " / ")) + "</title>\n"
        html += "<style>\n" + ReportStyle.css + "</style>\n</head>\n<body>\n"
        for language in languages.languages {
            html += ReportPart(report: self, language: language).html()
        }
        return html + "</body>\n</html>\n"
    }
}

/// The sections of a report, in the order they appear.
public enum ReportSection: String, CaseIterable, Sendable {
    /// What was run: network, scenario, horizon, replications, seed, version, digests.
    case run
    /// The patients' accounting, in all, per replication and per day.
    case accounting
    /// For a comparison: what changed, by region, tier and station, with its significance.
    case comparison
    /// The day-end census over the days, the warm-up marked, and the warm-up check.
    case census
    /// The figures by region.
    case regions
    /// The figures by tier, and the distribution of the stations' utilisation by tier.
    case tiers
    /// The longest mean waits, with their intervals.
    case waits
    /// With opening hours or arrival profiles: the waits by hour of arrival per tier, and the census
    /// by hour of the day.
    case hours
    /// The referral flows between tiers.
    case flows
    /// The load pictures: the country, then each region (when the caller drew them).
    case pictures
    /// The busiest and the overloaded stations.
    case stations
    /// Patients not covered or whose care is unavailable, by service.
    case refused
}
