import CareNetwork
import Diagrams
import ResultReport
import SimulationResults
import Testing

@Suite("The figures by region and tier")
struct GroupFiguresTests {
    let document = TrainingRuns.baseline

    @Test("a station busy 99% of its open hours is overloaded in the tables, as in the list of overloaded stations")
    func overloadedWhileOpen() throws {
        var document = TrainingRuns.baseline
        let index = try #require(document.stations.firstIndex { $0.served.mean > 0 && $0.utilisation.mean < 0.9 })
        let before = ReportFigures(document).total.overloaded
        // Open a few hours a day and saturated while open: not busy 99% of the whole day.
        document.stations[index].utilisationOpenHours = .init(mean: 0.995, ci95: 0.001)
        #expect(document.overloadedStations.contains { $0.key == document.stations[index].key })
        let figures = ReportFigures(document)
        #expect(figures.total.overloaded == before + 1)
        #expect(figures.total.overloaded == document.overloadedStations.count)
    }

    @Test("the whole network's figures are those of its stations, computed by hand")
    func total() {
        let figures = ReportFigures(document).total
        let stations = document.stations, days = document.configuration.measuredDays
        #expect(figures.stations == stations.count)
        #expect(figures.facilities == Set(stations.map(\.facility)).count)
        #expect(abs(figures.patientsPerDay - stations.map(\.arrivals.mean).reduce(0, +) / days) < 1e-9)
        // A server-weighted mean of each replication's utilisation: its mean is the weighted mean of the means.
        let servers = stations.map { Double($0.servers) }.reduce(0, +)
        let weighted = stations.map { Double($0.servers) * $0.utilisation.mean }.reduce(0, +) / servers
        #expect(abs(figures.utilisation.mean - weighted) < 1e-9)
        #expect(figures.utilisation.ci95 > 0, "3 replications give an interval")
        #expect(figures.utilisationPerReplication.count == 3)
        #expect(figures.overloaded == document.overloadedStations.count)
        #expect(figures.longestP90Minutes == document.activeStations.map(\.waitMinutesP90).max())
        let served = document.activeStations.map(\.served.mean).reduce(0, +)
        let wait = document.activeStations.map { $0.served.mean * $0.meanWaitMinutes.mean }.reduce(0, +) / served
        #expect(abs(figures.meanWaitMinutes.mean - wait) < 1e-9)
    }

    @Test("regions and tiers partition the stations")
    func partition() {
        let figures = ReportFigures(document)
        #expect(figures.regions.map(\.figures.stations).reduce(0, +) == document.stations.count)
        #expect(figures.tiers.map(\.figures.stations).reduce(0, +) == document.stations.count)
        #expect(figures.regions.map(\.key) == ["atlas-pedago", "oasis-pedago"])
        #expect(figures.tiers.map(\.tier) == Tier.allCases.filter { tier in document.stations.contains { $0.tier == tier } })
        let perDay = figures.regions.map(\.figures.patientsPerDay).reduce(0, +)
        #expect(abs(perDay - figures.total.patientsPerDay) < 1e-6)
    }

    @Test("a utilisation is coloured by the percentage printed, so colour and figure agree at the band edges")
    func bands() {
        // 69.96% prints 70.0 %: the 70-85 band, not 50-70.
        #expect(UtilisationBands.band(of: 0.6996) == 2)
        #expect(UtilisationBands.band(of: 0.6994) == 1)
        // 99.96% prints 100.0 %: the ≥ 100 % band.
        #expect(UtilisationBands.band(of: 0.9996) == UtilisationBands.bands.count - 1)
        #expect(UtilisationBands.band(of: 0.9994) == UtilisationBands.bands.count - 2)
        #expect(UtilisationBands.band(of: 0) == 0 && UtilisationBands.band(of: 42) == UtilisationBands.bands.count - 1)
        #expect(UtilisationBands.bands.map(\.colour) == LoadDiagram.scale.map(\.colour))
    }
}
