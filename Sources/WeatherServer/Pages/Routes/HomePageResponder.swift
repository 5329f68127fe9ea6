import Hummingbird
import WeatherCore

/// `GET /`: a card per tracked place, and the place of the query (if any) first.
struct HomePageResponder: Sendable {
    let dependencies: ServiceDependencies

    /// A few places to try when none is tracked.
    static let examples: [Place] = [.city(name: "Zürich", country: "CH"), .city(name: "London", country: "GB")]

    func respond(to request: Request) async -> Response {
        let query: PageQuery
        switch PageErrors.query(of: request) {
        case .success(let parsed): query = parsed
        case .failure(let problem):
            return PageErrors.page(problem, path: "/", query: PageQuery(), dependencies: dependencies)
        }
        var places = dependencies.trackedPlaces
        if let searched = query.place {
            places.removeAll { $0 == searched }
            places.insert(searched, at: 0)
        }
        let cards = await PlaceCardLoader(dependencies: dependencies).cards(for: places, query: query)
        let model = HomePageModel(
            chrome: PageChrome(
                title: "Weather Tracker", path: "/", place: query.place, query: query,
                isDemo: dependencies.mode == "demo"),
            cards: cards,
            examples: Self.examples.map { PlaceLink(label: $0.displayText, href: query.link("/place", place: $0)) })
        return PageResponse.html(PageTemplates.render("home", model))
    }
}
