import Foundation
import Testing
@testable import CareNetwork

/// ``NetworkRanges``: what Docs/network-format.md's "Ranges" table says, and the headroom they leave
/// the simulation's arithmetic.
@Suite("Ranges")
struct RangesTests {
    /// The "Ranges" table's rows: first cell → second cell.
    static func documented() throws -> [String: String] {
        let text = try String(contentsOfFile: Fixtures.path("Docs/network-format.md"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "| field | range | unit | why |"))
        var rows: [String: String] = [:]
        for line in lines[(start + 2)...] {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            rows[cells[0]] = cells[1]
        }
        return rows
    }

    static func words(_ range: ClosedRange<Int>) -> String {
        "\(NetworkRanges.number(Double(range.lowerBound))) to \(NetworkRanges.number(Double(range.upperBound)))"
    }

    static func words(_ range: ClosedRange<Double>) -> String {
        "\(NetworkRanges.number(range.lowerBound)) to \(NetworkRanges.number(range.upperBound))"
    }

    @Test("the Ranges table of Docs/network-format.md gives NetworkRanges' bounds")
    func documentedRanges() throws {
        let rows = try Self.documented()
        let expected: [(String, String)] = [
            ("`regions[].population`, `provinces[].population`", Self.words(NetworkRanges.population)),
            ("`facilities[].catchment`", Self.words(NetworkRanges.catchment)),
            ("`servers`", Self.words(NetworkRanges.servers)),
            ("`beds`", Self.words(NetworkRanges.beds)),
            ("`time`: `mean`, `sd`, `value`, `mode`, `max`", Self.words(NetworkRanges.serviceMinutes)),
            ("`time`: triangular `min`", "0, or " + Self.words(NetworkRanges.serviceMinutes)),
            ("`stay`: `mean`, `sd`, `value`, `mode`, `max`", Self.words(NetworkRanges.stayDays)),
            ("`stay`: triangular `min`", "0, or " + Self.words(NetworkRanges.stayDays)),
            ("lognormal `sd`", "at most \(NetworkRanges.number(NetworkRanges.maximumCoefficientOfVariation)) × its `mean`"),
            ("`lat`", Self.words(NetworkRanges.latitude)),
            ("`lon`", Self.words(NetworkRanges.longitude)),
            ("`demand.emergency-share`, `services.<id>.emergency-share`", Self.words(NetworkRanges.share)),
            ("`demand.referral-rates.<tier>`", Self.words(NetworkRanges.share)),
            ("`demand.services.<id>.visits-per-person`", "0, or " + Self.words(NetworkRanges.visitsPerPerson)),
        ]
        for (field, range) in expected {
            #expect(rows[field] == range, "\(field)")
        }
        #expect(rows.count == expected.count, "rows: \(rows.keys.sorted())")
        let text = try String(contentsOfFile: Fixtures.path("Docs/network-format.md"), encoding: .utf8)
        #expect(text.contains("at most **\(NetworkRanges.number(NetworkRanges.dailyArrivals.upperBound))\narrivals a day**"))
    }

    @Test("a stay's range is the visit's, in days; every bound converts to a service time in minutes inside serviceMinutes")
    func units() {
        #expect(NetworkRanges.stayDays.upperBound * TimeUnit.days.minutes == NetworkRanges.serviceMinutes.upperBound)
        #expect(NetworkRanges.stayDays.lowerBound * TimeUnit.days.minutes >= NetworkRanges.serviceMinutes.lowerBound)
        #expect(NetworkRanges.serviceTime(in: .minutes) == NetworkRanges.serviceMinutes)
        #expect(NetworkRanges.serviceTime(in: .days) == NetworkRanges.stayDays)
    }

