import ArgumentParser
import WeatherCore

/// `weather-tracker geocode QUERY`, `--reverse LAT,LON`, `--zip ZIP,CC`: places and their coordinates.
struct GeocodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geocode",
        abstract: "Find places by name, by coordinates (--reverse) or by postal code (--zip)."
    )

    @Argument(help: "A city name: Zürich, \"Springfield,IL,US\".")
    var query: String?

    @Option(help: "Places near LAT,LON.")
    var reverse: String?

    @Option(help: "A postal code with its country: ZIP,CC (e.g. 94040,US).")
    var zip: String?

    @Option(help: "How many matches at most, 1–5.")
    var limit: Int = 5

    @OptionGroup var options: LookupOptions

    func validate() throws {
        let given = [query != nil, reverse != nil, zip != nil].filter { $0 }.count
        if given != 1 { throw ValidationError("Give exactly one of QUERY, --reverse LAT,LON or --zip ZIP,CC.") }
    }

    func run() async throws {
        try await LookupSession.run(options) { session in
            let output = OutputContext(options)
            if let zip {
                let parts = zip.split(separator: ",", omittingEmptySubsequences: false).map { String($0) }
                guard parts.count <= 2 else {
                    throw UsageError(message: "--zip \"\(zip)\": write ZIP,CC, e.g. 94040,US")
                }
                let request = try OpenWeatherRequest.geocode(zip: parts[0], country: parts.count == 2 ? parts[1] : nil)
                try await session.show(request, as: ZipLocation.self, to: output) { value, output in
                    GeocodingRenderer(style: output.style).render(value)
                }
                return
            }
            let request: OpenWeatherRequest
            if let reverse {
                guard case .coordinates(let coordinates) = try Place.argument(reverse) else {
                    throw UsageError(message: "--reverse \"\(reverse)\": write LAT,LON, e.g. 47.37,8.54")
                }
                request = try .reverseGeocode(coordinates, limit: limit)
            } else {
                switch try Place.argument(query ?? "") {
                case .city(let name, let state, let country):
                    request = try .geocode(city: name, state: state, country: country, limit: limit)
                case .coordinates(let coordinates):
                    request = try .reverseGeocode(coordinates, limit: limit)
                case .zip(let code, let country):
                    request = try .geocode(zip: code, country: country)
                    try await session.show(request, as: ZipLocation.self, to: output) { value, output in
                        GeocodingRenderer(style: output.style).render(value)
                    }
                    return
                case .cityID:
                    throw UsageError(message: "geocode takes a name, LAT,LON or zip:ZIP,CC, not a city id")
                }
            }
            let result = try await session.fetch(request, as: GeocodingResults.self)
            guard !result.value.places.isEmpty else {
                throw WeatherError(code: .notFound, message: "Geocoding found no such place; check the spelling")
            }
            try output.print(result.value) { GeocodingRenderer(style: output.style).render($0) }
        }
    }
}
