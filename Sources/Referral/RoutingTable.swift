import CareNetwork
import CareRules
import Foundation

/// Every public health centre's pathway for every service, emergency or not, precomputed as flat
/// arrays of dense ints, so the simulation routes a patient with a table lookup.
///
/// Layout: entry `e = (slot * serviceCount + service) * 2 + (emergency ? 1 : 0)`, where `slot` is the
/// health centre's position in ``healthCentres`` (``slot(of:)``). For entry `e`:
/// - `visits[offsets[e] ..< offsets[e + 1]]` are the facility indices the patient arrives at, in order
///   (the health centre first for a non-emergency, the P0 hospital first for an emergency);
/// - `treatedAt[e]` is the treating facility's index, or ``unavailable`` or ``notCovered``;
/// - `rules[offsets[e] + k]` is the level rule of visit k: 0 for P0, 1...4 for P1-P4.
///
/// Every pathway is computed for a beneficiary with a valid card (``BeneficiaryStatus/assumedCardholder``
/// by default); a patient whose card or receipt does not allow the care is not covered whatever the
/// table says (check ``BeneficiaryStatus/allows(emergency:)`` first).
public struct RoutingTable: Sendable {
    /// `treatedAt` value: no facility on the chain provides the service.
    public static let unavailable: Int32 = -1
    /// `treatedAt` value: the care is not covered (X1-X3, or the status).
    public static let notCovered: Int32 = -2

    /// The number of services (the catalogue's count).
    public let serviceCount: Int
    /// The routed health centres: the network's public health centres in Morocco, in id order.
    public let healthCentres: [FacilityID]
    /// Per facility index: its slot in ``healthCentres``, or -1.
    public let slotByFacility: [Int32]
    /// Per entry, where its visits start in ``visits``; one more element than there are entries.
    public let offsets: [Int32]
    /// Facility indices visited, every entry's run one after the other.
    public let visits: [Int32]
    /// Per visit: the rule level that brought the patient there (0 = P0, 1...4 = P1-P4).
    public let rules: [UInt8]
    /// Per entry: the treating facility's index, ``unavailable`` or ``notCovered``.
    public let treatedAt: [Int32]

    /// Routes every public health centre of `router`'s network for every service, both ways.
    public init(router: ReferralRouter, status: BeneficiaryStatus = .assumedCardholder) {
        let network = router.network
        let centres = router.healthCentres
        let services = network.catalog.count
        var slots = [Int32](repeating: -1, count: network.facilities.count)
        for (slot, centre) in centres.enumerated() { slots[centre.index] = Int32(slot) }
        var offsets: [Int32] = [0]
        var visits: [Int32] = [], rules: [UInt8] = [], treated: [Int32] = []
        let entries = centres.count * services * 2
        offsets.reserveCapacity(entries + 1)
        treated.reserveCapacity(entries)
        visits.reserveCapacity(entries * 3)
        rules.reserveCapacity(entries * 3)
        for centre in centres {
            for service in 0..<services {
                for emergency in [false, true] {
                    let request = ReferralRequest(entry: .healthCentre(centre), service: ServiceID(service), emergency: emergency, status: status)
                    // Health centres are valid entries by construction: the trace cannot throw here.
                    guard let trace = try? router.trace(request) else {
                        treated.append(RoutingTable.unavailable)
                        offsets.append(Int32(visits.count))
                        continue
                    }
                    for step in trace.steps where step.action != .treatment {
                        visits.append(Int32(step.facility.index))
                        rules.append(RoutingTable.ruleCode(step.rule))
                    }
                    switch trace.outcome {
                    case .treated(let at): treated.append(Int32(at.index))
                    case .notCovered: treated.append(RoutingTable.notCovered)
                    case .unavailable: treated.append(RoutingTable.unavailable)
                    }
                    offsets.append(Int32(visits.count))
                }
            }
        }
        self.init(serviceCount: services, healthCentres: centres, slotByFacility: slots, offsets: offsets,
                  visits: visits, rules: rules, treatedAt: treated)
    }

    /// A table from its arrays as they are; debug builds check its invariants (``checkInvariants()``).
    init(serviceCount: Int, healthCentres: [FacilityID], slotByFacility: [Int32], offsets: [Int32],
         visits: [Int32], rules: [UInt8], treatedAt: [Int32]) {
        self.serviceCount = serviceCount
        self.healthCentres = healthCentres
        self.slotByFacility = slotByFacility
        self.offsets = offsets
        self.visits = visits
        self.rules = rules
        self.treatedAt = treatedAt
        checkInvariants()
    }

    /// The ``rules`` code of the rule of a step that arrives at a facility: 0 for P0, the chain level
    /// for P1-P4 (``RuleID/arrivalLevel``).
    static func ruleCode(_ rule: RuleID) -> UInt8 {
        if rule == .p0 { return 0 }
        // Only P0-P4 bring a patient to a facility; P5 is a treatment step, never a visit.
        guard let level = rule.arrivalLevel else { preconditionFailure("\(rule) brings no patient to a facility") }
        return UInt8(level)
    }

    /// The rule of a ``rules`` code: P0 for 0, P1-P4 for 1...4; nil for any other code.
    static func rule(code: UInt8) -> RuleID? {
        code == 0 ? .p0 : RuleID(arrivalAtLevel: Int(code))
    }

    /// The number of entries (health centres × services × 2).
    public var entryCount: Int { treatedAt.count }

    /// The slot of a health centre, or nil when it is not a routed (public, Moroccan) health centre.
    @inlinable
    public func slot(of healthCentre: FacilityID) -> Int? {
        let slot = slotByFacility[healthCentre.index]
        return slot >= 0 ? Int(slot) : nil
    }

    /// The entry index for a health-centre slot, a service and the emergency flag.
    @inlinable
    public func entry(slot: Int, service: ServiceID, emergency: Bool) -> Int {
        (slot * serviceCount + service.index) * 2 + (emergency ? 1 : 0)
    }

    /// The treating facility index of an entry, or ``unavailable`` / ``notCovered``.
    @inlinable
    public func treatingFacility(entry: Int) -> Int32 { treatedAt[entry] }

    /// The facility indices an entry's patient arrives at, in order.
    @inlinable
    public func visited(entry: Int) -> ArraySlice<Int32> {
        visits[Int(offsets[entry])..<Int(offsets[entry + 1])]
    }
}
