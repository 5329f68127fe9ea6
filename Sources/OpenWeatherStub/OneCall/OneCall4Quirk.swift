/// A One Call 4.0 behaviour that differs between reports of the live service (or that the docs
/// leave open), switched on by name so a client's tests can prove it tolerates each variant.
///
/// Without any quirk the stub answers as most reports saw the service: daily `rain` a number,
/// daily `wind_gust` present, no 15-minute `rain`, alert `description` a per-language list with an
/// empty `event` and `tags`, links without `units`/`lang`, absent (not `null`) links, `cnt` above
/// the page maximum clamped, and a `start` past the forecast horizon a 200 with an empty page.
///
/// Switch them on in ``OpenWeatherStub/Configuration/oneCall4Quirks``, with
/// `weather-tracker stub --onecall4-quirk NAME` (repeatable), or for some requests only with a
/// fault rule `{"fault":"onecall4_quirk","quirk":"NAME","path_prefix":…,"times":…}`. The raw
/// values are the names.
public enum OneCall4Quirk: String, Sendable, CaseIterable {
    /// Daily records carry `"weather": null` (reported once, contested once).
    case dailyWeatherNull = "daily-weather-null"
    /// Daily `rain` (and `snow`) as `{"1h": mm}`, as the docs list it, instead of a plain number.
    case dailyPrecipitationObject = "daily-precipitation-object"
    /// Daily records without `wind_gust` (one client says 4.0's daily omits it).
    case dailyWindGustAbsent = "daily-wind-gust-absent"
    /// 15-minute records carry `rain.1h` when it rains (documented, never observed).
    case quarterHourRain = "quarter-hour-rain"
    /// Alert detail `description` as one English string (the documented shape) instead of a list.
    case alertDescriptionString = "alert-description-string"
    /// Alert detail `event` filled in (the documented shape) instead of `""`.
    case alertEventFilled = "alert-event-filled"
    /// Alert detail without `tags` (the migration guide lists them as removed).
    case alertTagsAbsent = "alert-tags-absent"
    /// The first lookup of each alert id answers 404 `Internal error`, the next ones 200 (counted
    /// per stub since start or the last stats reset).
    case alertDetailTransient404 = "alert-detail-transient-404"
    /// `prev`/`next` links also carry the request's `units` and `lang`.
    case linksCarryUnitsAndLanguage = "links-carry-units-lang"
    /// Missing `prev`/`next` on the paginated timelines are sent as `null` instead of left out.
    case linksNull = "links-null"
    /// `cnt` above the page maximum answers 400 (`parameters: ["cnt"]`) instead of being clamped.
    case countAboveMaximumRejected = "cnt-above-max-rejected"
    /// A `start` past the forecast horizon answers 404 instead of 200 with an empty page.
    case startBeyondHorizonNotFound = "start-beyond-horizon-404"
}
