import CareNetwork
import CareRules

/// Computes a patient's ``Pathway`` through a network: the mandatory chain P1-P5, the emergency bypass
/// P0, and the coverage checks X1-X3, C2 and C5.
///
/// Non-emergency: the health centre (P1); if it does not provide the service, P2 as ``P2Reading``
/// says (by default: the centre's default P2 when it offers the service, else the nearest public
/// level-2 hospital of the region offering it unless the default chain treats nearer, else the
/// default P2); then that hospital's regional hospital (P3) and its CHU (P4, in another region where
/// the region has none), or the ones the patient's province names, stopping at the first facility
/// that provides the service (P5). Emergency: the nearest public
/// hospital with an emergency service (P0), then up the chain from there. Never skips a level except
/// under P0, and never leaves the public sector or Morocco (the network's chain guarantees it).
public struct ReferralRouter: Sendable {
    /// The network routed through.
    public let network: CareNetwork
    /// The basket the coverage checks use.
    public let basket: Basket
    /// Public hospitals in Morocco with an emergency service (P0 targets), in id order.
    let emergencyHospitals: [FacilityID]
    /// Public health centres in Morocco (P1 by location), in id order.
    let healthCentres: [FacilityID]
    /// Per facility index: the nearest P0 target from a public health centre (-1 for other facilities),
    /// and its distance. Precomputed so that routing from a health centre computes no distance.
    let nearestEmergency: [Int32]
    let nearestEmergencyKm: [Double]
    /// Per facility index: the region's public level-2 hospitals by distance from that health centre
    /// (`levelTwoOrder[levelTwoOffsets[i] ..< levelTwoOffsets[i + 1]]`; empty for other facilities).
    let levelTwoOffsets: [Int32]
    let levelTwoOrder: [Int32]

    /// How P2 picks the hospital a health centre refers to for a service it does not offer itself.
    public enum P2Reading: String, Sendable, CaseIterable {
        /// The project's reading (Docs/routing.md): the default P2 (`refers-to`, else the nearest) when
        /// it offers the service; else the nearest level-2 hospital of the region offering it, unless
        /// the default chain's facility that would treat is nearer along the chain; else the default P2.
        case chain
        /// The reading before it, kept to measure the difference: the nearest level-2 hospital of the
        /// region that offers the service, else the default P2.
        case offering
    }

    /// The P2 reading this router applies.
    public let p2Reading: P2Reading

    /// A router over `network`, checking coverage with `basket` (by default the basket over the network's catalogue);
    /// precomputes each health centre's nearest emergency hospital and its region's level-2 hospitals by distance.
    public init(network: CareNetwork, basket: Basket? = nil, p2Reading: P2Reading = .chain) {
        self.p2Reading = p2Reading
        self.network = network
        self.basket = basket ?? Basket(catalog: network.catalog)
        let levelTwoByRegion = network.regions.map { network.publicFacilities(in: $0.id, level: 2) }
        let emergencyHospitals = Array(network.emergencyHospitals)
        self.emergencyHospitals = emergencyHospitals
        self.healthCentres = Array(network.healthCentres)
        var nearest = [Int32](repeating: -1, count: network.facilities.count)
        var nearestKm = [Double](repeating: 0, count: network.facilities.count)
        var offsets: [Int32] = [0], order: [Int32] = []
        let emergencyIndex = NearestIndex(network, emergencyHospitals)
        for facility in network.facilities {
            if facility.tier == .healthCentre, facility.isOnRAMEDPathway, let region = facility.region {
                if let (hospital, km) = emergencyIndex.nearest(to: facility.location) {
                    nearest[facility.id.index] = Int32(hospital.index)
                    nearestKm[facility.id.index] = km
                }
                let sorted = levelTwoByRegion[region.index]
                    .map { ($0, network.distanceKm(facility.id, $0)) }
                    .sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
                order.append(contentsOf: sorted.map { Int32($0.0.index) })
            }
            offsets.append(Int32(order.count))
        }
        self.nearestEmergency = nearest
        self.nearestEmergencyKm = nearestKm
        self.levelTwoOffsets = offsets
        self.levelTwoOrder = order
    }

    /// The pathway of one patient. Throws only when the request cannot start (see ``ReferralError``).
    public func route(_ request: ReferralRequest) throws(ReferralError) -> Pathway {
        let trace = try self.trace(request)
        return Pathway(outcome: trace.outcome, rule: trace.rule, steps: trace.steps, reason: reason(for: trace, request))
    }

