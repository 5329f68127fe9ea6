public import W3CTraceContext

/// Which traces are recorded: the OpenTelemetry samplers named by `OTEL_TRACES_SAMPLER`.
///
/// A span that is not sampled still gets ids and carries its context (so a downstream service sees
/// the same trace), but records nothing and is not exported.
public indirect enum Sampler: Sendable, Equatable {
    /// Every trace.
    case alwaysOn
    /// No trace.
    case alwaysOff
    /// A fixed share of traces, decided from the trace id so every service of a trace agrees.
    case traceIDRatio(Double)
    /// A span with a parent follows its parent's decision; a root span asks `root`.
    case parentBased(root: Sampler)

    /// The sampler `OTEL_TRACES_SAMPLER` names (lowercased), with `OTEL_TRACES_SAMPLER_ARG`.
    init(name: String, argument: String?) throws(OTLPConfigurationError) {
        func ratio() throws(OTLPConfigurationError) -> Double {
            guard let argument else { return 1 }
            guard let value = Double(argument), (0...1).contains(value) else {
                throw OTLPConfigurationError(
                    variable: "OTEL_TRACES_SAMPLER_ARG", reason: "is not a ratio from 0 to 1 (for example 0.01)")
            }
            return value
        }
        switch name {
        case "always_on": self = .alwaysOn
        case "always_off": self = .alwaysOff
        case "traceidratio": self = .traceIDRatio(try ratio())
        case "parentbased_always_on": self = .parentBased(root: .alwaysOn)
        case "parentbased_always_off": self = .parentBased(root: .alwaysOff)
        case "parentbased_traceidratio": self = .parentBased(root: .traceIDRatio(try ratio()))
        default:
            throw OTLPConfigurationError(
                variable: "OTEL_TRACES_SAMPLER",
                reason: "\(name) is not built: use always_on, always_off, traceidratio or parentbased_… of one of them")
        }
    }

    /// Whether a new span of `traceID`, whose parent (if any) has `parentFlags`, is sampled.
    public func isSampled(traceID: TraceID, parentFlags: TraceFlags?) -> Bool {
        switch self {
        case .alwaysOn: true
        case .alwaysOff: false
        case .traceIDRatio(let ratio): Self.isWithin(ratio, traceID)
        case .parentBased(let root):
            if let parentFlags { parentFlags.contains(.sampled) } else { root.isSampled(traceID: traceID, parentFlags: nil) }
        }
    }

    /// The specification's ratio test: the trace id's last 8 bytes, as a number below 2⁶³, under
    /// `ratio` × 2⁶³. Random trace ids make it a fair coin; the same id gives the same answer anywhere.
    private static func isWithin(_ ratio: Double, _ traceID: TraceID) -> Bool {
        if ratio >= 1 { return true }
        if ratio <= 0 { return false }
        let low = withUnsafeBytes(of: traceID.bytes) { bytes in
            (8..<16).reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[$1]) }
        }
        return low & (UInt64.max >> 1) < UInt64(ratio * 0x1p63)
    }
}
