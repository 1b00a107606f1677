import CareNetwork
import Foundation
import Referral
import Testing
@testable import LoadSimulation

/// Scenario operations on the training network: each changes the network or the model as it says.
@Suite("Scenario operations")
struct ScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let trainingPath = root.appendingPathComponent("Networks/training-small.yaml").path
    static let training = try! NetworkLoader.describe(path: trainingPath)

    /// Applies scenario text (the schema line is added) to the training network.
    static func apply(_ body: String) -> ScenarioLoader.Report {
        ScenarioLoader.check(scenario: Data(("schema: carepath-scenario/1\n" + body).utf8), path: "scenario.yaml", description: training)
    }

    static func application(_ body: String) throws -> ScenarioApplication {
        let report = apply(body)
        return try #require(report.application, "\(report.diagnostics.map(\.description))")
    }

    static func model(_ network: CareNetwork) -> SimulationModel {
        SimulationModel(network: network, table: RoutingTable(router: ReferralRouter(network: network)))
    }

    static func model(_ application: ScenarioApplication) -> SimulationModel {
        application.model(table: RoutingTable(router: ReferralRouter(network: application.network)))
    }

    /// The facility keys of the route of `centre` for `service` (non-emergency).
    static func pathway(_ model: SimulationModel, _ network: CareNetwork, from centre: String, service: String) -> [String] {
        let origin = Int32(network.facilityID(key: centre)!.index), s = Int32(network.catalog.id(forKey: service)!.index)
        let route = (0..<model.routeOutcome.count).first { model.routeOrigin[$0] == origin && model.routeService[$0] == s && !model.routeEmergency[$0] }!
        return (Int(model.routeOffsets[route])..<Int(model.routeOffsets[route + 1])).map { network.facilities[Int(model.routeFacilities[$0])].key }
    }

    static let short = SimulationConfiguration(days: 4, warmupDays: 1, replications: 2, seed: 3)

    @Test("close: the facility and its stations are gone; a centre's refers-to to it is dropped (warned) and its chain derived again")
    func close() throws {
        let base = try NetworkLoader.load(path: Self.trainingPath)
        let baseModel = Self.model(base)
        #expect(Self.pathway(baseModel, base, from: "cs-tensift-3", service: "cardiac-surgery") == ["cs-tensift-3", "chp-haouz-pedago", "chr-atlas", "chu-atlas"])
        let report = Self.apply("close: [chp-haouz-pedago]\n")
        let application = try #require(report.application)
        #expect(report.diagnostics.map(\.code) == [.refersToDropped])
        #expect(report.diagnostics.first?.location.line == 2)
        let network = application.network
        #expect(network.facility(key: "chp-haouz-pedago") == nil)
        #expect(network.facility(key: "cs-tensift-3")?.explicitReferral == nil)
        let model = Self.model(application)
        #expect(model.invariantViolations().isEmpty)
        #expect(Self.pathway(model, network, from: "cs-tensift-3", service: "cardiac-surgery") == ["cs-tensift-3", "hl-tensift", "chr-atlas", "chu-atlas"])
        #expect(model.stationCount == baseModel.stationCount - base.facility(key: "chp-haouz-pedago")!.services.count)
        // Its patients move: the specialist consultations it gave are now given at chr-atlas (P3).
        func arrivals(_ m: SimulationModel, _ n: CareNetwork, _ facility: String, _ service: String) -> Double {
            let result = Simulation.run(m, configuration: Self.short)
            let f = Int32(n.facilityID(key: facility)!.index), s = Int32(n.catalog.id(forKey: service)!.index)
            let station = (0..<m.stationCount).first { m.stationFacility[$0] == f && m.stationService[$0] == s }!
            #expect(result.isBalanced)
            return result.stations[station].arrivals.mean
        }
        let before = arrivals(baseModel, base, "chr-atlas", "specialist-consultation")
        let after = arrivals(model, network, "chr-atlas", "specialist-consultation")
        #expect(after > 2 * before, "chr-atlas specialist consultations: \(before) → \(after)")
        #expect(application.changes.first?.hasPrefix("closed chp-haouz-pedago") == true)
    }

    @Test("demand: ×2 everywhere doubles the arrival rate exactly and the simulated arrivals within their CI")
    func demandEverywhere() throws {
        let base = Self.model(try NetworkLoader.load(path: Self.trainingPath))
        let application = try Self.application("demand:\n  - {scale: 2}\n")
        let doubled = Self.model(application)
        let rateBefore: Double = base.sourceRate.reduce(0, +), rateAfter: Double = doubled.sourceRate.reduce(0, +)
        #expect(abs(rateAfter - 2 * rateBefore) < 1e-9)
        let configuration = SimulationConfiguration(days: 3, warmupDays: 0.5, replications: 4, seed: 9)
        let a = Simulation.run(base, configuration: configuration), b = Simulation.run(doubled, configuration: configuration)
        let ratio = Double(b.arrived) / Double(a.arrived)
        // Poisson totals of ~30,000 and ~60,000: the ratio's standard deviation is about 0.015.
        #expect(abs(ratio - 2) < 0.06, "ratio \(ratio)")
        #expect(b.isBalanced)
    }

    @Test("demand: a region alone scales every service of its centres; a service alone scales it everywhere; factors multiply")
    func demandByRegionAndService() throws {
        let network = try NetworkLoader.load(path: Self.trainingPath)
        let base = Self.model(network)
        let application = try Self.application("""
            demand:
              - {region: oasis-pedago, scale: 1.5}
              - {service: maternity, scale: 2}
            """)
        let model = Self.model(application)
        for (source, facility) in base.sourceFacility.enumerated() {
            let isOasis = network.facilities[Int(facility)].region == network.region(key: "oasis-pedago")?.id
            let ratio = model.sourceRate[source] / base.sourceRate[source]
            // Maternity is a small share of the demand, so ×2 on it moves the total by a few percent only.
            if isOasis { #expect(ratio > 1.5 && ratio < 1.6) } else { #expect(ratio > 1.0 && ratio < 1.1) }
        }
        #expect(application.demandScale.factor(region: network.region(key: "oasis-pedago")!.id, service: network.catalog.id(forKey: "maternity")!) == 3)
        #expect(application.demandScale.factor(region: network.region(key: "atlas-pedago")!.id, service: network.catalog.id(forKey: "vaccination")!) == 1)
    }

    @Test("servers: set, add, time and time-scale change the station; a service not offered is added with servers and time")
    func servers() throws {
        let application = try Self.application("""
            servers:
              - {facility: chu-atlas, service: maternity, add: 10}
              - {facility: chr-atlas, service: emergency-care, servers: 9}
              - {facility: hl-tensift, service: general-consultation, time-scale: 2}
              - {facility: cs-haouz-2, service: general-consultation, time: {distribution: fixed, value: 7}}
              - {facility: cs-ziz-2, service: dental-care, servers: 1, time: {distribution: exponential, mean: 20}}
            """)
        let network = application.network
        func capacity(_ facility: String, _ service: String) -> ServiceCapacity? {
            network.facility(key: facility)?.capacity(for: network.catalog.id(forKey: service)!)
        }
        #expect(capacity("chu-atlas", "maternity")?.servers == 40)
        #expect(capacity("chr-atlas", "emergency-care")?.servers == 9)
        #expect(capacity("hl-tensift", "general-consultation")?.time == .exponential(mean: 30))
        #expect(capacity("cs-haouz-2", "general-consultation")?.time == .fixed(7))
        #expect(capacity("cs-haouz-2", "general-consultation")?.servers == 4)
        #expect(capacity("cs-ziz-2", "dental-care")?.servers == 1)
        // Another facility with the same profile is unchanged.
        #expect(capacity("cs-haouz-1", "general-consultation")?.time == .lognormal(mean: 12, sd: 6))
        let model = Self.model(application)
        let f = Int32(network.facilityID(key: "chr-atlas")!.index), s = Int32(network.catalog.id(forKey: "emergency-care")!.index)
        let station = try #require((0..<model.stationCount).first { model.stationFacility[$0] == f && model.stationService[$0] == s })
        #expect(model.servers[station] == 9)
        #expect(application.changes.contains("chu-atlas / maternity: 30 → 40 beds"))
        #expect(application.changes.contains("hl-tensift / general-consultation: mean time 15 → 30 min"))
    }

    @Test("queue-limit: a bounded queue turns patients away, counted at the station and in the balanced accounting")
    func queueLimit() throws {
        let application = try Self.application("""
            servers:
              - {facility: cs-haouz-1, service: general-consultation, servers: 1}
            queue-limit:
              - {facility: cs-haouz-1, service: general-consultation, limit: 0}
              - {tier: regional-hospital, limit: 3}
            """)
        let model = Self.model(application)
        let network = application.network
        let f = Int32(network.facilityID(key: "cs-haouz-1")!.index), s = Int32(network.catalog.id(forKey: "general-consultation")!.index)
        let station = try #require((0..<model.stationCount).first { model.stationFacility[$0] == f && model.stationService[$0] == s })
        #expect(model.queueCapacity[station] == 0)
        let regional = (0..<model.stationCount).filter { network.facilities[Int(model.stationFacility[$0])].tier == .regionalHospital }
        #expect(!regional.isEmpty && regional.allSatisfy { model.queueCapacity[$0] == 3 })
        #expect(model.queueCapacity.filter { $0 == Int32.max }.count == model.stationCount - regional.count - 1)
        let result = Simulation.run(model, configuration: Self.short)
        #expect(result.turnedAway > 0)
        #expect(result.stations[station].turnedAway.mean > 0)
        #expect(result.isBalanced)
        #expect(application.hasQueueLimits)
    }

    @Test("chu: reassigning a region's CHU changes its centres' chains (P4); open: adds a facility with its profile")
    func chuAndOpen() throws {
        let opened = """
            open:
              - {id: chu-sud, name: {fr: CHU Sud, ar: م ج س}, tier: university-hospital, region: atlas-pedago, province: tensift-pedago, location: {lat: 31.0, lon: -8.6}, emergency: true, profile: university-hospital}

            """
        let without = try Self.application(opened)
        let with = try Self.application(opened + "chu:\n  - {region: oasis-pedago, chu: chu-sud}\n")
        for application in [without, with] {
            let network = application.network
            #expect(network.facility(key: "chu-sud")?.services.count == network.facility(key: "chu-atlas")?.services.count)
        }
        func p4(_ application: ScenarioApplication, _ centre: String) -> String? {
            let network = application.network
            return network.chain(of: network.facilityID(key: centre)!)?.p4.map { network.facilities[$0.index].key }
        }
        #expect(p4(without, "cs-ziz-1") == "chu-atlas")
        #expect(p4(with, "cs-ziz-1") == "chu-sud")
        #expect(p4(with, "cs-ziz-2") == "chu-sud")
        // Atlas centres take their own region's nearest CHU, whatever oasis names.
        #expect(p4(with, "cs-haouz-1") == "chu-atlas")
        let model = Self.model(with)
        let network = with.network
        #expect(Self.pathway(model, network, from: "cs-ziz-1", service: "cardiac-surgery").last == "chu-sud")
    }

    // The national network sends Ouarzazate and Zagora to the CHR and CHU of Marrakech
    // (Networks/source/province-chains.csv): closing that CHU must not leave them pointing at it.
    @Test("chu: and regional-hospital: a province's own CHU and CHR; closing a CHU a province names drops its target, warned, unless the scenario gives it another")
    func provinceCHU() throws {
        let national = try NetworkLoader.describe(path: Self.root.appendingPathComponent("Networks/morocco.yaml").path)
        func check(_ body: String) -> ScenarioLoader.Report {
            ScenarioLoader.check(scenario: Data(("schema: carepath-scenario/1\n" + body).utf8), path: "scenario.yaml", description: national)
        }
        func p4(_ report: ScenarioLoader.Report, _ centre: String) throws -> String? {
            let network = try #require(report.application, "\(report.diagnostics.map(\.description))").network
            return network.chain(of: try #require(network.facilityID(key: centre)))?.p4.map { network.facilities[$0.index].key }
        }
        #expect(try p4(check("chu: [{province: ouarzazate, chu: chu-hassan-ii-fes}]\n"), "csu-ouarzazate-1") == "chu-hassan-ii-fes")
        // regional-hospital: the province's own P3; its own CHU stays.
        func p3(_ report: ScenarioLoader.Report, _ centre: String) throws -> String? {
            let network = try #require(report.application, "\(report.diagnostics.map(\.description))").network
            return network.chain(of: try #require(network.facilityID(key: centre)))?.p3.map { network.facilities[$0.index].key }
        }
        let errachidia = check("regional-hospital: [{province: ouarzazate, regional-hospital: chr-moulay-ali-cherif-errachidia}]\n")
        #expect(try p3(errachidia, "csu-ouarzazate-1") == "chr-moulay-ali-cherif-errachidia")
        #expect(try p4(errachidia, "csu-ouarzazate-1") == "chu-mohammed-vi-marrakech")
        #expect(try p3(check(""), "csu-ouarzazate-1") == "chr-ibn-zohr-marrakech")
        let notRegional = check("regional-hospital:\n  - {province: tinghir, regional-hospital: chp-zagora}\n").diagnostics.filter { $0.severity == .error }
        #expect(notRegional.map(\.code) == [.referralLevel] && notRegional.first?.location.line == 3, "\(notRegional.map(\.description))")
        let closing = """
            close: [chu-mohammed-vi-marrakech]
            chu:
              - {region: marrakech-safi, chu: chu-mohammed-vi-agadir}
              - {region: beni-mellal-khenifra, chu: chu-mohammed-vi-agadir}

            """
        let dropped = check(closing)
        let warnings = dropped.diagnostics.filter { $0.code == .refersToDropped }
        #expect(warnings.count == 1 && warnings.first?.message.contains("provinces 'ouarzazate', 'zagora'") == true, "\(warnings.map(\.description))")
        #expect(!dropped.diagnostics.contains { $0.severity == .error }, "\(dropped.diagnostics.map(\.description))")
        // Their regional hospital is still Marrakech's, whose CHU is now the region's: Agadir.
        #expect(try p4(dropped, "csu-ouarzazate-1") == "chu-mohammed-vi-agadir")
        let given = check(closing + "  - {province: ouarzazate, chu: chu-hassan-ii-fes}\n")
        #expect(given.diagnostics.filter { $0.code == .refersToDropped }.map(\.message).allSatisfy { $0.contains("province 'zagora'") && !$0.contains("ouarzazate") })
        #expect(try p4(given, "csu-ouarzazate-1") == "chu-hassan-ii-fes")
        #expect(try p4(given, "csr-tazarine-zagora") == "chu-mohammed-vi-agadir")
        // A region and a province in one entry, an unknown province, a target that is no CHU: located errors.
        let bad = check("chu:\n  - {region: draa-tafilalet, province: zagora, chu: chu-hassan-ii-fes}\n  - {province: nowhere, chu: chu-hassan-ii-fes}\n  - {province: tinghir, chu: chr-ibn-zohr-marrakech}\n")
        let errors = bad.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.conflict, .unknownReference, .referralLevel], "\(errors.map(\.description))")
        #expect(errors.map(\.location.line) == [3, 4, 5])
    }

    @Test("route loads: one per route with patients, each pathway from its health centre to its treating facility")
    func routeLoads() throws {
        let network = try NetworkLoader.load(path: Self.trainingPath)
        let model = Self.model(network)
        let result = Simulation.run(model, configuration: Self.short)
        let loads = result.routeLoads(model: model)
        #expect(!loads.isEmpty)
        let listed: Double = loads.reduce(0) { $0 + $1.patients }, all: Double = result.routeArrivals.reduce(0, +)
        #expect(abs(listed - all) < 1e-6)
        for load in loads {
            #expect(load.patients > 0)
            if load.outcome == .treated {
                #expect(load.facilities.first == load.origin || load.emergency)
                #expect(load.treatingFacility == load.facilities.last)
            } else {
                #expect(load.facilities.isEmpty && load.treatingFacility == nil)
            }
        }
        // child-orthodontics is offered nowhere in the training network (TEACHING 2).
        let orthodontics = network.catalog.id(forKey: "child-orthodontics")!.index
        #expect(loads.contains { $0.service == orthodontics && $0.outcome == .unavailable })
    }
}