    @Test("the simulation's arithmetic at the bounds: Int32 servers, a squared triangle, the longest lognormal draw, a year of arrivals")
    func headroom() {
        // Servers and beds become Int32.
        #expect(NetworkRanges.servers.upperBound < Int(Int32.max) / 1000)
        #expect(NetworkRanges.beds.upperBound < Int(Int32.max) / 1000)
        let longest = NetworkRanges.serviceMinutes.upperBound, shortest = NetworkRanges.serviceMinutes.lowerBound
        // The triangular sampler squares the width.
        #expect(((longest - 0) * (longest - 0)).isFinite && longest * longest < 1e14)
        // The lognormal sampler: exp(mu + sigma z), z at most about 13.7 (the ziggurat's tail from 53 bits).
        for (mean, sd) in [(longest / NetworkRanges.maximumCoefficientOfVariation, longest), (shortest, shortest * NetworkRanges.maximumCoefficientOfVariation),
                           (longest, longest)] {
            let sigma2 = log(1 + (sd * sd) / (mean * mean))
            let mu = log(mean) - sigma2 / 2
            let draw = exp(mu + sigma2.squareRoot() * 13.7)
            #expect(draw.isFinite)
            // The event list divides event times into 4-hour slots as Int; the census into days.
            #expect(draw / 240 < Double(Int.max) / 1000, "mean \(mean), sd \(sd): \(draw)")
        }
        // A catchment times visits per person times the catalogue's services, a year.
        let annual = Double(NetworkRanges.catchment.upperBound) * NetworkRanges.visitsPerPerson.upperBound * Double(ServiceCatalog.standard.count)
        #expect(annual < 1e12)
        // The busiest network's arrivals over the longest run (--days 3660) stay exact in an Int and a Double.
        #expect(NetworkRanges.dailyArrivals.upperBound * 3660 < 9.007e15)
        // The smallest non-zero rate still gives finite inter-arrival times.
        let rate = Double(NetworkRanges.catchment.lowerBound) * NetworkRanges.visitsPerPerson.lowerBound / 525_600
        #expect((44 / rate).isFinite)
    }

    @Test("NetworkRanges.problems names the parameter and the range, in the distribution's unit; none for the bundled networks' times")
    func problems() throws {
        #expect(NetworkRanges.problems(.exponential(mean: 15), unit: .minutes, what: "time").isEmpty)
        #expect(NetworkRanges.problems(.triangular(min: 0, mode: 1, max: 2), unit: .minutes, what: "time").isEmpty)
        let huge = NetworkRanges.problems(.triangular(min: 10, mode: 15, max: 1.3e154), unit: .minutes, what: "time")
        #expect(huge.map(\.parameter) == ["max"])
        #expect(huge.first?.message == "time max is 1.3e+154; it must be between 0.01 and 5,256,000 minutes (10 years)")
        #expect(NetworkRanges.problems(.fixed(3651), unit: .days, what: "stay").map(\.parameter) == ["value"])
        #expect(NetworkRanges.problems(.fixed(3651), unit: .minutes, what: "time").isEmpty)
        #expect(NetworkRanges.problems(.lognormal(mean: 1, sd: 10.5), unit: .days, what: "stay").map(\.parameter) == ["sd"])
        #expect(NetworkRanges.problems(.triangular(min: 20, mode: 15, max: 30), unit: .minutes, what: "time").map(\.parameter) == ["min"])
        #expect(NetworkRanges.problems(.exponential(mean: .nan), unit: .minutes, what: "time").count == 1)
        #expect(NetworkRanges.problems(.exponential(mean: .infinity), unit: .minutes, what: "time").count == 1)
        for file in ["Networks/morocco.yaml", "Networks/training-small.yaml"] {
            let network = try NetworkLoader.load(path: Fixtures.path(file))
            for capacity in network.facilities.flatMap(\.services) {
                #expect(NetworkRanges.problems(capacity.time, unit: capacity.unit, what: "time").isEmpty)
                #expect(NetworkRanges.servers.contains(capacity.servers))
            }
        }
    }

    @Test("the bounds' words: grouped thousands, no trailing zeros")
    func words() {
        #expect(NetworkRanges.text(NetworkRanges.servers) == "between 1 and 100,000")
        #expect(NetworkRanges.text(NetworkRanges.visitsPerPerson) == "between 0.000001 and 365")
        #expect(NetworkRanges.serviceTimeText(in: .days) == "between 0.001 and 3,650 days (10 years)")
        #expect(NetworkRanges.number(-180) == "-180")
    }
}
