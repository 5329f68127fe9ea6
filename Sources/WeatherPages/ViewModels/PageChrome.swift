import WeatherServerCore
package import WeatherCore

/// What every page shows around its content: title, language, the search form, the units switch
/// and the demo-mode notice. Every text here is interpolated escaped by the templates.
package struct PageChrome: Sendable {
    /// The `<title>`.
    package var title: String
    /// The `<html lang>`: English, the language of the pages' own words.
    package var htmlLanguage = "en"
    /// The `lang` of condition texts, when `lang` asked for another language (`de`, `zh-CN`).
    package var conditionLanguage: String?
    /// Whether the service answers with synthetic demo weather.
    package var isDemo: Bool
    /// The overview, in the same units and language.
    package var homeLink: String
    /// The search box's current text.
    package var searchText: String
    /// `units` for the search form, when not the default.
    package var unitsParameter: String?
    /// `lang` for the search form, when given.
    package var langParameter: String?
    /// The units switch: the same page in each unit system.
    package var unitChoices: [UnitChoice]
    /// The footer's line on the upstream budget left today (``BudgetLine``); `nil` leaves it out.
    package var budgetLine: String?

    /// One entry of the units switch.
    package struct UnitChoice: Sendable {
        /// `°C, m/s`.
        package var label: String
        /// The same page in these units.
        package var href: String
        /// Whether the page is shown in these units.
        package var isCurrent: Bool
    }

    /// The chrome of the page at `path` about `place` (if any), as `query` asks for it.
    package init(title: String, path: String, place: Place?, query: PageQuery, isDemo: Bool) {
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
