/// An OpenWeather condition code with its group, description and icon stem.
struct Condition: Sendable, Equatable {
    var id: Int
    var main: String
    var description: String
    var iconStem: String

    /// The condition for a cloud cover and a rain rate, as OpenWeather would report it.
    static func from(clouds: Int, rain: Double) -> Condition {
        if rain > 4 { return Condition(id: 502, main: "Rain", description: "heavy intensity rain", iconStem: "10") }
        if rain > 1 { return Condition(id: 501, main: "Rain", description: "moderate rain", iconStem: "10") }
        if rain > 0 { return Condition(id: 500, main: "Rain", description: "light rain", iconStem: "10") }
        switch clouds {
        case ..<11: return Condition(id: 800, main: "Clear", description: "clear sky", iconStem: "01")
        case ..<26: return Condition(id: 801, main: "Clouds", description: "few clouds", iconStem: "02")
        case ..<51: return Condition(id: 802, main: "Clouds", description: "scattered clouds", iconStem: "03")
        case ..<85: return Condition(id: 803, main: "Clouds", description: "broken clouds", iconStem: "04")
        default: return Condition(id: 804, main: "Clouds", description: "overcast clouds", iconStem: "04")
        }
    }

    /// Writes `"weather":[{…}]`.
    func write(to writer: inout JSONWriter, isDay: Bool) {
        writer.beginArray("weather")
        writer.beginObject()
        writer.field("id", id)
        writer.field("main", main)
        writer.field("description", description)
        writer.field("icon", iconStem + (isDay ? "d" : "n"))
        writer.endObject()
        writer.endArray()
    }
}
