import CarePathSupport
import CareNetwork
import LoadSimulation

extension ResultDocument {
    /// What a run was, beyond its configuration: the CarePath version, the network file and the
    /// scenario applied to it.
    public struct Run: Sendable, Hashable {
        public var version: String
        public var network: FileReference
        public var scenario: ScenarioReference?

        public init(version: String, network: FileReference, scenario: ScenarioReference? = nil) {
            self.version = version
            self.network = network
            self.scenario = scenario
        }
    }

    /// How the random streams are drawn, as result.json states it.
    public static let generatorDescription = "xoshiro256** per health centre, seeded by SplitMix64 from (seed, replication, centre id); SplitMix64 per patient"

    /// The document of `result`, simulated on `model` built from `network`.
    public init(network: CareNetwork, model: SimulationModel, result: SimulationResult, run: Run) {
        let c = result.configuration
        let measuredDays = max(c.days - c.warmupDays, 1e-9)
        func estimate(_ e: LoadSimulation.Estimate) -> Estimate { Estimate(mean: e.mean, ci95: e.halfWidth) }
        func key(_ facility: Int32) -> String { network.facilities[Int(facility)].key }

        schema = Self.currentSchema
        carepath = run.version
        self.network = run.network
        scenario = run.scenario
        configuration = Configuration(days: c.days, warmupDays: c.warmupDays, replications: c.replications, seed: String(c.seed),
                                      generator: Self.generatorDescription, queueLimits: model.queueCapacity.contains { $0 != Int32.max })
        accounting = Accounting(arrived: result.arrived, completed: result.completed, inSystem: result.inSystem, notCovered: result.notCovered,
                                unavailable: result.unavailable, turnedAway: result.turnedAway, balanced: result.isBalanced)
        stationVisits = result.stationVisits
        events = result.events
        let check = result.warmUpCheck
        daily = Daily(file: ResultFiles.daily, inSystemAtEndOfDay: result.inSystemAtEndOfDay.map(estimate),
                      warmUpCheck: .init(verdict: check.verdict, atEndOfWarmUp: check.atEndOfWarmUp,
                                         measuredMean: check.measuredMean, quarterMeans: check.quarterMeans))

        stations = result.stations.map { s in
            let facility = network.facilities[Int(model.stationFacility[s.station])]
            let service = network.catalog[ServiceID(Int(model.stationService[s.station]))]
            return Station(
                facility: facility.key, tier: facility.tier, service: service.key, kind: service.kind,
                servers: Int(model.servers[s.station]), arrivals: estimate(s.arrivals), served: estimate(s.served),
                utilisation: estimate(s.utilisation), meanWaitMinutes: estimate(s.meanWait),
                waitMinutesP50: s.waitP50, waitMinutesP90: s.waitP90, waitMinutesP99: s.waitP99,
                maxQueue: s.maxQueue, turnedAway: estimate(s.turnedAway),
                perReplication: .init(utilisation: result.replications.map { $0.utilisation[s.station] },
                                      meanWaitMinutes: result.replications.map { $0.meanWait[s.station] }))
        }

        // Per facility, in the network's order: its busiest station and its arrivals.
        var busiest: [Int: (utilisation: Double, arrivals: Double)] = [:]
        for s in result.stations {
            let facility = Int(model.stationFacility[s.station])
            let current = busiest[facility] ?? (0, 0)
            busiest[facility] = (max(current.utilisation, s.utilisation.mean), current.arrivals + s.arrivals.mean)
        }
        facilities = busiest.keys.sorted().map { index in
            let facility = network.facilities[index]
            return FacilityLoad(facility: facility.key, name: Name(fr: facility.name.fr, ar: facility.name.ar), tier: facility.tier,
                                region: facility.region.map { network.regions[$0.index].key },
                                province: facility.province.map { network.provinces[$0.index].key },
                                busiestUtilisation: busiest[index]!.utilisation, arrivals: busiest[index]!.arrivals)
        }

        links = model.links.indices.map { l in
            Link(from: key(model.links[l].from), to: key(model.links[l].to), flow: estimate(result.linkFlow[l]))
        }

        // Refused patients per service and outcome, mean per replication.
        var refused: [String: (service: String, outcome: String, patients: Double)] = [:]
        let replications = Double(max(result.replications.count, 1))
        for replication in result.replications {
            for (route, count) in replication.routeRejected.enumerated() where count > 0 {
                let service = network.catalog[ServiceID(Int(model.routeService[route]))].key
                let outcome = model.routeOutcome[route].name
                refused[service + "#" + outcome, default: (service, outcome, 0)].patients += Double(count) / replications
            }
        }
        rejected = refused.keys.sorted().map { Rejection(service: refused[$0]!.service, outcome: refused[$0]!.outcome, patients: refused[$0]!.patients) }

        load = LoadSummary(
            unit: "patients/day",
            utilisation: Dictionary(uniqueKeysWithValues: facilities.map { ($0.facility, $0.busiestUtilisation) }),
            flows: model.links.indices.filter { result.linkFlow[$0].mean > 0 }.map { l in
                .init(from: key(model.links[l].from), to: key(model.links[l].to), patients: result.linkFlow[l].mean / measuredDays)
            })
        pathways = PathwaysReference(file: ResultFiles.pathways, routes: result.routeLoads(model: model).count)
    }
}
