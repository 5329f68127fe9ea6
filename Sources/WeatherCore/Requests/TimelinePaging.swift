public import Foundation

/// The pages a One Call 4.0 timeline walk asks for: pure arithmetic, no I/O.
///
/// A range `[from, to)` is walked from `from` rounded down to the step grid, one full page
/// (``TimelineStep/recordsPerPage`` records) after another, so it needs
/// ⌈(`to` − aligned `from`) / page length⌉ pages. ``WeatherClient/timeline(for:step:from:to:language:maxPages:as:)``
/// computes this before it spends a call, and refuses a range that needs more than its bound.
///
/// ```swift
/// let paging = try TimelinePaging(step: .hour, from: now, to: now + 48 * 3600)
/// paging.pageCount   // 3 (20 + 20 + 8 hours)
/// ```
public struct TimelinePaging: Sendable, Hashable {
    /// The timeline walked.
    public let step: TimelineStep
    /// The first page's start: `from` rounded down to the step grid.
    public let start: Date
    /// The end of the range, exclusive.
    public let end: Date

    /// The pages for `[from, to)` on `step`'s timeline.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` when `to` is not after `from`.
    public init(step: TimelineStep, from: Date, to: Date) throws(WeatherError) {
        guard from < to else {
            throw .invalidRequest(
                "The range ends (\(OpenWeatherRequest.iso(to))) before or when it starts (\(OpenWeatherRequest.iso(from))): "
                    + "give an end after the start.")
        }
        self.step = step
        self.start = step.alignedDown(from)
        self.end = to
    }

    /// How many pages the range needs.
    public var pageCount: Int {
        let span = end.timeIntervalSince(start)
        let pages = (span / TimeInterval(step.pageSeconds)).rounded(.up)
        return pages >= Double(Int.max / 2) ? Int.max / 2 : max(1, Int(pages))
    }

    /// Each page's `start`, in order: ``start``, then one page length after another.
    public var pageStarts: [Date] {
        (0..<pageCount).map { start.addingTimeInterval(TimeInterval(Int64($0) * step.pageSeconds)) }
    }
}
