/// The stable code of a ``Diagnostic``, printed in brackets (`[unknown-key]`) and as `code` in JSON.
///
/// Every code the network loader and validator emit is in `Docs/network-format.md` ("Diagnostics");
/// the scenario loader (module LoadSimulation) emits some of them too, and the codes of its own, listed
/// last here, are in `Docs/scenarios.md` ("Diagnostic codes").
public enum DiagnosticCode: String, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible {
    // Reading and parsing.
    /// The file cannot be read, is not UTF-8 text, or is too large.
    case fileUnreadable = "file-unreadable"
    /// The YAML does not parse.
    case yamlSyntax = "yaml-syntax"
    /// Aliases expand past the node budget, or nesting is too deep.
    case tooComplex = "too-complex"
    /// A missing or unsupported `schema:`.
    case schema
    /// The same key twice in one mapping.
    case duplicateKey = "duplicate-key"

    // Structure: keys, types, values.
    /// A key the format does not have.
    case unknownKey = "unknown-key"
    /// A required key is absent.
    case missingKey = "missing-key"
    /// A value of the wrong type (a list where a mapping is expected, text where a number is...).
    case wrongType = "wrong-type"
    /// A value outside its set (tier, sector, distribution...).
    case invalidValue = "invalid-value"
    /// A number out of its range.
    case outOfRange = "out-of-range"
    /// An id that is not lowercase kebab-case.
    case invalidID = "invalid-id"

    // Meaning: ids, references, the referral chain.
    /// Two regions, provinces or facilities with the same id.
    case duplicateID = "duplicate-id"
    /// An id that names nothing.
    case unknownReference = "unknown-reference"
    /// A facility's province is not in its region.
    case provinceRegionMismatch = "province-region-mismatch"
    /// Visit keys on a stay service, or stay keys on a visit.
    case serviceKind = "service-kind"
    /// An excluded service offered as covered (X1).
    case excludedServiceCovered = "excluded-service-covered"
    /// A referral target that is not exactly one level up (P2-P4).
    case referralLevel = "referral-level"
    /// A referral target in another region (P2, P3).
    case referralRegion = "referral-region"
    /// A private facility as a referral target (X3).
    case referralPrivate = "referral-private"
    /// A facility abroad as a referral target (X2).
    case referralAbroad = "referral-abroad"
    /// A region with no public regional hospital (P3).
    case regionWithoutRegionalHospital = "region-without-regional-hospital"
    /// A region with no public CHU of its own and no valid `chu:` (P4).
    case regionWithoutCHU = "region-without-chu"
    /// A public health centre that reaches no regional hospital or CHU (P2-P4).
    case brokenChain = "broken-chain"
    /// The network's demand adds up to more arrivals a day than the simulation runs.
    case demandTooLarge = "demand-too-large"
    /// An opening-hours timetable that cannot be read: an interval that ends before it starts or past
    /// the end of the day, intervals that overlap, a shift of 0 servers, an unknown timetable name.
    case invalidHours = "invalid-hours"
    /// An arrival profile that cannot be used: a negative weight, the wrong number of weights, or
    /// weights that are zero at every hour of the week.
    case invalidProfile = "invalid-profile"
    /// A service with demand offered at a station whose hours never open it on any weekday.
    case neverOpen = "never-open"

    // Warnings.
    /// `catchment` on a facility that is not a health centre.
    case catchmentNotApplicable = "catchment-not-applicable"
    /// A facility in Morocco outside Morocco's extent.
    case locationOutsideMorocco = "location-outside-morocco"
    /// Two facilities with different ids at the same location.
    case sameLocation = "same-location"
    /// A region's population differs from the sum of its provinces'.
    case populationMismatch = "population-mismatch"
    /// A public facility that offers no service.
    case noServices = "no-services"
    /// Demand for a service given with the care of the facility that treats (B8, B10): no pathway
    /// leads to it, so its patients would be counted unavailable.
    case demandWithCare = "demand-with-care"

    // The scenario loader's own codes (Docs/scenarios.md).
    /// Two entries of a scenario that contradict each other.
    case conflict
    /// A scenario entry names a facility the scenario closes.
    case closedFacility = "closed-facility"
    /// A closed CHU leaves regions without a CHU (P4).
    case closedCHUUnassigned = "closed-chu-unassigned"
    /// A scenario changes a service the facility does not offer.
    case serviceNotOffered = "service-not-offered"
    /// Facilities (`refers-to`) or provinces (`regional-hospital`, `chu`) referred to a closed one.
    case refersToDropped = "refers-to-dropped"
    /// A scenario scales a service the network has no demand for.
    case noDemand = "no-demand"
    /// A scenario that changes nothing.
    case noOperations = "no-operations"
    /// A scenario's `network:` names another network than the one it is applied to.
    case networkMismatch = "network-mismatch"
    /// The network file a scenario's `network:` names does not exist.
    case networkNotFound = "network-not-found"

    /// The code as printed: `unknown-key`.
    public var description: String { rawValue }
}
