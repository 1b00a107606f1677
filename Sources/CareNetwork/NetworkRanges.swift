import CarePathSupport

/// The range of every number of the network format (Docs/network-format.md, "Ranges"): wider than any
/// real network needs, narrow enough that every conversion and product the simulation computes stays
/// finite and far from overflow. The decoder holds a file's values to them, the validator holds a
/// description built in code or modified by a scenario to them, and the scenario loader can hold its
/// own changes (servers, times, demand factors) to the same bounds.
///
/// Why these bounds (the engine's side):
/// - `servers`/`beds` become `Int32` in the simulation model, and a station's heap of patients in service
///   holds up to `servers` entries: 100,000 is 50 times Morocco's largest hospital and 21,000 times
///   below `Int32.max`.
/// - a catchment is multiplied by visits per person (at most 365) into annual visits: 50,000,000 ×
///   365 × 30 services is below 10^12, exact in a `Double`.
/// - service-time parameters, in minutes, are at most 10 years (5,256,000 minutes): the triangular
///   sampler squares the width (at most 2.8 × 10^13), the day-end census and the event list divide
///   event times into days and 4-hour slots as `Int`. Below 0.01 minutes a time is no duration.
/// - a lognormal's sd is at most 10 times its mean, so the log-scale sigma is at most 2.15 and even the
///   sampler's most extreme normal draw (about 13.7) gives a time below 6 × 10^11 × its mean: finite,
///   and its 4-hour slot far below `Int.max`.
/// - the whole network's arrivals are at most 1,000,000 a day (Morocco's 37 million people at 10 visits
///   a year each; the national network has 140,000): the station sweep admits a week of arrivals at
///   once, 7 million patients, about 450 MB at the 64 bytes a patient of the simulation's memory budget.
package enum NetworkRanges {
    /// `servers` of a visit: doctors, rooms or machines working in parallel.
    package static let servers: ClosedRange<Int> = 1...100_000
    /// `beds` of a stay.
    package static let beds: ClosedRange<Int> = 1...100_000
    /// A facility's `catchment`: the people whose card names a health centre (Morocco has 37 million).
    package static let catchment: ClosedRange<Int> = 1...50_000_000
    /// A region's or a province's `population`.
    package static let population: ClosedRange<Int> = 1...50_000_000
    /// `lat`, in degrees.
    package static let latitude: ClosedRange<Double> = -90...90
    /// `lon`, in degrees.
    package static let longitude: ClosedRange<Double> = -180...180
    /// Every parameter of a visit's service time (`time:`), in minutes: 0.01 minutes to 10 years.
    /// A triangular `min` may also be exactly 0.
    package static let serviceMinutes: ClosedRange<Double> = 0.01...5_256_000
    /// Every parameter of a length of stay (`stay:`), in days: 0.001 days (1.44 minutes) to 10 years,
    /// that is, inside ``serviceMinutes`` once converted to minutes.
    package static let stayDays: ClosedRange<Double> = 0.001...3_650
    /// A lognormal's `sd` is at most this many times its `mean` (its coefficient of variation).
    package static let maximumCoefficientOfVariation = 10.0
    /// `visits-per-person` of a service, a year: 0, or in this range (at most one visit a day).
    package static let visitsPerPerson: ClosedRange<Double> = 0.000_001...365
    /// `emergency-share`, and each `referral-rates` entry.
    package static let share: ClosedRange<Double> = 0...1
    /// The arrivals a day of the whole network: every public health centre's catchment times the
    /// visits per person of every service, over 365 days (``CareNetwork/dailyArrivals(scaledBy:)``).
    package static let dailyArrivals: ClosedRange<Double> = 0...1_000_000

    /// The range of a service-time parameter in `unit` (``serviceMinutes`` or ``stayDays``).
    package static func serviceTime(in unit: TimeUnit) -> ClosedRange<Double> {
        unit == .minutes ? serviceMinutes : stayDays
    }

    /// `between 1 and 100,000`.
    package static func text(_ range: ClosedRange<Int>) -> String {
        "between \(NumberFormat.grouped(range.lowerBound)) and \(NumberFormat.grouped(range.upperBound))"
    }

    /// `between 0.01 and 5,256,000`.
    package static func text(_ range: ClosedRange<Double>) -> String {
        "between \(number(range.lowerBound)) and \(number(range.upperBound))"
    }

    /// The range of a service-time parameter in words, with its unit: `between 0.01 and 5,256,000 minutes (10 years)`.
    package static func serviceTimeText(in unit: TimeUnit) -> String {
        "\(text(serviceTime(in: unit))) \(unit == .minutes ? "minutes" : "days") (10 years)"
    }

    /// A bound as the messages write it: `100,000`, `0.01`, `0.000001`, `-180`.
    package static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return NumberFormat.grouped(Int(value)) }
        var text = NumberFormat.fixed(value, digits: 9)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// What is wrong with `distribution` as a service time in `unit`, one sentence per problem, each
    /// with the parameter it concerns (`mean`, `sd`, `value`, `min`, `mode`, `max`); empty when it is
    /// within the ranges. `what` names it ("service time", "length of stay").
    package static func problems(_ distribution: ServiceTimeDistribution, unit: TimeUnit, what: String) -> [(parameter: String, message: String)] {
        let range = serviceTime(in: unit)
        var problems: [(parameter: String, message: String)] = []
        func check(_ key: String, _ value: Double, zeroAllowed: Bool = false) {
            if zeroAllowed, value == 0 { return }
            if !range.contains(value) {
                problems.append((key, "\(what) \(key) is \(value); it must be \(zeroAllowed ? "0 or " : "")\(serviceTimeText(in: unit))"))
            }
        }
        switch distribution {
        case .exponential(let mean):
            check("mean", mean)
        case .lognormal(let mean, let sd):
            check("mean", mean)
            check("sd", sd)
            if problems.isEmpty, sd > maximumCoefficientOfVariation * mean {
                problems.append(("sd", coefficientOfVariationMessage(what: what, sd: "\(sd)", mean: mean)))
            }
        case .fixed(let value):
            check("value", value)
        case .triangular(let low, let mode, let high):
            check("min", low, zeroAllowed: true)
            check("mode", mode)
            check("max", high)
            if problems.isEmpty, !(low <= mode && mode <= high && low < high) {
                problems.append(("min", "a triangular distribution needs min <= mode <= max and min < max"))
            }
        }
        return problems
    }

    /// The message of a lognormal whose sd is more than ``maximumCoefficientOfVariation`` times its mean.
    static func coefficientOfVariationMessage(what: String, sd: String, mean: Double) -> String {
        "\(what) sd is \(sd), more than \(number(maximumCoefficientOfVariation)) times its mean \(number(mean)); a lognormal's sd must be at most \(number(maximumCoefficientOfVariation)) × its mean"
    }
}

