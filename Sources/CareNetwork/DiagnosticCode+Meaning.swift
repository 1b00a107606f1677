/// What each code means and its usual severity, as the tables of Docs/network-format.md
/// ("Diagnostics") and Docs/scenarios.md ("Diagnostic codes") say (VocabularyTests checks they agree):
/// the rule descriptions of `carepath validate --format sarif`.
extension DiagnosticCode {
    /// The code's meaning, in Markdown, as the docs' table gives it (Docs/network-format.md for the codes
    /// a network file can give, Docs/scenarios.md for the scenario loader's own).
    public var meaning: String {
        switch self {
        case .fileUnreadable: "the file cannot be read, is not UTF-8 text, or is larger than 32 MiB"
        case .yamlSyntax: "the YAML does not parse (truncated file, bad indentation, binary junk)"
        case .tooComplex: "more than 2,000,000 keys and values written, more than 1,000,000 values once aliases are expanded, or nesting deeper than 64 (the message says which)"
        case .schema: "missing or unsupported `schema:`"
        case .duplicateKey: "the same key twice in one mapping"
        case .unknownKey: "a key this format does not have (hint: the nearest one)"
        case .missingKey: "a required key is absent"
        case .wrongType: "a list where a mapping is expected, text where a number is, ..."
        case .invalidValue: "a value outside its set (tier, sector, distribution, ...)"
        case .outOfRange: "a number outside its [range](#ranges): negative capacity, 2^31 servers, latitude 200, zero catchment, share above 1, a 10^154-minute time, ..."
        case .invalidID: "an id that is not lowercase kebab-case"
        case .duplicateID: "two regions, provinces or facilities with the same id"
        case .unknownReference: "a region, province, service, profile or facility id that does not exist (hint: the nearest one)"
        case .provinceRegionMismatch: "a facility's province is not in its region"
        case .serviceKind: "`servers`/`time` on a stay service, or `beds`/`stay` on a visit"
        case .excludedServiceCovered: "an excluded service offered as covered"
        case .referralLevel: "`refers-to` a facility that is not exactly one level up, or a province's `regional-hospital` / `chu` that is not a regional hospital / CHU"
        case .referralRegion: "`refers-to` a facility in another region"
        case .referralPrivate: "a private facility used as a referral target (`refers-to`, a region's `chu`, a province's `regional-hospital` or `chu`)"
        case .referralAbroad: "a facility abroad used as a referral target"
        case .regionWithoutRegionalHospital: "a region with no public regional hospital"
        case .regionWithoutCHU: "a region with no public CHU of its own and no valid `chu:`"
        case .brokenChain: "a public health centre that reaches no regional hospital or CHU (says why)"
        case .demandTooLarge: "the network's demand comes to more than 1,000,000 arrivals a day ([Ranges](#ranges))"
        case .invalidHours: "a timetable that cannot be read: an interval that ends before it starts (`20:00-08:00`: write it as two), a time past the day (`24:00`: write `00:00`), intervals that overlap in a day, a shift of 0 servers (leave the interval out instead), an unknown day or timetable name"
        case .invalidProfile: "an arrival profile with a negative weight, the wrong number of weights, a day without weights, or weights that are zero at every hour of the week"
        case .neverOpen: "a timetable that opens on no weekday, given to stations patients are sent to (one diagnostic per timetable, naming the stations)"
        case .catchmentNotApplicable: "`catchment` on a facility that is not a health centre"
        case .locationOutsideMorocco: "a facility in `MA` outside Morocco's extent"
        case .sameLocation: "two facilities with different ids at the same location"
        case .populationMismatch: "a region's population differs from the sum of its provinces by more than 1%"
        case .noServices: "a public facility that offers no service"
        case .demandWithCare: "demand for `prescribed-drugs` (B8) or `medical-devices` (B10), which come with the care of the facility that treats: no pathway leads to them, so the simulation counts their patients unavailable"
        case .conflict: "the same facility closed twice, a region given two CHUs, two count or two time keys in one `servers` entry, a `queue-limit` entry with both `facility` and `tier`"
        case .closedFacility: "an entry names a facility the scenario closes"
        case .closedCHUUnassigned: "a closed CHU leaves regions without a CHU; say where they go under `chu:` (**P4**)"
        case .serviceNotOffered: "`servers` or `queue-limit` on a service the facility does not offer (to add it, give count and time)"
        case .refersToDropped: "facilities (`refers-to`) or provinces (`regional-hospital`, `chu`) referred to a closed one: dropped, their chain derived again"
        case .noDemand: "a `demand` entry scales a service the network has no demand for"
        case .noOperations: "the scenario changes nothing"
        case .networkMismatch: "the scenario's `network:` names another network (its `name`, `digest` or file name) than the one it is applied to; the scenario is not applied"
        case .networkNotFound: "without `--network`, the file the scenario's `network:` names does not exist (resolved relative to the scenario file)"
        }
    }

    /// The severity the code has in the docs' table (a few codes are also given at the other one:
    /// a diagnostic's own ``Diagnostic/severity`` is what counts).
    public var defaultSeverity: Severity {
        switch self {
        case .catchmentNotApplicable, .locationOutsideMorocco, .sameLocation, .populationMismatch, .noServices, .demandWithCare, .refersToDropped, .noDemand, .noOperations: .warning
        default: .error
        }
    }
}
