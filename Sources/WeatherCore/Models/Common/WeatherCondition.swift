/// One weather condition (`weather[]`): OpenWeather's condition code with its group, text and icon.
public struct WeatherCondition: Sendable, Equatable, Codable {
    /// The condition code (`id`), e.g. 800 for clear sky; see OpenWeather's condition table.
    public var id: Int
    /// The group of conditions (`main`): Rain, Snow, Clouds, Clear, …
    public var main: String
    /// The condition in words, in the requested language (`description`).
    public var description: String
    /// The icon id (`icon`), e.g. `01d`; day/night variants end in `d`/`n`.
    public var icon: String

    /// Creates a condition.
    public init(id: Int, main: String, description: String, icon: String) {
        self.id = id
        self.main = main
        self.description = description
        self.icon = icon
    }
}

extension WeatherCondition: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var id: Int?
        var main = ""
        var description = ""
        var icon = ""
        while try r.nextMember(&cursor) {
            if r.key("id") {
                id = try r.int()
            } else if r.key("main") {
                main = try r.string()
            } else if r.key("description") {
                description = try r.string()
            } else if r.key("icon") {
                icon = try r.string()
            } else {
                try r.skipValue()
            }
        }
        guard let id else { throw r.missing("id", in: cursor) }
        self.init(id: id, main: main, description: description, icon: icon)
    }
}