    /// The nearest public health centre in Morocco to a point (P1 by location), with its distance.
    public func nearestHealthCentre(to point: GeoPoint) -> (FacilityID, Double)? {
        nearest(to: point, among: healthCentres)
    }

    /// The nearest public hospital in Morocco with an emergency service to a point (P0), with its distance.
    public func nearestEmergencyHospital(to point: GeoPoint) -> (FacilityID, Double)? {
        nearest(to: point, among: emergencyHospitals)
    }

    // MARK: - The route itself, without the reason text (the routing table's hot path)

    /// What ``route(_:)`` computes before writing its reason.
    struct Trace {
        var outcome: Pathway.Outcome
        var rule: RuleID?
        var steps: [PathwayStep]
        /// The entry health centre when the request named one or the location resolved to one.
        var entry: FacilityID?
        /// The exclusion or validity text when not covered.
        var notCoveredReason: String?
    }

    func trace(_ request: ReferralRequest) throws(ReferralError) -> Trace {
        let service = network.catalog.services[request.service.index]
        var steps: [PathwayStep] = []
        steps.reserveCapacity(6)

        // Where the patient is, and the health centre on the card (P1).
        let centre: FacilityID, point: GeoPoint, firstKm: Double
        switch request.entry {
        case .healthCentre(let id):
            let facility = network[id]
            guard facility.tier == .healthCentre else { throw .notAHealthCentre(key: facility.key, tier: facility.tier) }
            (centre, point, firstKm) = (id, facility.location, 0)
        case .location(let location):
            guard let (id, km) = nearestHealthCentre(to: location) else { throw .noHealthCentre }
            (centre, point, firstKm) = (id, location, km)
        }

        // X1, X2, X3: coverage of the service where the patient presents (the basket writes a reason,
        // so it is asked only when an exclusion can apply).
        if service.isExcluded || !network[centre].isOnRAMEDPathway {
            let coverage = basket.coverage(service: service, facility: network[centre])
            if !coverage.covered {
                return Trace(outcome: .notCovered, rule: coverage.rule, steps: [], entry: centre, notCoveredReason: coverage.reason)
            }
        }
        // C2, C5, C6: what the card or receipt allows on the day.
        guard request.status.allows(emergency: request.emergency) else {
            let rule = request.status.entitlement == .emergencyOnly ? .c5 : request.status.rule
            let text = request.status.entitlement == .emergencyOnly
                ? request.status.reason + "; this is not an emergency (C5)" : request.status.reason
            return Trace(outcome: .notCovered, rule: rule, steps: [], entry: centre, notCoveredReason: text)
        }

        var current: FacilityID
        if request.emergency {
            // P0: straight to the nearest public hospital with an emergency service.
            let precomputed = nearestEmergency[centre.index]
            let found: (FacilityID, Double)? = switch request.entry {
            case .healthCentre where precomputed >= 0: (FacilityID(Int(precomputed)), nearestEmergencyKm[centre.index])
            default: nearestEmergencyHospital(to: point)
            }
            guard let (hospital, km) = found else {
                return Trace(outcome: .unavailable, rule: nil, steps: [], entry: centre)
            }
            steps.append(PathwayStep(facility: hospital, action: .emergency, rule: .p0, distanceKm: km))
            if network[hospital].offers(request.service) {
                steps.append(PathwayStep(facility: hospital, action: .treatment, rule: .p0, distanceKm: 0))
                return Trace(outcome: .treated(at: hospital), rule: .p0, steps: steps, entry: centre)
            }
            current = hospital
        } else {
            // P1: the health centre on the card.
            steps.append(PathwayStep(facility: centre, action: .firstContact, rule: .p1, distanceKm: firstKm))
            if network[centre].offers(request.service) {
                return treated(at: centre, steps, centre)
            }
            // P2: the default P2 when it offers the service, else the nearest level-2 hospital of the region offering it (see levelTwo).
            guard let p2 = levelTwo(for: centre, offering: request.service) else {
                return Trace(outcome: .unavailable, rule: nil, steps: steps, entry: centre)
            }
            steps.append(PathwayStep(facility: p2, action: .referral, rule: .p2, distanceKm: network.distanceKm(centre, p2)))
            if network[p2].offers(request.service) { return treated(at: p2, steps, centre) }
            current = p2
        }
        // P3, P4: one level up at a time; P5: stop at the first facility that provides the service.
        while let next = network.nextLevel(from: current, forPatientOf: centre) {
            steps.append(PathwayStep(facility: next, action: .referral, rule: network[next].tier.arrivalRule,
                                     distanceKm: network.distanceKm(current, next)))
            if network[next].offers(request.service) { return treated(at: next, steps, centre) }
            current = next
        }
        return Trace(outcome: .unavailable, rule: nil, steps: steps, entry: centre)
    }

