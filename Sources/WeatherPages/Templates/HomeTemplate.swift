
extension PageTemplates {
    /// The overview: a grid of cards, or a hint when no place is tracked.
    package static let home = #"""
        {{<layout}}{{$content}}
        <h1>Weather at a glance</h1>
        {{#hasCards}}
        <ul class="cards">
        {{#cards}}{{>card}}{{/cards}}
        </ul>
        {{/hasCards}}
        {{^hasCards}}
        <p>No places are tracked yet (set TRACKED_PLACES). Search for one above, or try:</p>
        <ul class="examples">{{#examples}}<li><a href="{{href}}">{{label}}</a></li>{{/examples}}</ul>
        {{/hasCards}}
        {{/content}}{{/layout}}
        """#
}
