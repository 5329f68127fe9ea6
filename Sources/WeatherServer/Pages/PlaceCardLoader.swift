import Foundation
import WeatherCore
import WeatherServerCore
import WeatherPages

/// Looks up the cards of the overview, all at once: current weather (in the page's language) and
/// current air quality per place, through the client, so tracked places come from the warm cache.
struct PlaceCardLoader: Sendable {
    let dependencies: ServiceDependencies

    /// A card for each place, in order, with ids counted from `firstNumber`; a failed lookup
    /// gives a card that says why.
    func cards(for places: [Place], query: PageQuery, firstNumber: Int = 1) async -> [PlaceCard] {
        await withTaskGroup(of: (Int, PlaceCard).self) { group in
            for (index, place) in places.enumerated() {
                group.addTask { (index, await card(for: place, id: "card-\(firstNumber + index)", query: query)) }
            }
            var cards: [(Int, PlaceCard)] = []
            for await card in group { cards.append(card) }
            return cards.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// The card of one place.
    func card(for place: Place, id: String, query: PageQuery) async -> PlaceCard {
        let client = dependencies.client
        let href = query.link("/place", place: place)
        do {
            let current = try await client.current(for: place, language: query.language)
            let weather = current.value
            // Air quality is keyed by the geocoded point, as the tracker warms it.
            let point = (try? await client.resolve(place).coordinates) ?? weather.coordinates
            let air = try? await client.airPollution(for: point)
            let name =
                weather.name.isEmpty ? place.displayText : ResolvedPlace.joinedName(weather.name, weather.country)
            return PlaceCard(
                id: id, name: name, href: href,
                weather: CurrentConditions(
                    weather, air: air?.value.readings.first, units: query.units, now: dependencies.clock.now,
                    age: current.age),
                problem: nil)
        } catch let error as WeatherError {
            return Self.card(place, id: id, href: href, problem: Problem(error))
        } catch {
            return PlaceCard(
                id: id, name: place.displayText, href: href, weather: nil, problem: "The lookup was cancelled.")
        }
    }

    /// The card of a place that could not be shown because of `problem`.
    static func card(_ place: Place, id: String, href: String, problem: Problem) -> PlaceCard {
        PlaceCard(
            id: id, name: place.displayText, href: href, weather: nil, problem: "\(problem.title): \(problem.detail)")
    }
}
