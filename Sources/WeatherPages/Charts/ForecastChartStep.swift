import WeatherServerCore
package import Foundation

/// One 3-hour forecast step as ``ForecastChart`` draws it, already in the page's units.
package struct ForecastChartStep: Sendable, Equatable {
    /// The instant of the step.
    package var time: Date
    /// Temperature in the page's unit (°C, °F or K).
    package var temperature: Double
    /// Probability of precipitation, 0…1.
    package var precipitationProbability: Double
    /// Rain and snow in the 3 hours, in the chart's precipitation unit (mm or in).
    package var precipitation: Double
    /// Mean wind speed in the page's unit (m/s or mph).
    package var windSpeed: Double
    /// Where the wind blows from, in degrees.
    package var windFromDegrees: Double
}
