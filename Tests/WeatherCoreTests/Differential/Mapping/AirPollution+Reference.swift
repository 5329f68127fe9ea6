import Foundation

@testable import WeatherCore

extension AirPollution {
    init(reference r: ReferenceAirPollution) {
        self.init(
            coordinates: Coordinates(reference: r.coord),
            readings: r.list.map { item in
                let c = item.components
                return AirQualityReading(
                    time: Date(unixSeconds: item.dt),
                    airQualityIndex: item.main.aqi,
                    components: AirComponents(
                        carbonMonoxide: c.co, nitrogenMonoxide: c.no, nitrogenDioxide: c.no2, ozone: c.o3,
                        sulphurDioxide: c.so2, fineParticles: c.pm2_5, coarseParticles: c.pm10, ammonia: c.nh3))
            }
        )
    }
}