extension CareNetwork {
    /// The patients a day the network's demand sends into the simulation: every public health centre in
    /// Morocco's catchment times each service's visits per person (times `factor` of the centre's
    /// region and the service, a scenario's demand scale, where given), over 365 days. The validator
    /// holds it to ``NetworkRanges/dailyArrivals``; a scenario that scales demand can do the same.
    package func dailyArrivals(scaledBy factor: ((RegionID?, ServiceID) -> Double)? = nil) -> Double {
        CareNetwork.dailyArrivals(facilities: facilities, demand: demand, scaledBy: factor)
    }

    /// ``dailyArrivals(scaledBy:)`` of facilities and a demand not yet in a network (the validator's).
    static func dailyArrivals(facilities: [Facility], demand: Demand, scaledBy factor: ((RegionID?, ServiceID) -> Double)? = nil) -> Double {
        var total = 0.0
        for facility in facilities where facility.tier == .healthCentre && facility.isOnRAMEDPathway && facility.catchment > 0 {
            var visits = 0.0
            for (index, service) in demand.services.enumerated() where service.visitsPerPerson > 0 {
                visits += service.visitsPerPerson * (factor?(facility.region, ServiceID(index)) ?? 1)
            }
            total += Double(facility.catchment) * visits / 365
        }
        return total
    }
}
