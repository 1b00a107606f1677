import LoadSimulation

/// One station's parameters and running state, 128 bytes. The counters cover the measured period
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
    /// Pads the record to 128 bytes, so that with 64-byte aligned storage it spans exactly two cache lines.
    var padding: Double = 0

    init(parameters: StationParameters) { self.parameters = parameters }
}
