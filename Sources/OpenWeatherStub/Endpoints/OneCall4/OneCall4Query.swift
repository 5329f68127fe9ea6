/// The validated query of a One Call 4.0 request: the place, and for the paginated timelines
/// `start` and the page size.
///
/// Checked in One Call 4.0's order (the key and plan were checked by the router before): first
/// whether the required parameters are there and every number parses (`lat`, `lon`, and on the
/// timelines `start` and `cnt`), then their ranges. Each stage answers 400 naming every offending
/// parameter of that stage: `{"cod":400,"message":…,"parameters":["lat"]}`.
struct OneCall4Query: Sendable {
    /// The served point.
    var place: SyntheticPlace
    /// `start`, when given.
    var start: Int?
    /// Records per page: `cnt`, clamped to the page maximum, or the maximum.
    var count: Int
    /// Whether the request named `cnt` (then the links of `15min` and `1h` carry it too).
    var countWasGiven: Bool

    /// The query of `request` for `timeline` (`nil` for `current` and `1min`, which take no `start` or `cnt`).
    static func parse(_ request: StubRequest, timeline: OneCall4Timeline?) -> Result<OneCall4Query, StubError> {
        let names = timeline == nil ? ["lat", "lon"] : ["lat", "lon", "start", "cnt"]
        let missing = ["lat", "lon"].filter { (request.query[$0] ?? "").isEmpty }
        if !missing.isEmpty {
            return .failure(StubError(.oneCall4BadRequest("Nothing to geocode", parameters: missing)))
        }
        let malformed = names.filter { name in
            guard let text = request.query[name] else { return false }
            return name == "lat" || name == "lon" ? Double(text) == nil : Int(text) == nil
        }
        if let name = malformed.first {
            return .failure(StubError(.oneCall4BadRequest(Self.message(for: name, timeline), parameters: malformed)))
        }
        let latitude = request.double("lat") ?? .nan
        let longitude = request.double("lon") ?? .nan
        let start = timeline == nil ? nil : request.int("start")
        let askedCount = timeline == nil ? nil : request.int("cnt")
        let maximum = timeline?.pageMaximum ?? 1
        var outOfRange: [String] = []
        if !(-90...90).contains(latitude) { outOfRange.append("lat") }
        if !(-180...180).contains(longitude) { outOfRange.append("lon") }
        if let start, let timeline, timeline.hasArchive, start < OneCall4Timeline.archiveStart {
            outOfRange.append("start")
        }
        if let askedCount,
            askedCount < 1 || (askedCount > maximum && request.oneCall4Quirks.contains(.countAboveMaximumRejected))
        {
            outOfRange.append("cnt")
        }
        if let name = outOfRange.first {
            return .failure(StubError(.oneCall4BadRequest(Self.message(for: name, timeline), parameters: outOfRange)))
        }
        return .success(
            OneCall4Query(
                place: SyntheticPlace.at(latitude: latitude, longitude: longitude), start: start,
                count: min(askedCount ?? maximum, maximum), countWasGiven: askedCount != nil))
    }

    private static func message(for name: String, _ timeline: OneCall4Timeline?) -> String {
        switch name {
        case "lat": return "wrong latitude"
        case "lon": return "wrong longitude"
        case "start": return "start must be a Unix time in whole seconds, not before 1979-01-01T00:00:00Z"
        default: return "cnt must be a whole number from 1 to \(timeline?.pageMaximum ?? 1)"
        }
    }
}
