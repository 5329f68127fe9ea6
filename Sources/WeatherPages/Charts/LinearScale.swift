
/// Maps values from a domain onto a pixel range, linearly, with "nice" round ticks (1, 2, 2.5 or 5
/// times a power of ten) so axes read 0, 5, 10 rather than 0.7, 5.3, 9.9.
package struct LinearScale: Sendable, Equatable {
    /// The values mapped: `lower` onto ``rangeStart``, `upper` onto ``rangeEnd``.
    package var domain: ClosedRange<Double>
    /// Where `domain.lowerBound` lands (for a y axis, the bottom: the larger pixel value).
    package var rangeStart: Double
    /// Where `domain.upperBound` lands.
    package var rangeEnd: Double
    /// The distance between two ticks.
    package var tickStep: Double

    /// A scale whose domain covers `values` and ends on ticks, with about `tickCount` ticks.
    ///
    /// - Parameters:
    ///   - minimumSpan: the domain is at least this wide (a flat temperature still gets an axis).
    ///   - includeZero: the domain starts at or below zero (amounts, speeds).
    package static func nice(
        covering values: [Double], rangeStart: Double, rangeEnd: Double, tickCount: Int = 5,
        minimumSpan: Double = 1, includeZero: Bool = false
    ) -> LinearScale {
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0
        var high = finite.max() ?? 0
        if includeZero { low = min(low, 0) }
        if high - low < minimumSpan {
            let middle = (high + low) / 2
            low = includeZero && low >= 0 ? low : middle - minimumSpan / 2
            high = low + minimumSpan
        }
        let step = niceStep(for: (high - low) / Double(max(tickCount - 1, 1)))
        let lower = (low / step).rounded(.down) * step
        let upper = max((high / step).rounded(.up) * step, lower + step)
        return LinearScale(domain: lower...upper, rangeStart: rangeStart, rangeEnd: rangeEnd, tickStep: step)
    }

    /// The smallest of 1, 2, 2.5, 5 and 10 times a power of ten that is at least `raw`.
    package static func niceStep(for raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        for factor in [1.0, 2, 2.5, 5, 10] where factor * power >= raw { return factor * power }
        return 10 * power
    }

    /// The pixel position of `value`.
    package func position(of value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0 else { return rangeStart }
        return rangeStart + (value - domain.lowerBound) / span * (rangeEnd - rangeStart)
    }

    /// The tick values, lower bound to upper bound inclusive.
    package var ticks: [Double] {
        guard tickStep > 0 else { return [domain.lowerBound] }
        let count = Int(((domain.upperBound - domain.lowerBound) / tickStep).rounded())
        return (0...max(count, 0)).map { domain.lowerBound + Double($0) * tickStep }
    }
}
