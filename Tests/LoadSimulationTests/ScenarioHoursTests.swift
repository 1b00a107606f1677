import CareNetwork
import Foundation
import Testing
@testable import LoadSimulation

/// The scenario keys of the time model: `hours`, `calendar`, `arrival-profiles`, `arrival-profile`.
@Suite("Scenario hours and profiles")
struct ScenarioHoursTests {
    static func hours(_ network: CareNetwork, _ facility: String, _ service: String) -> OpeningHours? {
        network[network.facilityID(key: facility)!].capacity(for: network.catalog.id(forKey: service)!)?.hours
    }

    @Test("hours by tier and region replace the visits' timetables, keep the beds', and resolve shares against each station's servers")
    func hoursByTier() throws {
        let application = try ScenarioTests.application("""
            calendar:
              hours:
                working-day: {mon-fri: 08:30-16:30, sat: 08:30-12:00}
            hours:
              - {tier: health-centre, region: atlas-pedago, hours: working-day}
              - {facility: chp-haouz-pedago, service: emergency-care, hours: {every-day: {08:00-20:00: 100%, 20:00-00:00: 40%, 00:00-08:00: 40%}}}
            """)
        let network = application.network
        let centre = try #require(Self.hours(network, "cs-haouz-1", "general-consultation"))
        #expect(centre[.monday] == [OpeningHours.Shift(start: 510, end: 990, servers: 4)])
        #expect(centre[.saturday] == [OpeningHours.Shift(start: 510, end: 720, servers: 4)] && centre[.sunday].isEmpty && centre[.holiday].isEmpty)
        #expect(Self.hours(network, "cs-haouz-1", "vaccination") != nil, "every visit service of the centre")
        #expect(Self.hours(network, "cs-ziz-1", "general-consultation") == nil, "Oasis is not selected")
        #expect(Self.hours(network, "chp-haouz-pedago", "maternity") == nil, "beds keep theirs")
        // 40% of 5 emergency boxes, rounded up: 2 at night.
        let shifts = try #require(Self.hours(network, "chp-haouz-pedago", "emergency-care"))
        #expect(shifts[.tuesday].map(\.servers) == [2, 5, 2])
        #expect(application.changes.contains { $0.hasPrefix("hours of every visit service at health-centre in atlas-pedago") })
        // The model gets the timetables; the run is timed.
        let model = ScenarioTests.model(application)
        #expect(model.hasTimeModel)
        let result = Simulation.run(model, configuration: ScenarioTests.short)
        #expect(result.timed && result.isBalanced)
    }

    @Test("every-day is every day of the year, closed dates included, unless a holidays key gives them their own hours; mon-sun leaves them out")
    func everyDayCoversClosedDates() throws {
        let application = try ScenarioTests.application("""
            hours:
              - {facility: chp-haouz-pedago, service: emergency-care, hours: {every-day: {08:00-20:00: 100%, 20:00-00:00: 40%, 00:00-08:00: 40%}}}
              - {facility: chp-haouz-pedago, service: specialist-consultation, hours: {every-day: 08:00-14:00, holidays: closed}}
              - {facility: chp-haouz-pedago, service: radiology, hours: {mon-sun: 08:00-14:00}}
              - {facility: chp-haouz-pedago, service: laboratory-tests, hours: {every-day: 08:00-14:00, holidays: 09:00-12:00}}
            """)
        let network = application.network
        let emergency = try #require(Self.hours(network, "chp-haouz-pedago", "emergency-care"))
        #expect(emergency[.holiday] == emergency[.sunday] && emergency[.holiday].map(\.servers) == [2, 5, 2])
        #expect(emergency.summary == "every-day 00:00-08:00 (2), 08:00-20:00 (5), 20:00-00:00 (2)")
        let consultation = try #require(Self.hours(network, "chp-haouz-pedago", "specialist-consultation"))
        #expect(consultation[.holiday].isEmpty && !consultation[.monday].isEmpty)
        let imaging = try #require(Self.hours(network, "chp-haouz-pedago", "radiology"))
        #expect(imaging[.holiday].isEmpty && imaging[.sunday].map(\.start) == [480])
        let laboratory = try #require(Self.hours(network, "chp-haouz-pedago", "laboratory-tests"))
        #expect(laboratory[.holiday].map(\.start) == [540] && laboratory[.friday].map(\.start) == [480])
    }

    @Test("arrival profiles defined by a scenario shape the demand and keep its annual total; flat restores a constant rate")
    func profiles() throws {
        let application = try ScenarioTests.application("""
            arrival-profiles:
              mornings: {hours: [0, 0, 0, 0, 0, 0, 0, 1, 4, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}
            arrival-profile:
              - {profile: mornings}
              - {service: maternity, profile: flat}
            """)
        let demand = application.network.demand
        let catalog = application.network.catalog
        #expect(demand.arrivalProfiles.map(\.id) == ["mornings"])
        #expect(demand[catalog.id(forKey: "general-consultation")!].arrivalProfile == 0)
        #expect(demand[catalog.id(forKey: "maternity")!].arrivalProfile == nil)
        // Same annual demand: a year's arrivals are those of the flat network, within Poisson noise.
        let year = SimulationConfiguration(days: 365, warmupDays: 0, replications: 1, seed: 5)
        let flat = Simulation.run(ScenarioTests.model(try CareNetwork(description: ScenarioTests.training)), configuration: year)
        let shaped = Simulation.run(ScenarioTests.model(application), configuration: year)
        let expected = Double(flat.arrived)
        #expect(abs(Double(shaped.arrived) - expected) < 5 * expected.squareRoot(), "flat \(flat.arrived), shaped \(shaped.arrived)")
    }

    @Test("an hours entry naming an unknown timetable, a service the facility lacks, or selecting nothing is reported at the entry")
    func problems() throws {
        let unknown = ScenarioTests.apply("hours:\n  - {facility: cs-haouz-1, hours: working-dya}\n")
        #expect(unknown.diagnostics.contains { $0.code == .invalidHours && $0.location.line == 3 })
        let lacking = ScenarioTests.apply("hours:\n  - {facility: cs-haouz-1, service: cardiac-surgery, hours: always}\n")
        #expect(lacking.diagnostics.contains { $0.code == .serviceNotOffered && $0.severity == .error })
        let nothing = ScenarioTests.apply("hours:\n  - {tier: local-hospital, region: oasis-pedago, hours: always}\n")
        #expect(nothing.diagnostics.contains { $0.code == .serviceNotOffered && $0.severity == .warning })
        let inverted = ScenarioTests.apply("hours:\n  - {facility: cs-haouz-1, hours: {mon-fri: 16:30-08:30}}\n")
        #expect(inverted.diagnostics.contains { $0.code == .invalidHours && $0.location.line == 3 && $0.message.contains("ends before it starts") })
        let profile = ScenarioTests.apply("arrival-profile:\n  - {profile: nowhere}\n")
        #expect(profile.diagnostics.contains { $0.code == .unknownReference && $0.location.line == 3 })
    }
}
