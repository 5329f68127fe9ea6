import Hummingbird
import WeatherCore
import WeatherServerCore
import WeatherPages

/// Failures of a page, answered as pages: a person gets a heading and a sentence, not problem+json.
enum PageErrors {
    /// The page for `problem` (its status, title and detail), at `path`.
    static func page(
        _ problem: Problem, path: String, query: PageQuery, dependencies: ServiceDependencies
    ) -> Response {
        let model = ErrorPageModel(
            chrome: PageChrome(
                title: problem.title + " · Weather Tracker", path: path, place: query.place, query: query,
                isDemo: dependencies.mode == .demo),
            heading: problem.title, detail: problem.detail)
        var response = PageResponse.html(PageTemplates.render("error", model), status: problem.status)
        if let seconds = problem.retryAfterSeconds { response.headers[.retryAfter] = String(seconds) }
        return response
    }

    /// The page for a lookup that failed with `error`, logged as the API logs it.
    static func page(
        _ error: WeatherError, path: String, query: PageQuery, dependencies: ServiceDependencies
    ) -> Response {
        let problem = LookupFailure.problem(for: error, route: path, logger: dependencies.logger)
        return page(problem, path: path, query: query, dependencies: dependencies)
    }

    /// A lookup cancelled before it answered (the client went away or the server is stopping).
    static let cancelled = Problem(
        status: .serviceUnavailable, slug: "cancelled", title: "Lookup cancelled", detail: "Try again in a moment.")

    /// The query of `request`, or the 400 problem saying what is wrong with it.
    static func query(of request: Request) -> Result<PageQuery, Problem> {
        do {
            return .success(try PageQuery(QueryString(request.uri.query.map { Substring($0) })))
        } catch {
            return .failure(error)
        }
    }
}
