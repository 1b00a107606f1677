import CareNetwork
import LoadSimulation

/// The result of one `carepath simulate` run, as result.json holds it: what was run, the accounting,
/// the census by day, and every station, facility, link and refusal, with 95% intervals over the
/// replications.
///
/// One typed document serves every reader: `simulate` builds it (``init(network:model:result:run:)``)
/// and writes it with its CSV tables (``ResultFiles``); `compare` and `render load` read it back
/// (``read(path:)``) and get a clear error naming the file and the field when the file is of another
/// schema, truncated or edited. The schema is versioned by ``schema``: a change of the layout that
/// a reader of the previous layout would misread takes the next number.
public struct ResultDocument: Codable, Sendable, Hashable {
    /// The layout this CarePath writes and reads.
    public static let currentSchema = 1

    /// The layout's version: ``currentSchema`` for a document this CarePath wrote.
    public var schema: Int
    /// The CarePath version that wrote it: runs share their random numbers only within a version.
    public var carepath: String
    public var network: FileReference
    /// The scenario applied to the network, nil for a run of the network as it is.
    public var scenario: ScenarioReference?
    public var configuration: Configuration
    public var accounting: Accounting
    /// Patients who joined a station's queue, over every replication and the warm-up.
    public var stationVisits: Int
    /// Events the engine processed, over every replication.
    public var events: Int
    public var daily: Daily
    /// Every facility with a station, in the network's order.
    public var facilities: [FacilityLoad]
    /// Every station (one service at one facility), in the model's order.
    public var stations: [Station]
    /// Every referral link of the model, with its flow over the measured period.
    public var links: [Link]
    /// Refused patients by service and outcome, mean per replication over the measured period.
    public var rejected: [Rejection]
    /// The load as `carepath render load` draws it.
    public var load: LoadSummary
    /// Where the routes' patients are listed (pathways.csv) and how many routes had patients.
    public var pathways: PathwaysReference
    /// With opening hours or arrival profiles: the network by hour of the day (hourly.csv has every
    /// station's); nil for a network open around the clock at constant rates.
    public var hourly: Hourly?

    /// A mean over the replications with the half-width of its 95% confidence interval.
    public struct Estimate: Codable, Sendable, Hashable {
        public var mean: Double
        /// Half-width of the 95% interval (Student's t over the replications); 0 with one replication.
        public var ci95: Double

        public init(mean: Double, ci95: Double) {
            self.mean = mean
            self.ci95 = ci95
        }

        /// Whether the two intervals are disjoint.
        public func isDisjoint(from other: Estimate) -> Bool { abs(mean - other.mean) > ci95 + other.ci95 }
    }

    /// A file the run read, with the digest of its bytes (`fnv1a64:...`).
    public struct FileReference: Codable, Sendable, Hashable {
        public var path: String
        public var digest: String

        public init(path: String, digest: String) {
            self.path = path
            self.digest = digest
        }
    }

    /// The scenario file, its name and one line per change it made.
    public struct ScenarioReference: Codable, Sendable, Hashable {
        public var path: String
        public var digest: String
        public var name: String?
        public var changes: [String]

        public init(path: String, digest: String, name: String?, changes: [String]) {
            self.path = path
            self.digest = digest
            self.name = name
            self.changes = changes
        }

        /// The scenario's name, else its path.
        public var label: String { name ?? path }
    }

    /// The settings of the run.
    public struct Configuration: Codable, Sendable, Hashable {
        public var days: Double
        public var warmupDays: Double
        public var replications: Int
        /// The seed, as a string: a 64-bit seed does not fit a JSON number exactly.
        public var seed: String
        /// How the random streams are drawn, in words.
        public var generator: String
        /// The date of the run's first day (`YYYY-MM-DD`) when the network has opening hours or
        /// arrival profiles; nil otherwise (the date does not matter then).
        public var start: String?
        /// Whether some station's queue was bounded (a scenario's queue limits), so patients could be turned away.
        public var queueLimits: Bool

        /// Days after the warm-up, over which the statistics are taken.
        public var measuredDays: Double { days - warmupDays }
    }

