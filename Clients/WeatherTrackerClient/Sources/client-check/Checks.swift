import Foundation
import WeatherTrackerClient

/// Every call client-check makes: each operation of the document at least once, lookups for places
/// in each form, a 304 for an ETag sent back, and one documented problem each for 404 and 400.
/// When the document changes, run `generate.sh` and adjust the entries the compiler names; an
/// operation added to the document and missing here fails the check ("an operation of the document
/// that client-check does not call").
enum Checks {
    /// The calls, in order.
    static var all: [Check] { lookups + places + pages + service }

    /// Unix seconds `hours` from now, for the routes that take instants.
    private static func unixTime(hoursFromNow hours: Int) -> Int { Int(Date().timeIntervalSince1970) + hours * 3600 }

    /// Yesterday, `YYYY-MM-DD` (UTC), for day-summary.
    private static var yesterday: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date(timeIntervalSinceNow: -86_400))
    }

    /// Current weather in every place form, a revalidation, and the documented problems.
    static var places: [Check] {
        let id = Operations.V1WeatherCurrent.id
        return [
            Check(operationID: id, label: "city=Zürich units=metric", status: 200) {
                try await $0.v1WeatherCurrent(query: .init(place: .city("Zürich"), units: .metric))
            },
            Check(operationID: id, label: "city=Springfield state=IL country=US", status: 200) {
                try await $0.v1WeatherCurrent(query: .init(place: .city("Springfield", state: "IL", country: "US")))
            },
            Check(operationID: id, label: "lat=51.51 lon=-0.13", status: 200) {
                try await $0.v1WeatherCurrent(query: .init(place: .coordinates(51.51, -0.13)))
            },
            Check(operationID: id, label: "zip=10001 country=US", status: 200) {
                try await $0.v1WeatherCurrent(query: .init(place: .zip("10001", country: "US")))
            },
            Check(operationID: id, label: "id=2643743 units=imperial", status: 200) {
                try await $0.v1WeatherCurrent(query: .init(place: .cityID(2_643_743), units: .imperial))
            },
            Check(operationID: id, label: "city=Zürich If-None-Match: its ETag", status: 304) {
                let query = Operations.V1WeatherCurrent.Input.Query(place: .city("Zürich"), units: .metric)
                let etag = try await $0.v1WeatherCurrent(query: query).ok.headers.eTag
                return try await $0.v1WeatherCurrent(query: query, headers: .init(ifNoneMatch: etag))
            },
            Check(operationID: id, label: "city=nowhere (problem)", status: 404) {
                try await $0.v1WeatherCurrent(query: .init(place: .city("nowhere")))
            },
            Check(operationID: id, label: "lat=91 lon=0 (problem)", status: 400) {
                try await $0.v1WeatherCurrent(query: .init(place: .coordinates(91, 0)))
            },
        ]
    }

    /// One call of every other lookup route.
    static var lookups: [Check] {
        [
            Check(operationID: Operations.V1WeatherForecast.id, label: "city=Bergen country=NO cnt=8", status: 200) {
                try await $0.v1WeatherForecast(query: .init(place: .city("Bergen", country: "NO"), cnt: 8))
            },
            Check(operationID: Operations.V1WeatherOnecall.id, label: "lat=47.37 lon=8.54", status: 200) {
                try await $0.v1WeatherOnecall(query: .init(place: .coordinates(47.37, 8.54)))
            },
            Check(operationID: Operations.V1WeatherOnecallTimemachine.id, label: "city=Berlin dt=yesterday", status: 200) {
                try await $0.v1WeatherOnecallTimemachine(query: .init(place: .city("Berlin"), dt: unixTime(hoursFromNow: -24)))
            },
            Check(operationID: Operations.V1WeatherOnecallDaySummary.id, label: "city=Berlin date=yesterday", status: 200) {
                try await $0.v1WeatherOnecallDaySummary(query: .init(place: .city("Berlin"), date: yesterday))
            },
            Check(operationID: Operations.V1WeatherOnecallOverview.id, label: "city=Berlin", status: 200) {
                try await $0.v1WeatherOnecallOverview(query: .init(place: .city("Berlin")))
            },
            Check(operationID: Operations.V1WeatherTimeline1min.id, label: "city=Oslo", status: 200) {
                try await $0.v1WeatherTimeline1min(query: .init(place: .city("Oslo")))
            },
            Check(operationID: Operations.V1WeatherTimeline15min.id, label: "city=Oslo", status: 200) {
                try await $0.v1WeatherTimeline15min(query: .init(place: .city("Oslo")))
            },
            Check(operationID: Operations.V1WeatherTimeline1h.id, label: "lat=59.91 lon=10.75", status: 200) {
                try await $0.v1WeatherTimeline1h(query: .init(place: .coordinates(59.91, 10.75)))
            },
            Check(operationID: Operations.V1WeatherTimeline1day.id, label: "city=Oslo", status: 200) {
                try await $0.v1WeatherTimeline1day(query: .init(place: .city("Oslo")))
            },
            Check(operationID: Operations.V1WeatherAlerts.id, label: "city=Miami country=US", status: 200) {
                try await $0.v1WeatherAlerts(query: .init(place: .city("Miami", country: "US")))
            },
            Check(operationID: Operations.V1Air.id, label: "city=Delhi country=IN", status: 200) {
                try await $0.v1Air(query: .init(place: .city("Delhi", country: "IN")))
            },
            Check(operationID: Operations.V1AirForecast.id, label: "lat=28.61 lon=77.21", status: 200) {
                try await $0.v1AirForecast(query: .init(place: .coordinates(28.61, 77.21)))
            },
            Check(operationID: Operations.V1AirHistory.id, label: "city=Delhi, the last two hours", status: 200) {
                try await $0.v1AirHistory(
                    query: .init(place: .city("Delhi"), start: unixTime(hoursFromNow: -2), end: unixTime(hoursFromNow: -1)))
            },
            Check(operationID: Operations.V1Geocode.id, label: "q=Springfield,IL,US limit=3", status: 200) {
                try await $0.v1Geocode(query: .init(q: "Springfield,IL,US", limit: 3))
            },
            Check(operationID: Operations.V1GeocodeReverse.id, label: "lat=47.37 lon=8.54", status: 200) {
                try await $0.v1GeocodeReverse(query: .init(lat: 47.37, lon: 8.54))
            },
            Check(operationID: Operations.V1GeocodeZip.id, label: "zip=8001 country=CH", status: 200) {
                try await $0.v1GeocodeZip(query: .init(zip: "8001", country: "CH"))
            },
            Check(operationID: Operations.LegacyWeather.id, label: "/weather/London units=imperial", status: 200) {
                try await $0.legacyWeather(path: .init(city: "London"), query: .init(units: .imperial))
            },
            Check(operationID: Operations.Batch.id, label: "two lookups and a target that is none", status: 200) {
                try await $0.batch(
                    body: .json(
                        .init(requests: [
                            "/v1/weather/current?city=Bergen&country=NO", "/v1/air?lat=28.61&lon=77.21", "/v1/nowhere",
                        ])))
            },
        ]
    }

    /// The web pages and their assets (raw bodies, read to the end).
    static var pages: [Check] {
        [
            Check(operationID: Operations.PageOverview.id, label: "/", status: 200) { try await $0.pageOverview() },
            Check(operationID: Operations.PagePlace.id, label: "/place city=Zürich", status: 200) {
                try await $0.pagePlace(query: .init(place: .city("Zürich")))
            },
            Check(operationID: Operations.AssetCss.id, label: "", status: 200) { try await $0.assetCss() },
            Check(operationID: Operations.AssetJs.id, label: "", status: 200) { try await $0.assetJs() },
            Check(operationID: Operations.FaviconSvg.id, label: "", status: 200) { try await $0.faviconSvg() },
            Check(operationID: Operations.FaviconIco.id, label: "", status: 200) { try await $0.faviconIco() },
        ]
    }

    /// The service's own routes (demo mode asked for with `DEMO=1`, so `/ready` answers 200).
    static var service: [Check] {
        [
            Check(operationID: Operations.Health.id, label: "", status: 200) { try await $0.health() },
            Check(operationID: Operations.Ready.id, label: "", status: 200) { try await $0.ready() },
            Check(operationID: Operations.Metrics.id, label: "", status: 200) { try await $0.metrics() },
            Check(operationID: Operations.Openapi.id, label: "", status: 200) { try await $0.openapi() },
            Check(operationID: Operations.Quota.id, label: "", status: 200) { try await $0.quota() },
            Check(operationID: Operations.Tracked.id, label: "units=metric", status: 200) {
                try await $0.tracked(query: .init(units: .metric))
            },
        ]
    }
}

extension Components.Schemas.Place {
    /// A city, optionally with its country.
    static func city(_ name: String, country: String? = nil) -> Self { .PlaceCity(.init(city: name, country: country)) }
    /// A US city with its state and country.
    static func city(_ name: String, state: String, country: String) -> Self {
        .PlaceCityInState(.init(city: name, country: country, state: state))
    }
    /// A point.
    static func coordinates(_ lat: Double, _ lon: Double) -> Self { .PlaceCoordinates(.init(lat: lat, lon: lon)) }
    /// A postal code, optionally with its country.
    static func zip(_ code: String, country: String? = nil) -> Self { .PlacePostalCode(.init(country: country, zip: code)) }
    /// An OpenWeather city id.
    static func cityID(_ id: Int) -> Self { .PlaceCityID(.init(id: id)) }
}
