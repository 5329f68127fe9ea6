import Foundation

extension DecoderUnderTest {
    /// Foundation's `JSONDecoder` into the Codable reference models (explicit `CodingKeys`, no key
    /// strategy), one decoder instance reused, as a service would.
    package static func foundation() -> DecoderUnderTest {
        let decoder = JSONDecoder()
        return DecoderUnderTest(name: "JSONDecoder") { documents, index in
            switch documents[index].kind {
            case .current: blackHole(try decoder.decode(RefCurrentWeather.self, from: documents[index].data))
            case .forecast: blackHole(try decoder.decode(RefForecast.self, from: documents[index].data))
            case .onecall: blackHole(try decoder.decode(RefOneCall.self, from: documents[index].data))
            case .air: blackHole(try decoder.decode(RefAirPollution.self, from: documents[index].data))
            case .geocode: blackHole(try decoder.decode([RefGeocodingResult].self, from: documents[index].data))
            case .onecall4Current:
                blackHole(try decoder.decode(RefTimelinePage<RefOneCall4.Flat>.self, from: documents[index].data))
            case .onecall4Minutely:
                blackHole(try decoder.decode(RefTimelinePage<RefOneCall4.Minute>.self, from: documents[index].data))
            case .onecall4QuarterHourly, .onecall4Hourly:
                blackHole(try decoder.decode(RefTimelinePage<RefOneCall4.Flat>.self, from: documents[index].data))
            case .onecall4Daily:
                blackHole(try decoder.decode(RefTimelinePage<RefOneCall4.Day>.self, from: documents[index].data))
            }
        }
    }
}
