import WeatherCore
import WeatherServerCore

/// What every page shows around its content: title, language, the search form, the units switch
/// and the demo-mode notice. Every text here is interpolated escaped by the templates.
struct PageChrome: Sendable {
    /// The `<title>`.
    var title: String
    /// The `<html lang>`: English, the language of the pages' own words.
    var htmlLanguage = "en"
    /// The `lang` of condition texts, when `lang` asked for another language (`de`, `zh-CN`).
    var conditionLanguage: String?
    /// Whether the service answers with synthetic demo weather.
    var isDemo: Bool
    /// The overview, in the same units and language.
    var homeLink: String
    /// The search box's current text.
    var searchText: String
    /// `units` for the search form, when not the default.
    var unitsParameter: String?
    /// `lang` for the search form, when given.
    var langParameter: String?
    /// The units switch: the same page in each unit system.
    var unitChoices: [UnitChoice]
    /// The footer's line on the upstream budget left today (``BudgetLine``); `nil` leaves it out.
    var budgetLine: String?

    /// One entry of the units switch.
    struct UnitChoice: Sendable {
        /// `°C, m/s`.
        var label: String
        /// The same page in these units.
        var href: String
        /// Whether the page is shown in these units.
        var isCurrent: Bool
    }

    /// The chrome of the page at `path` about `place` (if any), as `query` asks for it.
    init(title: String, path: String, place: Place?, query: PageQuery, isDemo: Bool) {
        self.title = title
        self.conditionLanguage = query.language == nil ? nil : query.htmlLanguage
        self.isDemo = isDemo
        self.homeLink = query.link("/", place: nil)
        self.searchText = query.searchText ?? ""
        self.unitsParameter = query.units == .metric ? nil : query.units.rawValue
        self.langParameter = query.language
        self.unitChoices = [(UnitSystem.metric, "°C, m/s"), (.imperial, "°F, mph")].map { units, label in
            UnitChoice(
                label: label, href: query.link(path, place: place, units: units), isCurrent: units == query.units)
        }
    }
}
