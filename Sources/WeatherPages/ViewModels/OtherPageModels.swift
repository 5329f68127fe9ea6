
/// The overview: a card per tracked place, and the searched place first.
package struct HomePageModel: Sendable {
    /// Title, search, units switch.
    package var chrome: PageChrome
    /// The cards.
    package var cards: [PlaceCard]
    /// Places to try when there is none.
    package var examples: [PlaceLink]
    /// Whether there is any card (stored: templates read properties through `Mirror`, which sees no computed ones).
    package let hasCards: Bool

    package init(chrome: PageChrome, cards: [PlaceCard], examples: [PlaceLink]) {
        self.chrome = chrome
        self.cards = cards
        self.examples = examples
        self.hasCards = !cards.isEmpty
    }
}

/// A place geocoding does not know: what was asked, and what to try instead.
package struct UnknownPlacePageModel: Sendable {
    /// Title, search, units switch.
    package var chrome: PageChrome
    /// The place as asked.
    package var asked: String
    /// Places geocoding knows under a similar name.
    package var suggestions: [PlaceLink]
    /// The tracked places, always worth a try.
    package var tracked: [PlaceLink]
    /// Whether there is any suggestion (stored, for `Mirror`).
    package let hasSuggestions: Bool
    /// Whether there is any tracked place.
    package let hasTracked: Bool

    package init(chrome: PageChrome, asked: String, suggestions: [PlaceLink], tracked: [PlaceLink]) {
        self.chrome = chrome
        self.asked = asked
        self.suggestions = suggestions
        self.tracked = tracked
        self.hasSuggestions = !suggestions.isEmpty
        self.hasTracked = !tracked.isEmpty
    }
}

/// Anything else that went wrong, said for people: bad input, upstream trouble.
package struct ErrorPageModel: Sendable {
    /// Title, search, units switch.
    package var chrome: PageChrome
    /// `Invalid query parameter`.
    package var heading: String
    /// What happened and what to do.
    package var detail: String

    /// Creates the value from each of its parts.
    package init(chrome: PageChrome, heading: String, detail: String) {
        self.chrome = chrome
        self.heading = heading
        self.detail = detail
    }
}
