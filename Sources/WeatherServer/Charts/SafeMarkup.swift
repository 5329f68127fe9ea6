import Mustache
import WeatherServerCore

/// Markup that is already safe to put into a page as it is: SVG built by ``SVGBuilder`` (every
/// attribute value and text escaped) or a fixed literal of ours.
///
/// Templates write it with a triple mustache (`{{{chart}}}`); everything else they interpolate is a
/// `String` and goes through the HTML escaping of a double mustache. Written with a double mustache
/// by mistake, it is escaped and shows as text: a visible bug, never an injection.
struct SafeMarkup: Sendable, Equatable, MustacheCustomRenderable {
    /// The markup.
    let markup: String

    /// Wraps markup built by ``SVGBuilder`` or written as a literal in this module (never user input).
    init(trusted markup: String) {
        self.markup = markup
    }

    /// What a triple mustache writes.
    var renderText: String { markup }

    /// Never null: an empty chart is still a chart.
    var isNull: Bool { false }
}