    /// Patients over every replication: arrived = completed + inSystem + notCovered + unavailable + turnedAway.
    public struct Accounting: Codable, Sendable, Hashable {
        public var arrived: Int
        public var completed: Int
        public var inSystem: Int
        public var notCovered: Int
        public var unavailable: Int
        public var turnedAway: Int
        public var balanced: Bool
    }

    /// The day-end census and the warm-up check; daily.csv has the same series.
    public struct Daily: Codable, Sendable, Hashable {
        public var file: String
        /// Patients in the system at the end of each day, warm-up included.
        public var inSystemAtEndOfDay: [Estimate]
        public var warmUpCheck: WarmUp

        /// The warm-up check of the census (see `WarmUpCheck` in LoadSimulation).
        public struct WarmUp: Codable, Sendable, Hashable {
            public var verdict: WarmUpCheck.Verdict
            public var atEndOfWarmUp: Double
            public var measuredMean: Double
            /// The day-end means over each quarter of the measured days; when ``demandAdjusted``, of
            /// the census divided by the week's demand (relative to its mean), so that a seasonal
            /// profile's winter is not read as a rise.
            public var quarterMeans: [Double]
            /// True when the quarters are judged for the demand (arrival profiles whose months move
            /// it); absent otherwise, and before CarePath 0.4.1.
            public var demandAdjusted: Bool?
            /// True when each day judged is the mean of the week ending on it (a model with opening
            /// hours or arrival profiles); absent otherwise, and before CarePath 0.4.1.
            public var weekAveraged: Bool?
        }
    }

    /// A facility and its busiest station's utilisation (the figure the load diagram colours).
    public struct FacilityLoad: Codable, Sendable, Hashable {
        public var facility: String
        public var name: Name
        public var tier: Tier
        /// The region's key; nil for a facility outside Morocco.
        public var region: String?
        public var province: String?
        public var busiestUtilisation: Double
        /// Arrivals over its stations, mean per replication over the measured period.
        public var arrivals: Double
    }

    /// A name in French and Arabic.
    public struct Name: Codable, Sendable, Hashable {
        public var fr: String
        public var ar: String
    }

    /// One service at one facility.
    public struct Station: Codable, Sendable, Hashable {
        public var facility: String
        public var tier: Tier
        public var service: String
        /// `visit` (its servers see patients one at a time) or `stay` (its servers are beds).
        public var kind: ServiceKind
        public var servers: Int
        public var arrivals: Estimate
        public var served: Estimate
        public var utilisation: Estimate
        public var meanWaitMinutes: Estimate
        public var waitMinutesP50: Double
        public var waitMinutesP90: Double
        public var waitMinutesP99: Double
        public var maxQueue: Int
        public var turnedAway: Estimate
        /// Replication by replication, for paired comparisons (`carepath compare`).
        public var perReplication: PerReplication
        /// Its opening hours as the file gives them (`mon-fri 08:30-16:30 (2); ...`); nil around the clock.
        public var hours: String?
        /// Busy time over the server-time its hours open (above 1 with overtime); nil around the clock.
        public var utilisationOpenHours: Estimate?
        /// Server-minutes worked beyond its hours, per measured day; nil around the clock.
        public var overtimeMinutesPerDay: Estimate?
        /// Patients waiting when it closed, per measured day; nil around the clock.
        public var carriedOverPerDay: Estimate?
        /// With a time model: the hour of the day whose arrivals waited longest on average; nil
        /// otherwise or when nobody waited.
        public var peakHour: PeakHour?

        /// `facility/service`: a station's key across runs.
        public var key: String { facility + "/" + service }

        /// Its utilisation over open hours, or over the whole time when it is open around the clock:
        /// how busy its staff are while on duty.
        public var openUtilisation: Estimate { utilisationOpenHours ?? utilisation }

        public struct PerReplication: Codable, Sendable, Hashable {
            public var utilisation: [Double]
            public var meanWaitMinutes: [Double]
        }
    }

