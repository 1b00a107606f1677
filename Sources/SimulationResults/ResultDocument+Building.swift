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
        func perDay(_ e: LoadSimulation.Estimate) -> Estimate { Estimate(mean: e.mean / measuredDays, ci95: e.halfWidth / measuredDays) }
        func key(_ facility: Int32) -> String { network.facilities[Int(facility)].key }

        schema = Self.currentSchema
        carepath = run.version
        self.network = run.network
        scenario = run.scenario
        configuration = Configuration(days: c.days, warmupDays: c.warmupDays, replications: c.replications, seed: String(c.seed),
                                      generator: Self.generatorDescription, start: result.timed ? c.start.description : nil,
                                      queueLimits: model.queueCapacity.contains { $0 != Int32.max })
        accounting = Accounting(arrived: result.arrived, completed: result.completed, inSystem: result.inSystem, notCovered: result.notCovered,
                                unavailable: result.unavailable, turnedAway: result.turnedAway, balanced: result.isBalanced)
        stationVisits = result.stationVisits
        events = result.events
        let check = result.warmUpCheck
        daily = Daily(file: ResultFiles.daily, inSystemAtEndOfDay: result.inSystemAtEndOfDay.map(estimate),
                      warmUpCheck: .init(verdict: check.verdict, atEndOfWarmUp: check.atEndOfWarmUp,
                                         measuredMean: check.measuredMean, quarterMeans: check.quarterMeans,
                                         demandAdjusted: check.demandAdjusted ? true : nil, weekAveraged: check.weekAveraged ? true : nil))

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
                                      meanWaitMinutes: result.replications.map { $0.meanWait[s.station] }),
                hours: model.stationHours[s.station]?.summary,
                utilisationOpenHours: model.stationHours[s.station] == nil ? nil : estimate(s.utilisationOpenHours),
                overtimeMinutesPerDay: model.stationHours[s.station] == nil ? nil : perDay(s.overtimeMinutes),
                carriedOverPerDay: model.stationHours[s.station] == nil ? nil : perDay(s.carriedOver),
                peakHour: Self.peakHour(s.hourly))
        }
        hourly = result.timed ? Self.hourly(network: network, model: model, result: result) : nil

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

    /// The peak hour: the hour of the day whose arrivals wait most in all (their number times their
    /// mean wait), nil when nobody waited. Not the hour of the longest mean wait, which at a station
    /// that closes is the one whose few late arrivals wait for the next morning.
    static func peakHour(_ hourly: [HourlyStatistics]) -> PeakHour? {
        guard hourly.count >= 24,
              let peak = hourOfMostWaiting(started: hourly.prefix(24).map(\.startedPerDay), meanWait: hourly.prefix(24).map(\.meanWait)) else { return nil }
        return PeakHour(hour: peak, arrivalsPerDay: hourly[peak].arrivalsPerDay ?? 0, meanWaitMinutes: hourly[peak].meanWait, waitMinutesP90: hourly[peak].waitP90)
    }

    /// The hour (index) whose patients waited most in all, `started[h] × meanWait[h]`, the first of
    /// equals; nil when nobody waited. The rule of a station's ``PeakHour`` and of a tier's peak.
    static func hourOfMostWaiting(started: [Double], meanWait: [Double]) -> Int? {
        func total(_ h: Int) -> Double { started[h] * meanWait[h] }
        guard let peak = started.indices.max(by: { total($0) < total($1) }), total(peak) > 0 else { return nil }
        return peak
    }

    /// The network by hour: the census, and each tier's stations together by the hour of arrival.
    /// The peak of a tier is its hour of most waiting in all (``peakHour(_:)``).
    static func hourly(network: CareNetwork, model: SimulationModel, result: SimulationResult) -> Hourly {
        let records = result.replications.map(\.hourlyWaits)
        let measuredDays = max(result.configuration.days - result.configuration.warmupDays, 1e-9)
        var tiers: [Hourly.TierHours] = []
        for tier in Tier.allCases {
            let stations = (0..<model.stationCount).filter { model.stationFacility[$0] >= 0 && network.facilities[Int(model.stationFacility[$0])].tier == tier }
            guard !stations.isEmpty else { continue }
            let hours = (0..<24).map { h -> Hourly.Hour in
                let slots = stations.map { $0 * 31 + h }
                let (mean, started) = SlotRecord.mean(slots: slots, in: records)
                let arrivals = result.replications.reduce(0.0) { total, replication in
                    total + stations.reduce(0.0) { $0 + Double(replication.arrivalsByHour.isEmpty ? 0 : replication.arrivalsByHour[$1 * 24 + h]) }
                }
                return Hourly.Hour(hour: h, arrivalsPerDay: arrivals / Double(max(result.replications.count, 1)) / measuredDays,
                                   startedPerDay: Double(started) / Double(max(result.replications.count, 1)) / measuredDays,
                                   meanWaitMinutes: mean, waitMinutesP90: SlotRecord.percentiles([90], slots: slots, in: records)[0])
            }
            tiers.append(Hourly.TierHours(tier: tier, hours: hours))
        }
        return Hourly(file: ResultFiles.hourly, inSystemByHourOfDay: result.inSystemByHourOfDay.map { Estimate(mean: $0.mean, ci95: $0.halfWidth) },
                      tiers: tiers)
    }
}
