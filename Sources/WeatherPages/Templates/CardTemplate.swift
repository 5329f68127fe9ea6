
extension PageTemplates {
    /// The facts of current conditions (a `CurrentConditions` on top of the context): shared by the
    /// overview's cards and the place page's "Now" panel.
    package static let conditions = #"""
        <div class="now">
        {{{icon}}}
        <div>
        <p class="temp">{{temperature}}</p>
        <p class="feels">Feels like {{feelsLike}}</p>
        <p class="condition"{{#chrome.conditionLanguage}} lang="{{.}}"{{/chrome.conditionLanguage}}>{{condition}}</p>
        </div>
        </div>
        <dl class="facts">
        <div><dt>Wind</dt><dd>{{{windArrow}}} {{wind}}<br><span class="muted">{{beaufort}}</span></dd></div>
        <div><dt>Humidity</dt><dd>{{humidity}}</dd></div>
        <div><dt>Pressure</dt><dd>{{pressure}}</dd></div>
        <div><dt>Air quality</dt><dd>{{#air}}<span class="aqi-badge {{cssClass}}" title="OpenWeather air quality index {{index}} of 5">{{index}} · {{name}}</span>{{/air}}{{^air}}<span class="muted">not available</span>{{/air}}</dd></div>
        <div><dt>Sunrise</dt><dd>{{#sunrise}}{{.}}{{/sunrise}}{{^sunrise}}<span class="muted">none today</span>{{/sunrise}}</dd></div>
        <div><dt>Sunset</dt><dd>{{#sunset}}{{.}}{{/sunset}}{{^sunset}}<span class="muted">none today</span>{{/sunset}}</dd></div>
        </dl>

        """#

    /// One card of the overview (a `PlaceCard` on top of the context).
    package static let card = #"""
        <li class="card">
        <article aria-labelledby="{{id}}">
        <h2 id="{{id}}"><a href="{{href}}">{{name}}</a></h2>
        {{#weather}}
        <p class="local-time">Local time <time datetime="{{localTimeISO}}">{{localTime}}</time> <span class="muted">{{offset}}</span></p>
        {{>conditions}}
        <p class="updated muted">{{updated}}</p>
        {{/weather}}
        {{#problem}}<p class="problem">{{.}}</p>{{/problem}}
        </article>
        </li>

        """#
}
