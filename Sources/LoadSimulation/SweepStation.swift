import HeapModule

/// One station's parameters and running state in the sweep.
struct SweepStation {
    var parameters: StationParameters
    /// The station's id in the model (stations are kept by sweep position).
    var id: Int32
    var queueLength: Int32 = 0
    var counters = StationCounters()
    /// The patients in service (its busy servers), earliest end first: the station's own event list
    /// (at most `servers`).
    var inService = Heap<Traveller>()

    init(id: Int32, parameters: StationParameters) { self.id = id; self.parameters = parameters }
}
