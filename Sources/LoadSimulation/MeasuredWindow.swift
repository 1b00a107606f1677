/// The measured period of a replication: from the end of the warm-up to the horizon (minutes).
package struct MeasuredWindow {
    package var warmup: Double
    package var horizon: Double

    package init(warmup: Double, horizon: Double) {
        self.warmup = warmup
        self.horizon = horizon
    }
}
