/// How long and how often to measure: bounded by rounds and by a wall-clock budget.
package struct TimingOptions: Sendable {
    /// Rounds; every round times every decoder on every workload once, in alternating order.
    package var rounds: Int = 5
    /// The shortest sample, in seconds of thread CPU time: passes repeat until it is reached.
    package var minSampleSeconds: Double = 0.1
    /// Wall-clock budget: no new round starts after it (the first round always completes).
    package var maxSeconds: Double = 60

    /// The defaults: 5 rounds of at least 0.1 s per sample, at most 60 s.
    package init() {}
}
