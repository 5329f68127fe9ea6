import WeatherServerCore
import Mustache

/// Markup that is already safe to put into a page as it is: SVG built by ``SVGBuilder`` (every
/// attribute value and text escaped) or a fixed literal of ours.
///
/// Templates write it with a triple mustache (`{{{chart}}}`); everything else they interpolate is a
/// `String` and goes through the HTML escaping of a double mustache. Written with a double mustache
/// by mistake, it is escaped and shows as text: a visible bug, never an injection.
package struct SafeMarkup: Sendable, Equatable, MustacheCustomRenderable {
    /// The markup.
    package let markup: String

    /// Wraps markup built by ``SVGBuilder`` or written as a literal in this module (never user input).
    package init(trusted markup: String) {
        self.markup = markup
    }

    /// What a triple mustache writes.
    package var renderText: String { markup }

    /// Never null: an empty chart is still a chart.
    package var isNull: Bool { false }
}
