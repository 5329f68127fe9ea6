import Foundation
import Hummingbird
import NIOCore
import WeatherCore
import WeatherServerCore
import WeatherPages

/// `GET /v1/tracked`: every tracked place with its latest current weather and cache age, looked up
/// through the client (so normally from the cache the tracker keeps warm).
struct TrackedResponder: Sendable {
    let dependencies: ServiceDependencies

    func respond(to request: Request) async throws -> Response {
        let query = try QueryString(request.uri.query.map { Substring($0) })
        try query.requireOnly(["units"])
        let units = try LookupQuery.units(query)
        let client = dependencies.client
        let entries = await withTaskGroup(of: (Int, TrackedEntry).self) { group in
            for (index, place) in dependencies.trackedPlaces.enumerated() {
                group.addTask {
                    do {
                        let result = try await client.current(for: place)
                        return (
                            index,
                            TrackedEntry(
                                place: place.displayText, current: result.value, ageS: Int(result.age.seconds),
                                cache: result.cacheStatus.headerValue, error: nil)
                        )
                    } catch let error as WeatherError {
                        return (index, TrackedEntry(place: place.displayText, error: Problem(error).title))
                    } catch {
                        return (index, TrackedEntry(place: place.displayText, error: "lookup cancelled"))
                    }
                }
            }
            var entries: [(Int, TrackedEntry)] = []
            for await entry in group { entries.append(entry) }
            return entries.sorted { $0.0 < $1.0 }.map(\.1)
        }
        let mode = dependencies.mode
        let document = TrackedDocument(places: entries, units: units.rawValue, mode: mode.bodyMarker)
        let bytes = try ServiceJSON.encode(document, units: units)
        return Response(
            status: .ok,
            headers: [.contentType: "application/json", .cacheControl: mode.answersAreShareable ? "no-cache" : "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    struct TrackedDocument: Codable {
        var places: [TrackedEntry]
        var units: String
        /// `demo` when the weather is synthetic; absent for real weather.
        var mode: String?
    }

    struct TrackedEntry: Codable {
        var place: String
        var current: CurrentWeather?
        var ageS: Int?
        var cache: String?
        var error: String?
    }
}