    private func treated(at facility: FacilityID, _ steps: [PathwayStep], _ centre: FacilityID) -> Trace {
        var steps = steps
        // P5: the facility reached provides the service; the pathway ends here.
        steps.append(PathwayStep(facility: facility, action: .treatment, rule: .p5, distanceKm: 0))
        return Trace(outcome: .treated(at: facility), rule: .p5, steps: steps, entry: centre)
    }

    /// P2 for a health centre (Docs/routing.md, "The rules as the router applies them"):
    ///
    /// 1. the centre's default P2 (its `refers-to`, else the nearest level-2 hospital of its region)
    ///    when it offers `service`: `refers-to` takes precedence;
    /// 2. else the nearest public level-2 hospital of the region that offers `service`, unless the
    ///    facility of the default chain (P3, P4) that would treat is nearer along the chain (the
    ///    kilometres of its hops from the centre) than that hospital is from the centre: then the
    ///    default P2, and the chain takes the patient there;
    /// 3. else (no level-2 hospital of the region offers it) the default P2.
    func levelTwo(for centre: FacilityID, offering service: ServiceID) -> FacilityID? {
        let fallback = network.nextLevel(from: centre)
        if p2Reading == .chain, let fallback, network[fallback].offers(service) { return fallback }
        // Candidates are presorted by distance from this health centre (ties to the lowest id).
        var offering: FacilityID?
        for position in Int(levelTwoOffsets[centre.index])..<Int(levelTwoOffsets[centre.index + 1]) {
            let candidate = FacilityID(Int(levelTwoOrder[position]))
            if network[candidate].offers(service) { offering = candidate; break }
        }
        guard let offering else { return fallback }
        // The default chain's way to the facility that would treat (P3, else P4), in kilometres travelled.
        if p2Reading == .chain, let chain = network.chain(of: centre) {
            let direct = network.distanceKm(centre, offering)
            if let p3 = chain.p3, network[p3].offers(service) {
                if chain.hopKm.toP2 + chain.hopKm.toP3 < direct { return fallback }
            } else if let p4 = chain.p4, network[p4].offers(service) {
                if chain.hopKm.toP2 + chain.hopKm.toP3 + chain.hopKm.toP4 < direct { return fallback }
            }
        }
        return offering
    }

    /// The nearest candidate (ties to the lowest id).
    func nearest(to point: GeoPoint, among candidates: [FacilityID]) -> (FacilityID, Double)? {
        ReferralRouter.nearest(network, to: point, among: candidates)
    }

    static func nearest(_ network: CareNetwork, to point: GeoPoint, among candidates: [FacilityID]) -> (FacilityID, Double)? {
        var best: (FacilityID, Double)?
        for candidate in candidates {
            let km = point.distanceKm(to: network[candidate].location)
            if best == nil || km < best!.1 { best = (candidate, km) }
        }
        return best
    }

    // MARK: - Reasons

    private func reason(for trace: Trace, _ request: ReferralRequest) -> String {
        let service = network.catalog[request.service].key
        switch trace.outcome {
        case .notCovered:
            return "not covered: " + (trace.notCoveredReason ?? "")
        case .treated(let facility):
            let f = network[facility]
            let route = trace.steps.filter { $0.action != .treatment }.map { "\($0.rule) \(network[$0.facility].key)" }.joined(separator: ", ")
            if trace.rule == .p0 {
                return "emergency (P0): \(f.key) has an emergency service and provides \(service)"
            }
            return "\(f.key) (\(f.tier.rawValue)) provides \(service) (P5); pathway: \(route)"
        case .unavailable:
            if trace.steps.isEmpty {
                return "no public hospital with an emergency service in the network (P0)"
            }
            let tried = trace.steps.map { "\($0.rule) \(network[$0.facility].key) (\(network[$0.facility].tier.rawValue))" }
                .joined(separator: ", ")
            let top = trace.steps.last.map { network[$0.facility] }
            let end = top?.tier == .universityHospital ? "the chain ends at the CHU" : "the chain ends at \(top?.key ?? "?")"
            return "no facility on the chain provides \(service): tried \(tried); \(end)"
        }
    }
}
