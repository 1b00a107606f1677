import CarePathSupport
import CareNetwork
import Referral

extension SimulationModel {
    /// The model of a network: one station per (facility, service) offered and covered; one
    /// source per public health centre, its rate the catchment times the demand's annual visits per
    /// person (over 525,600 minutes a year), split into emergencies (P0) by the emergency share; one
    /// route per (health centre, service, emergency), from the router's precomputed ``RoutingTable``.
    ///
    /// On the way to the treating facility, a patient is seen at each facility it passes through:
    /// at its emergency service for an emergency, else its general consultation (health centre) or
    /// specialist consultation (hospital), where the facility offers it; that is the consultation that
    /// refers the patient on. A facility without one is passed through: its referral link still counts.
    /// An emergency whose service no facility on its chain provides is treated at the P0 hospital's
    /// emergency service (B4: emergency examination). After treatment, the tier's referral rate sends that share up the
    /// chain to the first facility offering the demand's `referred-as` service, one level at a time (P5), seen at the
    /// specialist consultation of each level in between.
    ///
    /// `demandScale` (a scenario's `demand:` changes) multiplies each health centre's annual visits
    /// for a service by the factor of its region and that service; nil leaves the demand as it is.
    public init(network: CareNetwork, table: RoutingTable, demandScale: DemandScale? = nil) {
        self = Builder(network: network, table: table, demandScale: demandScale).build()
    }

    /// Minutes in a (365-day) year: annual rates become per-minute rates.
    public static let minutesPerYear = 525_600.0
}

