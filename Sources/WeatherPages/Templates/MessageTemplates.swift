
extension PageTemplates {
    /// A place geocoding does not know: suggestions instead of an error dump.
    package static let unknownPlace = #"""
        {{<layout}}{{$content}}
        <h1>We could not find “{{asked}}”</h1>
        <p>Check the spelling, or add a country code: <em>Springfield,IL,US</em>, <em>London,GB</em>. Coordinates work too: <em>47.37,8.54</em>.</p>
        {{#hasSuggestions}}
        <h2>Did you mean</h2>
        <ul class="examples">{{#suggestions}}<li><a href="{{href}}">{{label}}</a></li>{{/suggestions}}</ul>
        {{/hasSuggestions}}
        {{#hasTracked}}
        <h2>Tracked places</h2>
        <ul class="examples">{{#tracked}}<li><a href="{{href}}">{{label}}</a></li>{{/tracked}}</ul>
        {{/hasTracked}}
        {{/content}}{{/layout}}
        """#

    /// Bad input or upstream trouble, said for people.
    package static let error = #"""
        {{<layout}}{{$content}}
        <h1>{{heading}}</h1>
        <p>{{detail}}</p>
        <p><a href="{{chrome.homeLink}}">Back to all places</a></p>
        {{/content}}{{/layout}}
        """#
}
