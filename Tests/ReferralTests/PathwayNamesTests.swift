import CareNetwork
import Testing
@testable import Referral

/// The names of the typed values a pathway is made of, as `carepath route` prints them.
@Suite("Pathway step and outcome names")
struct PathwayNamesTests {
    @Test("every step action is named in French, Arabic and English", arguments: PathwayStep.Action.allCases)
    func actionNames(action: PathwayStep.Action) {
        let name = action.name
        #expect(!name.fr.isEmpty && !name.ar.isEmpty && name.en?.isEmpty == false)
        #expect(Set(Language.allCases.map { name.text(in: $0) }).count == 3)
    }

    @Test("P1-P5 steps read as the route command prints them")
    func actionWords() {
        #expect(PathwayStep.Action.firstContact.name.text(in: .fr) == "premier contact")
        #expect(PathwayStep.Action.referral.name.text(in: .ar) == "إحالة")
        #expect(PathwayStep.Action.emergency.name.text(in: .fr) == "urgence")
        #expect(PathwayStep.Action.treatment.name.text(in: .en) == "treatment")
    }

    @Test("an outcome's kind keeps its JSON name and has words in each language")
    func outcomeKinds() {
        let outcomes: [Pathway.Outcome] = [.treated(at: FacilityID(3)), .notCovered, .unavailable]
        #expect(outcomes.map(\.kind) == Pathway.Outcome.Kind.allCases)
        #expect(outcomes.map(\.name) == ["treated", "not-covered", "unavailable"])
        #expect(Pathway.Outcome.Kind.notCovered.name.text(in: .en) == "not covered")
        #expect(Pathway.Outcome.Kind.unavailable.name.text(in: .fr) == "indisponible")
        for kind in Pathway.Outcome.Kind.allCases {
            #expect(Set(Language.allCases.map { kind.name.text(in: $0) }).count == 3, "\(kind)")
        }
    }
}
