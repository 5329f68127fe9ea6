/// What the stub does to one request: added latency and One Call 4.0 quirks, then at most one fault.
struct FaultPlan: Sendable, Equatable {
    /// The sum of every matching `latency` rule.
    var latency: Duration = .zero
    /// The quirks of every matching `oneCall4Quirk` rule.
    var quirks: Set<OneCall4Quirk> = []
    /// The first matching fault other than latency, if any.
    var fault: StubFault?

    /// Builds the plan for `path` from `rules` and consumes one use of every rule that applied.
    static func consume(_ rules: inout [FaultRule], path: String) -> FaultPlan {
        var plan = FaultPlan()
        for index in rules.indices where rules[index].matches(path) {
            if case .latency(let delay) = rules[index].fault {
                plan.latency += delay
            } else if case .oneCall4Quirk(let quirk) = rules[index].fault {
                plan.quirks.insert(quirk)
            } else if plan.fault == nil {
                plan.fault = rules[index].fault
            } else {
                continue
            }
            if let remaining = rules[index].remaining { rules[index].remaining = remaining - 1 }
        }
        rules.removeAll { $0.remaining.map { $0 <= 0 } ?? false }
        return plan
    }
}
