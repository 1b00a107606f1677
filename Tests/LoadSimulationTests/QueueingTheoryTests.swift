import Foundation
import Testing
@testable import LoadSimulation

/// The engine against queueing theory: utilisation and mean wait within the 95% confidence interval
/// of the analytic values, over independent replications.
@Suite("Queueing theory")
struct QueueingTheoryTests {
    /// Each check asks an estimate's 95% interval to hold the analytic value, so an unbiased engine
    /// misses about one check in twenty for an arbitrary seed: the seed is fixed, so the test is
    /// deterministic. (Probed with the present arrival streams, one per source: the M/M/1, M/M/c and
    /// Jackson checks of seeds 1 to 30 missed 13 of their 240, 5.4%, as 95% intervals should; seed 1
    /// misses none. The engine's streams changed before, and will again: re-probe then.)
    static let configuration = SimulationConfiguration(days: 10, warmupDays: 1, replications: 20, seed: 1)

    /// A model with one Poisson source of rate `lambda` per minute feeding `route`.
    static func model(lambda: Double, stations: [(servers: Int, mean: Double)], referral: (rate: Double, to: Int)? = nil,
                      queueCapacity: Int32 = .max) -> SimulationModel {
        var model = SimulationModel.Builder()
        for station in stations { model.addStation(servers: station.servers, serviceTime: .exponential(mean: station.mean)) }
        if let referral { model.refer(0, rate: referral.rate, to: referral.to, link: model.addLink(from: 0, to: 1)) }
        model.setQueueCapacity(queueCapacity, station: 0)
        let route = model.addRoute([0])
        model.addSource(ratePerMinute: lambda, entries: [(route, false, 1)])
        return model.build()
    }

    /// Erlang C: the probability that an arrival waits at an M/M/c queue with offered load `a` = λ/μ.
    static func erlangC(servers c: Int, load a: Double) -> Double {
        var term = 1.0, sum = 1.0
        for k in 1..<c { term *= a / Double(k); sum += term }
        let last = term * a / Double(c) * Double(c) / (Double(c) - a)
        return last / (sum + last)
    }

    @Test("M/M/1: utilisation λ/μ and mean wait ρ/(μ-λ) within the 95% CI")
    func mm1() {
        let model = Self.model(lambda: 0.5, stations: [(1, 1.0)])
        #expect(model.invariantViolations().isEmpty)
        let result = Simulation.run(model, configuration: Self.configuration)
        let station = result.stations[0]
        #expect(station.utilisation.contains(0.5), "utilisation \(station.utilisation)")
        #expect(station.meanWait.contains(1.0), "wait \(station.meanWait)")
        #expect(station.meanWait.halfWidth < 0.1)
        #expect(result.isBalanced)
    }

    @Test("M/M/c (Erlang C): c = 3, a = 2: P(wait) = 4/9, mean wait 4/9 min, utilisation 2/3")
    func mmc() {
        #expect(abs(Self.erlangC(servers: 3, load: 2) - 4.0 / 9.0) < 1e-12)
        let model = Self.model(lambda: 2, stations: [(3, 1.0)])
        let result = Simulation.run(model, configuration: Self.configuration)
        let station = result.stations[0]
        #expect(station.utilisation.contains(2.0 / 3.0), "utilisation \(station.utilisation)")
        #expect(station.meanWait.contains(4.0 / 9.0), "wait \(station.meanWait)")
    }

    @Test("open Jackson network: a tiered pair with a referral rate matches λ_B = rλ and Erlang C at B")
    func jackson() {
        // A: M/M/1, μ = 1, λ = 0.5; 30% of those served are referred up to B: M/M/2 with mean 2 min.
        let model = Self.model(lambda: 0.5, stations: [(1, 1.0), (2, 2.0)], referral: (0.3, 1))
        let result = Simulation.run(model, configuration: Self.configuration)
        let a = result.stations[0], b = result.stations[1]
        let lambdaB = 0.15, loadB = lambdaB * 2
        let waitB = Self.erlangC(servers: 2, load: loadB) / (2 * 0.5 - lambdaB)
        #expect(a.utilisation.contains(0.5), "A utilisation \(a.utilisation)")
        #expect(a.meanWait.contains(1.0), "A wait \(a.meanWait)")
        #expect(b.utilisation.contains(loadB / 2), "B utilisation \(b.utilisation)")
        #expect(b.meanWait.contains(waitB), "B wait \(b.meanWait), analytic \(waitB)")
        // The link carries 30% of A's served patients.
        #expect(abs(result.linkFlow[0].mean / a.served.mean - 0.3) < 0.01)
    }

    @Test("emergencies go first in the queue (non-preemptive priority)")
    func priority() {
        var builder = SimulationModel.Builder()
        builder.addStation(servers: 1, serviceTime: .exponential(mean: 1))
        let route = builder.addRoute([0])
        builder.addSource(ratePerMinute: 0.8, entries: [(route, false, 0.8), (route, true, 0.2)])
        let model = builder.build()
        // Two stations fed separately would be the same queue; compare the lanes through the sources:
        // with priority, the overall mean wait is the M/M/1 one (work-conserving) ...
        let result = Simulation.run(model, configuration: Self.configuration)
        #expect(result.stations[0].meanWait.contains(4.0), "\(result.stations[0].meanWait)")
        // ... and the longest waits (p99) exceed the M/M/1 FIFO p99 (ln(100·ρ)/(μ-λ) ≈ 21.9 min),
        // because ordinary patients wait behind emergencies.
        #expect(result.stations[0].waitP99 > 21.9)
    }

    @Test("M/M/1/K: a bounded queue turns away (1-ρ)ρ^K / (1-ρ^(K+1)) of arrivals, and the books balance")
    func mm1k() {
        // λ = 0.9, μ = 1, at most K = 4 in the system: 1 in service + 3 waiting.
        let model = Self.model(lambda: 0.9, stations: [(1, 1.0)], queueCapacity: 3)
        #expect(model.invariantViolations().isEmpty)
        let rho = 0.9, k = 4.0
        let blocking = (1 - rho) * pow(rho, k) / (1 - pow(rho, k + 1))
        let result = Simulation.run(model, configuration: Self.configuration)
        let station = result.stations[0]
        // `arrivals` counts every patient who reached the station, the turned away included.
        let share = Estimate(result.replications.map { Double($0.turnedAwayAt[0]) / Double($0.arrivals[0]) })
        #expect(share.contains(blocking), "turned away \(share), analytic \(blocking)")
        // Utilisation is the carried load λ(1 - P_K)/μ.
        #expect(station.utilisation.contains(rho * (1 - blocking)), "utilisation \(station.utilisation)")
        #expect(station.maxQueue == 3)
        #expect(result.turnedAway > 0)
        #expect(result.isBalanced)
    }
}
