import ArgumentParser
import Foundation
import WeatherCore

/// `weather-tracker decode --kind KIND FILE`: decodes a saved OpenWeather response with
/// WeatherCore's decoder and prints the model as JSON, with every unit named in its key.
///
/// Exit status: 0 on success; 1 when the file cannot be read or does not decode (one line on
/// stderr naming the JSON path); 2 for usage errors.
struct DecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a saved OpenWeather response and print the model as JSON with units named."
    )

    /// Which endpoint the file came from.
    enum Kind: String, CaseIterable, ExpressibleByArgument {
        case current, forecast, onecall, timemachine
        case daySummary = "day-summary"
        case overview, air, geocode, zip
    }

    @Option(
        name: .long,
        help: "The endpoint the response came from: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: Kind

    @Argument(help: "The response body, as saved from OpenWeather.")
    var file: String

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            Self.fail("cannot read \(file)")
        }
        let bytes = [UInt8](data)
        do {
            let json = try Self.render(kind: kind, bytes: bytes)
            FileHandle.standardOutput.write(json + Data("\n".utf8))
        } catch let error as WeatherError {
            Self.fail("\(file): \(error.description)")
        }
    }

    /// Decodes `bytes` as `kind` and encodes the model.
    static func render(kind: Kind, bytes: [UInt8]) throws -> Data {
        switch kind {
        case .current: return try encode(CurrentWeather(jsonBytes: bytes))
        case .forecast: return try encode(Forecast(jsonBytes: bytes))
        case .onecall: return try encode(OneCall(jsonBytes: bytes))
        case .timemachine: return try encode(HistoricalWeather(jsonBytes: bytes))
        case .daySummary: return try encode(DaySummary(jsonBytes: bytes))
        case .overview: return try encode(WeatherOverview(jsonBytes: bytes))
        case .air: return try encode(AirPollution(jsonBytes: bytes))
        case .zip: return try encode(ZipLocation(jsonBytes: bytes))
        case .geocode:
            // `/direct` and `/reverse` send an array; `/zip` sends one object.
            let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
            if first == UInt8(ascii: "{") { return try encode(ZipLocation(jsonBytes: bytes)) }
            return try encode(GeocodingResults(jsonBytes: bytes))
        }
    }

    private static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }

    /// Prints one line on stderr and exits with status 1.
    private static func fail(_ message: String) -> Never {
        let line = message.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        FileHandle.standardError.write(Data("weather-tracker decode: \(line)\n".utf8))
        Self.exit(withError: ExitCode.failure)
    }
}
