import CareNetwork

/// One step of a ``Pathway``: the patient arrives at (or is treated at) a facility because of a rule.
public struct PathwayStep: Hashable, Sendable {
    /// What happens at the step.
    public enum Action: String, Hashable, Sendable, CaseIterable {
        /// P1: the health centre on the card.
        case firstContact = "first-contact"
        /// P2-P4: referred one level up.
        case referral
        /// P0: straight to the nearest hospital with an emergency service.
        case emergency
        /// P5: the facility reached provides the service; the pathway ends.
        case treatment

        /// What the step is called in French, Arabic and English (`carepath route` prints it).
        public var name: LocalizedName {
            switch self {
            case .firstContact: LocalizedName(fr: "premier contact", ar: "الاتصال الأول", en: "first contact")
            case .referral: LocalizedName(fr: "référence", ar: "إحالة", en: "referral")
            case .emergency: LocalizedName(fr: "urgence", ar: "المستعجلات", en: "emergency")
            case .treatment: LocalizedName(fr: "prise en charge", ar: "العلاج", en: "treatment")
            }
        }
    }

    /// Where.
    public let facility: FacilityID
    /// What.
    public let action: Action
    /// Why: P0-P5.
    public let rule: RuleID
    /// Great-circle kilometres from the previous step (from the patient's location for the first step
    /// when the patient entered by location; 0 for a treatment step).
    public let distanceKm: Double

    /// A step to `facility` doing `action` because of `rule`, `distanceKm` from the previous step.
    init(facility: FacilityID, action: Action, rule: RuleID, distanceKm: Double) {
        self.facility = facility
        self.action = action
        self.rule = rule
        self.distanceKm = distanceKm
    }
}
