/// The `lang` query parameter: condition descriptions (`weather[].description`) in a few of the
/// languages OpenWeather speaks; an unknown `lang` gets English, as from OpenWeather. `main`
/// (`Rain`, `Clouds`) stays English in every language, as OpenWeather sends it.
enum StubLanguage: String, Sendable {
    case english = "en"
    case german = "de"
    case french = "fr"
    case spanish = "es"

    /// The language `value` asks for; English for `nil` or an unknown code.
    init(query value: String?) {
        self = value.flatMap { StubLanguage(rawValue: $0.lowercased()) } ?? .english
    }

    /// The description of condition `id` in this language; `english` when there is no translation.
    func description(of id: Int, english: String) -> String {
        guard self != .english, let translated = Self.table[id]?[self] else { return english }
        return translated
    }

    private static let table: [Int: [StubLanguage: String]] = [
        500: [.german: "Leichter Regen", .french: "légère pluie", .spanish: "lluvia ligera"],
        501: [.german: "Mäßiger Regen", .french: "pluie modérée", .spanish: "lluvia moderada"],
        502: [.german: "Sehr starker Regen", .french: "forte pluie", .spanish: "lluvia de gran intensidad"],
        800: [.german: "Klarer Himmel", .french: "ciel dégagé", .spanish: "cielo claro"],
        801: [.german: "Ein paar Wolken", .french: "peu nuageux", .spanish: "algo de nubes"],
        802: [.german: "Mäßig bewölkt", .french: "partiellement nuageux", .spanish: "nubes dispersas"],
        803: [.german: "Überwiegend bewölkt", .french: "nuageux", .spanish: "muy nuboso"],
        804: [.german: "Bedeckt", .french: "couvert", .spanish: "nubes"],
    ]
}
