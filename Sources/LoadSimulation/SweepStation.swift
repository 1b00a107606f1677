
/// One station's parameters and running state in the sweep.
struct SweepStation {
    var parameters: StationParameters
    /// The station's id in the model (stations are kept by sweep position).
    var id: Int32
    var queueLength: Int32 = 0
    var counters = StationCounters()
    /// The patients in service (its busy servers), earliest end first: the station's own event list
    /// (at most `servers`).
    var inService = ServiceHeap()
    // Its timetable (``ClockPlan``): `parameters.servers` are the servers working now.
    /// The timetable, -1 around the clock.
    var timetable: Int32 = -1
    /// The day and segment of the next change of servers, its time (infinity: none) and the servers after it.
    var changeDay: Int32 = 0
    var changeSegment: Int32 = 0
    var nextChange = Double.infinity
    var nextServers: Int32 = 0
    /// When the station last closed, and until when its staff still start the patients who were
    /// waiting then (overtime).
    var closedAt = -Double.infinity
    var overtimeUntil = -Double.infinity
    /// Since when more servers are busy than work (overtime), when they are.
    var overtimeMark = 0.0
    /// Server-minutes worked beyond the timetable (patients finishing after a closing or a shift
    /// change, and those started in the overtime after closing), inside the measured window.
    var overtime = 0.0
    /// Patients waiting when the station closed, summed over its closings after warm-up.
    var carriedOver: UInt32 = 0

    init(id: Int32, parameters: StationParameters) { self.id = id; self.parameters = parameters }
}
