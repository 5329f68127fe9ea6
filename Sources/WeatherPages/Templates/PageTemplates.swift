import WeatherServerCore
package import Mustache

/// The pages' Mustache templates, compiled into the binary (no resource bundle: the service runs
/// from a single file in a container) and parsed once.
///
/// Every value is interpolated with `{{…}}`, which HTML-escapes `& < > " '`, and every attribute
/// is double-quoted, so a place name like `<script>` stays text. Only ``SafeMarkup`` (SVG built by
/// ``SVGBuilder``, which escapes on its own) is written with `{{{…}}}`; ``tripleMustacheNames``
/// lists those names and a test holds the templates to it.
package enum PageTemplates {
    /// The names that may appear in `{{{…}}}`: all of them ``SafeMarkup``.
    package static let tripleMustacheNames: Set<String> = ["icon", "windArrow", "chart", "strip"]

    /// Every template by name (partials and the layout included).
    package static let sources: [String: String] = [
        "layout": layout, "conditions": conditions, "card": card, "home": home, "place": place,
        "unknownPlace": unknownPlace, "error": error,
    ]

    /// The parsed library. The templates are ours and fixed, so a parse error is a programming
    /// error caught by the first test that renders a page.
    package static let library: MustacheLibrary = {
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in sources {
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch {
                preconditionFailure("page template \(name) does not parse: \(error)")
            }
        }
        return MustacheLibrary(templates: templates)
    }()

    /// Renders `model` with the template `name`.
    package static func render(_ name: String, _ model: Any) -> String {
        library.render(model, withTemplate: name) ?? ""
    }
}
