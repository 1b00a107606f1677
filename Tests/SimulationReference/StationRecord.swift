import LoadSimulation

/// One station's parameters and running state, 192 bytes. The counters cover the measured period
/// (after warm-up) except `busy` and the queue.
struct StationRecord {
    var parameters: StationParameters
    // State.
    var busy: Int32 = 0
    var queueLength: Int32 = 0
    /// Intrusive FIFO lanes through ``PatientRecord/next``: emergencies, then the others (-1: empty).
    var emergencyHead: Int32 = -1, emergencyTail: Int32 = -1
    var otherHead: Int32 = -1, otherTail: Int32 = -1
    var counters = StationCounters()
    // With a clock: `parameters.servers` are the servers on duty now.
    /// Its timetable (-1: around the clock), and the day and segment of its next change of servers
    /// (an event of the list), with the servers after it.
    var timetable: Int32 = -1
    var changeDay: Int32 = 0, changeSegment: Int32 = 0
    var nextServers: Int32 = 0
    /// When it last closed, until when its staff start the patients waiting then, since when servers
    /// beyond the timetable are busy, and the server-minutes they worked (measured window).
    var closedAt = -Double.infinity, overtimeUntil = -Double.infinity
    var overtimeMark = 0.0, overtime = 0.0
    /// Patients waiting at its closings after warm-up.
    var carriedOver: UInt32 = 0
    /// Pads the record to 192 bytes, so that with 64-byte aligned storage it spans exactly three cache lines.
    var padding: (Double, Double) = (0, 0)

    init(parameters: StationParameters) { self.parameters = parameters }
}