extension SimulationModel.Builder {
    /// The arrays of a network's model (``SimulationModel/init(network:table:demandScale:)``), for a
    /// scenario to bound queues in before it is built.
    init(network: CareNetwork, table: RoutingTable, demandScale: DemandScale?) {
        self.init()
        arrivalProfiles = network.demand.arrivalProfiles
        calendar = network.calendar
        let catalog = network.catalog
        let generalConsultation = catalog.id(forKey: "general-consultation")
        let specialistConsultation = catalog.id(forKey: "specialist-consultation")
        let emergencyCare = catalog.id(forKey: "emergency-care")

        // Stations: one per covered service offered at a facility on the RAMED pathway.
        var stationOf = [Int32](repeating: -1, count: network.facilities.count * catalog.count)
        for facility in network.facilities where facility.isOnRAMEDPathway {
            for capacity in facility.services where capacity.covered {
                let id = addStation(servers: capacity.servers, serviceTime: capacity.timeInMinutes,
                                    facility: facility.id.index, service: capacity.service.index, hours: capacity.hours)
                stationOf[facility.id.index * catalog.count + capacity.service.index] = Int32(id)
            }
        }
        func station(_ facility: Int, _ service: ServiceID?) -> Int32 {
            guard let service else { return -1 }
            return stationOf[facility * catalog.count + service.index]
        }
        var linkIndex: [Int: Int32] = [:]
        func link(_ from: Int, _ to: Int) -> Int32 {
            if from == to { return -1 }
            let key = from * network.facilities.count + to
            if let existing = linkIndex[key] { return existing }
            let added = Int32(addLink(from: from, to: to))
            linkIndex[key] = added
            return added
        }

        // Referral rates: after treatment, up the chain to the first facility offering `referred-as`,
        // one level at a time (P5: a step may not skip a level): the patient is seen at the referring
        // consultation of each level in between, or passes through a level without one. The chain is
        // that of the patients of the station's own province (its `regional-hospital:` and `chu:`
        // where it names them): a station's referred patients are mostly of the province it serves.
        for s in 0..<stationCount {
            let facility = network.facilities[Int(stationFacility[s])]
            let rate = network.demand.referralRate(at: facility.tier)
            guard rate > 0 else { continue }
            let wanted = network.demand[ServiceID(Int(stationService[s]))].referredAs
            var climbed: [FacilityID] = []
            var next = network.nextLevel(from: facility.id, forPatientsOf: facility.province)
            while let candidate = next, climbed.count < 8 {
                climbed.append(candidate)
                let target = station(candidate.index, wanted)
                if target >= 0 {
                    var stations: [Int] = [], links: [Int] = [], facilities: [Int] = []
                    var previous = facility.id.index
                    for (position, level) in climbed.enumerated() {
                        let isLast = position == climbed.count - 1
                        stations.append(Int(isLast ? target : station(level.index, specialistConsultation)))
                        links.append(Int(link(previous, level.index)))
                        facilities.append(level.index)
                        previous = level.index
                    }
                    let route = addRoute(stations, links: links, facilities: facilities, service: Int(stationService[s]))
                    refer(s, rate: rate, to: Int(target), link: links[0], route: route)
                    break
                }
                next = network.nextLevel(from: candidate, forPatientsOf: facility.province)
            }
        }

        // Routes and sources.
        for (slot, centre) in table.healthCentres.enumerated() {
            let catchment = Double(network[centre].catchment)
            let region = network[centre].region
            var entries: [(route: Int, emergency: Bool, weight: Double)] = []
            var entryProfiles: [Int] = []
            var total = 0.0
            for service in 0..<catalog.count {
                let demand = network.demand[ServiceID(service)]
                let annual = catchment * demand.visitsPerPerson * (demandScale?.factor(region: region, service: ServiceID(service)) ?? 1)
                guard annual > 0 else { continue }
                for emergency in [false, true] {
                    let weight = annual * (emergency ? demand.emergencyShare : 1 - demand.emergencyShare)
                    guard weight > 0 else { continue }
                    let entry = table.entry(slot: slot, service: ServiceID(service), emergency: emergency)
                    var treated = table.treatingFacility(entry: entry)
                    var visits = Array(table.visited(entry: entry))
                    // An emergency whose service no facility on its chain provides is examined and
                    // treated at the P0 hospital's emergency service (B4).
                    if emergency, treated == RoutingTable.unavailable, let first = visits.first, station(Int(first), emergencyCare) >= 0 {
                        treated = first
                        visits = [first]
                    }
                    var stations: [Int] = [], links: [Int] = [], facilities: [Int] = []
                    var outcome: RouteOutcome = treated == RoutingTable.notCovered ? .notCovered : treated == RoutingTable.unavailable ? .unavailable : .treated
                    if outcome == .treated {
                        var previous = -1
                        for (position, facility) in visits.enumerated() {
                            let isLast = position == visits.count - 1
                            var target: Int32
                            if isLast {
                                target = station(Int(facility), ServiceID(service))
                                if target < 0, emergency { target = station(Int(facility), emergencyCare) }
                            } else {
                                // The consultation that refers the patient on (emergency care under P0);
                                // a facility without one is passed through (-1) and only its link counts.
                                let level = network.facilities[Int(facility)].tier.level
                                let triage = emergency ? emergencyCare : (level == 1 ? generalConsultation : specialistConsultation)
                                target = station(Int(facility), triage)
                            }
                            links.append(previous >= 0 ? Int(link(previous, Int(facility))) : -1)
                            stations.append(Int(target))
                            facilities.append(Int(facility))
                            previous = Int(facility)
                        }
                        if stations.last.map({ $0 < 0 }) ?? true || Int32(visits.last ?? -1) != treated { outcome = .unavailable }
                    }
                    let treats = outcome == .treated
                    let route = addRoute(treats ? stations : [], links: treats ? links : [], outcome: outcome,
                                         facilities: treats ? facilities : [], origin: centre.index, service: service, emergency: emergency)
                    entries.append((route, emergency, weight))
                    entryProfiles.append((emergency ? demand.emergencyArrivalProfile : demand.arrivalProfile) ?? -1)
                    total += weight
                }
            }
            // The health centre's own arrival stream is keyed by its id, not its position: a scenario that
            // adds or removes facilities leaves every other centre's arrivals as they were.
            // One source per arrival profile its entries follow: the entries of a profile share its
            // shape, so each source's marks stay independent of time. The constant-rate source keeps the
            // centre's own stream; a profile's source has a stream keyed by the centre and the profile.
            let groups = entryProfiles.reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
            if groups.count <= 1 {
                let profile = groups.first ?? -1
                addSource(ratePerMinute: total / SimulationModel.minutesPerYear, entries: entries, facility: centre.index,
                          streamKey: Self.streamKey(network[centre].key, profile: profile < 0 ? nil : arrivalProfiles[profile].id),
                          profile: profile < 0 ? nil : profile)
            } else {
                for profile in groups {
                    let own = entries.indices.filter { entryProfiles[$0] == profile }.map { entries[$0] }
                    addSource(ratePerMinute: own.reduce(0) { $0 + $1.weight } / SimulationModel.minutesPerYear, entries: own, facility: centre.index,
                              streamKey: Self.streamKey(network[centre].key, profile: profile < 0 ? nil : arrivalProfiles[profile].id),
                              profile: profile < 0 ? nil : profile)
                }
            }
        }
    }

    /// The key of a health centre's arrival stream: FNV-1a (64-bit) of its id; for the arrivals that
    /// follow an arrival profile, of its id, `#` and the profile's id.
    static func streamKey(_ id: String, profile: String? = nil) -> UInt64 {
        var hash = FNV1a64()
        hash.combine(id.utf8)
        if let profile {
            hash.combine("#".utf8)
            hash.combine(profile.utf8)
        }
        return hash.value
    }
}
