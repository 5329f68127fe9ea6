/// One page of a One Call 4.0 timeline: its record times and where `prev` and `next` start.
///
/// The rule (derived from OpenWeather's documented examples): from the first record `t0` (the
/// aligned `start`, or now) up to `count` records; `next` starts at the last record + one step,
/// only while the span has data there; `prev` starts `count` steps before `t0`, only when the span
/// has data before `t0` — clamped to the span's first record, so the stub never links to a
/// `start` it would refuse.
struct OneCall4Page: Sendable, Equatable {
    /// The record times, oldest first; empty past the forecast horizon.
    var times: [Int]
    /// `start` of the previous page, when there is one.
    var previousStart: Int?
    /// `start` of the next page, when there is one.
    var nextStart: Int?
    /// Whether the page lies past the span's end (no data at all).
    var isBeyondHorizon: Bool

    /// The page of `timeline` at `place` for `start` (now when `nil`), `count` records at most.
    init(_ timeline: OneCall4Timeline, place: SyntheticPlace, now: Int, start: Int?, count: Int) {
        let first = timeline.first(place: place, now: now)
        let last = timeline.last(place: place, now: now)
        let aligned = start.map { timeline.align($0, place: place) } ?? timeline.defaultStart(place: place, now: now)
        let t0 = max(aligned, first)
        var times: [Int] = []
        var time = t0
        while times.count < count && time <= last {
            times.append(time)
            time = timeline.following(time, place: place)
        }
        self.times = times
        isBeyondHorizon = t0 > last
        if let newest = times.last, timeline.following(newest, place: place) <= last {
            nextStart = newest + timeline.step
        }
        if t0 > first { previousStart = max(t0 - count * timeline.step, first) }
    }
}
