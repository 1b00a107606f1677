/// A station's parameters, as the sweep and the reference engine read them: its servers, its queue's
/// capacity (`Int32.max` when unbounded), its service-time distribution (a
/// ``SamplingDistribution/Kind`` raw value and three parameters), its referral rate, and the steps of
/// its escalation route in the plan's steps (-1 when it refers nobody up). 56 bytes.
package struct StationParameters {
    package var servers: Int32
    package var queueCapacity: Int32
    package var serviceKind: Int32
    package var escalationStart: Int32
    package var escalationEnd: Int32
    package var a: Double, b: Double, c: Double
    package var referralRate: Double
}
