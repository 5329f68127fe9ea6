import Foundation

extension DecoderUnderTest {
    /// Foundation's `JSONDecoder` into the Codable reference models (explicit `CodingKeys`, no key
    /// strategy), one decoder instance reused, as a service would.
    package static func foundation() -> DecoderUnderTest {
        let decoder = JSONDecoder()
        return DecoderUnderTest(name: "JSONDecoder") { documents, index in
            switch documents[index].kind {
            case .current: blackHole(try decoder.decode(ReferenceCurrentWeather.self, from: documents[index].data))
            case .forecast: blackHole(try decoder.decode(ReferenceForecast.self, from: documents[index].data))
            case .onecall: blackHole(try decoder.decode(ReferenceOneCall.self, from: documents[index].data))
            case .air: blackHole(try decoder.decode(ReferenceAirPollution.self, from: documents[index].data))
            case .geocode: blackHole(try decoder.decode([ReferenceGeocodingResult].self, from: documents[index].data))
            case .onecall4Current:
                blackHole(try decoder.decode(ReferenceTimelinePage<ReferenceFlatRecord4>.self, from: documents[index].data))
            case .onecall4Minutely:
                blackHole(try decoder.decode(ReferenceTimelinePage<ReferenceMinute4>.self, from: documents[index].data))
            case .onecall4QuarterHourly, .onecall4Hourly:
                blackHole(try decoder.decode(ReferenceTimelinePage<ReferenceFlatRecord4>.self, from: documents[index].data))
            case .onecall4Daily:
                blackHole(try decoder.decode(ReferenceTimelinePage<ReferenceDay4>.self, from: documents[index].data))
            }
        }
    }
}
