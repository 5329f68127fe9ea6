import Hummingbird
import WeatherCore
import WeatherServerCore
import WeatherPages

/// `GET /`: a card per tracked place, and the place of the query (if any) first.
struct HomePageResponder: Sendable {
    let dependencies: ServiceDependencies

    /// A few places to try when none is tracked.
    static let examples: [Place] = [.city(name: "Zürich", country: "CH"), .city(name: "London", country: "GB")]

    func respond(to request: Request, context: ServiceRequestContext) async -> Response {
        let query: PageQuery
        switch PageErrors.query(of: request) {
        case .success(let parsed): query = parsed
        case .failure(let problem):
            return PageErrors.page(problem, path: "/", query: PageQuery(), dependencies: dependencies)
        }
        var places = dependencies.trackedPlaces
        if let searched = query.place { places.removeAll { $0 == searched } }
        let loader = PlaceCardLoader(dependencies: dependencies)
        // The tracked cards load while the searched one does, as one task group did before.
        async let tracked = loader.cards(for: places, query: query, firstNumber: query.place == nil ? 1 : 2)
        var cards: [PlaceCard] = []
        if let searched = query.place {
            // Its upstream calls, like the tracked cards' (none while the tracker keeps them warm),
            // are charged to the client (UpstreamCharge).
            cards.append(await loader.card(for: searched, id: "card-1", query: query))
        }
        cards += await tracked
        var model = HomePageModel(
            chrome: PageChrome(
                title: "Weather Tracker", path: "/", place: query.place, query: query,
                isDemo: dependencies.mode == .demo),
            cards: cards,
            examples: Self.examples.map { PlaceLink(label: $0.displayText, href: query.link("/place", place: $0)) })
        // Read after the cards, so the line counts the calls this page made.
        model.chrome.budgetLine = await BudgetLine.load(dependencies.client)
        return PageResponse.html(PageTemplates.render("home", model))
    }
}
