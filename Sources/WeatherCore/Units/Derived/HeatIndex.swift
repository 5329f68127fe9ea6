import Foundation

extension Temperature {
    /// The heat index ("feels like" in hot, humid air) at this temperature and `relativeHumidity`,
    /// computed as the US National Weather Service does (NWS Technical Attachment SR 90-23,
    /// Rothfusz 1990, and the NWS Weather Prediction Center's heat index equation page):
    ///
    /// 1. The simple formula first, HI = 0.5·(T + 61 + 1.2·(T − 68) + 0.094·RH) in °F (Steadman's
    ///    result fitted for mild conditions). If its average with T is below 80 °F, that is the answer.
    /// 2. Otherwise the Rothfusz regression, HI = −42.379 + 2.04901523·T + 10.14333127·RH
    ///    − 0.22475541·T·RH − 0.00683783·T² − 0.05481717·RH² + 0.00122874·T²·RH
    ///    + 0.00085282·T·RH² − 0.00000199·T²·RH², with two adjustments:
    ///    - RH < 13 % and 80 °F < T < 112 °F: subtract ((13 − RH)/4)·√((17 − |T − 95|)/17);
    ///    - RH > 85 % and 80 °F ≤ T ≤ 87 °F: add ((RH − 85)/10)·((87 − T)/5).
    ///
    /// The regression reproduces the NWS heat index chart within its stated ±1.3 °F.
    ///
    /// - Parameter relativeHumidity: percent, 0–100 (clamped to that range).
    public func heatIndex(relativeHumidity: Double) -> Temperature {
        let t = fahrenheit
        let rh = min(max(relativeHumidity.isNaN ? 0 : relativeHumidity, 0), 100)
        let simple = 0.5 * (t + 61.0 + (t - 68.0) * 1.2 + rh * 0.094)
        guard (simple + t) / 2 >= 80 else { return Temperature(fahrenheit: simple) }

        var index = -42.379 + 2.04901523 * t + 10.14333127 * rh
        index += -0.22475541 * t * rh - 0.00683783 * t * t - 0.05481717 * rh * rh
        index += 0.00122874 * t * t * rh + 0.00085282 * t * rh * rh - 0.00000199 * t * t * rh * rh

        if rh < 13 && t > 80 && t < 112 {
            index -= ((13 - rh) / 4) * sqrt((17 - abs(t - 95)) / 17)
        } else if rh > 85 && t >= 80 && t <= 87 {
            index += ((rh - 85) / 10) * ((87 - t) / 5)
        }
        return Temperature(fahrenheit: index)
    }
}
