import Foundation
import WeatherServerCore

/// One 3-hour forecast step as ``ForecastChart`` draws it, already in the page's units.
struct ForecastChartStep: Sendable, Equatable {
    /// The instant of the step.
    var time: Date
    /// Temperature in the page's unit (°C, °F or K).
    var temperature: Double
    /// Probability of precipitation, 0…1.
    var precipitationProbability: Double
    /// Rain and snow in the 3 hours, in the chart's precipitation unit (mm or in).
    var precipitation: Double
    /// Mean wind speed in the page's unit (m/s or mph).
    var windSpeed: Double
    /// Where the wind blows from, in degrees.
    var windFromDegrees: Double
}