    /// The hour of the day whose arrivals waited most in all at a station (their number times their mean wait).
    public struct PeakHour: Codable, Sendable, Hashable {
        /// 0-23: the arrivals between `hour`:00 and `hour + 1`:00.
        public var hour: Int
        public var arrivalsPerDay: Double
        public var meanWaitMinutes: Double
        public var waitMinutesP90: Double
    }

    /// The network by hour of the day.
    public struct Hourly: Codable, Sendable, Hashable {
        /// The file with every station's hours and weekdays.
        public var file: String
        /// The mean number in the system at each hour of the day (index 0: midnight), over the measured days.
        public var inSystemByHourOfDay: [Estimate]
        /// Per tier, its stations' patients together, by the hour they arrived.
        public var tiers: [TierHours]

        public struct TierHours: Codable, Sendable, Hashable {
            public var tier: Tier
            /// 24 entries, 00:00-01:00 first.
            public var hours: [Hour]

            /// The tier's peak hour: the one whose patients waited most in all (as a station's
            /// ``PeakHour``); nil when nobody waited.
            public var peak: Hour? {
                ResultDocument.hourOfMostWaiting(started: hours.map(\.startedPerDay), meanWait: hours.map(\.meanWaitMinutes)).map { hours[$0] }
            }
        }

        public struct Hour: Codable, Sendable, Hashable {
            public var hour: Int
            public var arrivalsPerDay: Double
            /// Patients who arrived then and started service, per measured day.
            public var startedPerDay: Double
            public var meanWaitMinutes: Double
            public var waitMinutesP90: Double
        }
    }

    /// A referral link and its flow (patients over the measured period, mean per replication).
    public struct Link: Codable, Sendable, Hashable {
        public var from: String
        public var to: String
        public var flow: Estimate
    }

    /// Refused patients of one service and outcome.
    public struct Rejection: Codable, Sendable, Hashable {
        public var service: String
        /// `not-covered` (X1-X3) or `unavailable` (no facility on the chain provides it).
        public var outcome: String
        public var patients: Double
    }

    /// Where pathways.csv is and how many routes it lists.
    public struct PathwaysReference: Codable, Sendable, Hashable {
        public var file: String
        public var routes: Int
    }
}

/// The load a diagram draws: utilisation per facility key, flows between facility keys. It is the
/// `load` of a ``ResultDocument`` and the whole of a hand-made `carepath render load --input` file.
///
/// A reader accepts a utilisation in ``utilisationRange`` and a flow in ``flowRange``;
/// ``validate()`` names the first number outside them (``read(path:)`` and
/// ``ResultDocument/read(path:)`` call it).
public struct LoadSummary: Codable, Sendable, Hashable {
    /// A utilisation is a share of the time busy: 0 idle, 1 saturated, above 1 overloaded (drawn
    /// red); a million times saturated is far beyond any real station, and the bound keeps every
    /// figure drawn from it printable.
    public static let utilisationRange: ClosedRange<Double> = 0...1e6
    /// Patients per unit of ``unit``: a billion covers a year of every visit to Morocco's public
    /// facilities many times over, whatever the unit.
    public static let flowRange: ClosedRange<Double> = 0...1e9

    /// What the flows count, for the legend: `patients/day` in a result.
    public var unit: String
    /// The busiest station's utilisation per facility key.
    public var utilisation: [String: Double]
    public var flows: [Flow]

    public struct Flow: Codable, Sendable, Hashable {
        public var from: String
        public var to: String
        public var patients: Double

        public init(from: String, to: String, patients: Double) {
            self.from = from
            self.to = to
            self.patients = patients
        }
    }

    public init(unit: String = "patients/day", utilisation: [String: Double], flows: [Flow]) {
        self.unit = unit
        self.utilisation = utilisation
        self.flows = flows
    }

    /// A hand-made load file may leave out the unit (patients/day) or the flows.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        unit = try container.decodeIfPresent(String.self, forKey: .unit) ?? "patients/day"
        utilisation = try container.decodeIfPresent([String: Double].self, forKey: .utilisation) ?? [:]
        flows = try container.decodeIfPresent([Flow].self, forKey: .flows) ?? []
    }
}
