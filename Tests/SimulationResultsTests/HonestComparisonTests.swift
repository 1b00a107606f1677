import CareNetwork
import LoadSimulation
import SimulationResults
import Testing

@Suite("Comparing results honestly")
struct HonestComparisonTests {
    @Test("only the settings that differ are named")
    func settings() {
        let a = TrainingRun.document
        #expect(ResultComparison.differingSettings(a, a).isEmpty)
        var b = a
        b.configuration.days = 30
        b.configuration.seed = "8"
        let names = ResultComparison.differingSettings(a, b)
        #expect(names.map(\.name) == ["days", "seed"])
        #expect(names[0].baseline == "12" && names[0].other == "30" && names[1].baseline == "7" && names[1].other == "8")
        b.configuration.replications = 5
        b.carepath = "9.9"
        #expect(ResultComparison.differingSettings(a, b).map(\.name) == ["days", "replications", "seed", "carepath"])
    }

    @Test("the network is told by its digest")
    func network() {
        var b = TrainingRun.document
        #expect(ResultComparison(baseline: TrainingRun.document, other: b).isSameNetwork)
        b.network.digest = "fnv1a64:1111111111111111"
        #expect(!ResultComparison(baseline: TrainingRun.document, other: b).isSameNetwork)
    }

    @Test("arrivals compare per measured day: a run twice as long with the same rates shows no change")
    func perDay() {
        let a = TrainingRun.document
        var b = a
        // Twice the measured days and twice the patients: the same rate.
        b.configuration.days = a.configuration.days * 2 - a.configuration.warmupDays
        for index in b.stations.indices { b.stations[index].arrivals.mean *= 2 }
        #expect(!ResultComparison(baseline: a, other: b).movedArrivals.isEmpty, "the totals differ")
        #expect(ResultComparison.perDayArrivals(baseline: a, other: b).allSatisfy { abs($0.other - $0.baseline) < 1e-9 * max(1, $0.baseline) })
        b.stations[0].arrivals.mean += 10 * b.configuration.measuredDays
        let moved = ResultComparison.perDayArrivals(baseline: a, other: b)
        #expect(moved.first?.facility == a.stations[0].facility && abs(moved[0].other - moved[0].baseline - 10) < 1e-6)
    }

    @Test("the warm-up verdict is read with the overloaded stations, so the advice never contradicts them")
    func steadyState() {
        var d = TrainingRun.document
        d.stations = d.stations.map { station in
            var station = station
            station.utilisation.mean = min(station.utilisation.mean, 0.5)
            return station
        }
        func state(_ verdict: WarmUpCheck.Verdict, overloaded: Bool) -> ResultDocument.SteadyState {
            var document = d
            document.daily.warmUpCheck.verdict = verdict
            if overloaded, let index = document.stations.firstIndex(where: { $0.served.mean > 0 }) { document.stations[index].utilisation.mean = 0.995 }
            #expect(document.overloadedStations.isEmpty != overloaded)
            return document.steadyState
        }
        #expect(state(.steady, overloaded: false) == .steady)
        #expect(state(.steady, overloaded: true) == .steadyExceptOverloaded)
        #expect(state(.warmUpTooShort, overloaded: false) == .warmUpTooShort)
        #expect(state(.warmUpTooShort, overloaded: true) == .overloaded)
        #expect(state(.stillRising, overloaded: true) == .stillRising)
        #expect(state(.tooSmallToJudge, overloaded: true) == .tooSmallToJudge)
    }
}
