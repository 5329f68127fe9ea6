import WeatherServerCore

/// The overview: a card per tracked place, and the searched place first.
struct HomePageModel: Sendable {
    /// Title, search, units switch.
    var chrome: PageChrome
    /// The cards.
    var cards: [PlaceCard]
    /// Places to try when there is none.
    var examples: [PlaceLink]
    /// Whether there is any card (stored: templates read properties through `Mirror`, which sees no computed ones).
    let hasCards: Bool

    init(chrome: PageChrome, cards: [PlaceCard], examples: [PlaceLink]) {
        self.chrome = chrome
        self.cards = cards
        self.examples = examples
        self.hasCards = !cards.isEmpty
    }
}

/// A place geocoding does not know: what was asked, and what to try instead.
struct UnknownPlacePageModel: Sendable {
    /// Title, search, units switch.
    var chrome: PageChrome
    /// The place as asked.
    var asked: String
    /// Places geocoding knows under a similar name.
    var suggestions: [PlaceLink]
    /// The tracked places, always worth a try.
    var tracked: [PlaceLink]
    /// Whether there is any suggestion (stored, for `Mirror`).
    let hasSuggestions: Bool
    /// Whether there is any tracked place.
    let hasTracked: Bool

    init(chrome: PageChrome, asked: String, suggestions: [PlaceLink], tracked: [PlaceLink]) {
        self.chrome = chrome
        self.asked = asked
        self.suggestions = suggestions
        self.tracked = tracked
        self.hasSuggestions = !suggestions.isEmpty
        self.hasTracked = !tracked.isEmpty
    }
}

/// Anything else that went wrong, said for people: bad input, upstream trouble.
struct ErrorPageModel: Sendable {
    /// Title, search, units switch.
    var chrome: PageChrome
    /// `Invalid query parameter`.
    var heading: String
    /// What happened and what to do.
    var detail: String
}
