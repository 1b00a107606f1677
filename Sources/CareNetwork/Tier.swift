/// The level of a facility in the mandatory referral chain (Docs/rules-reference.md, the facility tiers).
///
/// A health centre is level 1 (first contact, P1); local, provincial and specialised hospitals are
/// level 2 (P2); the regional hospital is level 3 (P3); the university hospital (CHU) is level 4 (P4).
public enum Tier: String, CaseIterable, Sendable, Hashable, Codable {
    case healthCentre = "health-centre"
    case localHospital = "local-hospital"
    case provincialHospital = "provincial-hospital"
    case specialisedHospital = "specialised-hospital"
    case regionalHospital = "regional-hospital"
    case universityHospital = "university-hospital"

    /// The level in the chain: 1 for health centres up to 4 for CHUs.
    public var level: Int {
        switch self {
        case .healthCentre: 1
        case .localHospital, .provincialHospital, .specialisedHospital: 2
        case .regionalHospital: 3
        case .universityHospital: 4
        }
    }

    /// Whether this tier is a hospital (every tier but the health centre).
    public var isHospital: Bool { self != .healthCentre }

    /// The rule that brings a patient *to* a facility of this tier along the chain:
    /// P1 for a health centre, P2 for level 2, P3 for the regional hospital, P4 for the CHU.
    public var arrivalRule: RuleID {
        // Every tier's level is 1...4, each the arrival level of one chain rule.
        RuleID(arrivalAtLevel: level)!
    }

    /// The tier's names in French, Arabic and English (the tier table of Docs/rules-reference.md).
    public var name: LocalizedName {
        switch self {
        case .healthCentre:
            LocalizedName(fr: "centre de santé", ar: "المركز الصحي", en: "health centre")
        case .localHospital:
            LocalizedName(fr: "hôpital local", ar: "المستشفى المحلي", en: "local hospital")
        case .provincialHospital:
            LocalizedName(fr: "centre hospitalier provincial", ar: "المستشفى الإقليمي", en: "provincial hospital")
        case .specialisedHospital:
            LocalizedName(fr: "hôpital spécialisé", ar: "المستشفى المتخصص", en: "specialised hospital")
        case .regionalHospital:
            LocalizedName(fr: "centre hospitalier régional", ar: "المستشفى الجهوي", en: "regional hospital")
        case .universityHospital:
            LocalizedName(fr: "centre hospitalier universitaire", ar: "المستشفى الجامعي", en: "university hospital")
        }
    }

    /// Tiers of a given level, in declaration order.
    public static func tiers(atLevel level: Int) -> [Tier] { allCases.filter { $0.level == level } }
}

/// Who runs a facility. Only public facilities are part of a RAMED pathway (X3).
public enum Sector: String, CaseIterable, Sendable, Hashable, Codable {
    case `public`
    case `private`
}
