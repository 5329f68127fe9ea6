
extension PageTemplates {
    /// One place in depth: alerts in force, now, the next hour by minute, 48 hours by quarter hour
    /// (One Call 4.0), the 5-day chart and table, the air-quality strip.
    package static let place = #"""
        {{<layout}}{{$content}}
        <nav class="breadcrumb" aria-label="Breadcrumb"><a href="{{chrome.homeLink}}">All places</a></nav>
        <h1>{{name}}</h1>
        <p class="muted place-meta">{{coordinates}} · <a href="{{overviewHref}}">Show on the overview</a></p>
        {{#hasAlerts}}
        <section class="alerts" aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">Weather alerts in force</h2>
        {{#alerts}}
        <article class="alert">
        <p class="alert-event">{{event}}</p>
        <p class="alert-meta"><time datetime="{{startISO}}">{{period}}</time>{{#sender}} · {{.}}{{/sender}}</p>
        {{#description}}<details class="alert-details"><summary>Details</summary><p class="alert-text"{{#descriptionLanguage}} lang="{{.}}"{{/descriptionLanguage}}>{{description}}</p></details>{{/description}}
        </article>
        {{/alerts}}
        </section>
        {{/hasAlerts}}
        {{#alertsProblem}}<p class="problem alerts-problem">{{.}}</p>{{/alertsProblem}}
        <section class="panel" aria-labelledby="now-heading">
        <h2 id="now-heading">Now</h2>
        {{#current}}
        <p class="local-time">Local time <time datetime="{{localTimeISO}}">{{localTime}}</time> <span class="muted">{{offset}}</span></p>
        {{>conditions}}
        <p class="updated muted">{{updated}}</p>
        {{/current}}
        {{#currentProblem}}<p class="problem">{{.}}</p>{{/currentProblem}}
        </section>
        <section class="panel" aria-labelledby="minutes-heading">
        <h2 id="minutes-heading">Next hour's precipitation</h2>
        {{#minutes}}
        {{#chart}}
        <figure class="chart">
        <div class="chart-scroll">{{{chart}}}</div>
        <figcaption class="muted">By minute. {{caption}}</figcaption>
        </figure>
        {{/chart}}
        {{#dry}}<p class="minutes-dry">{{.}} <span class="muted">{{caption}}</span></p>{{/dry}}
        {{/minutes}}
        {{#minutesProblem}}<p class="problem">{{.}}</p>{{/minutesProblem}}
        </section>
        {{#quarterHours}}
        <section class="panel" aria-labelledby="quarter-heading">
        <h2 id="quarter-heading">Next 48 hours, every 15 minutes</h2>
        <figure class="chart">
        <div class="chart-scroll">{{{chart}}}</div>
        <figcaption class="muted">{{caption}} Arrows point where the wind blows.</figcaption>
        </figure>
        </section>
        {{/quarterHours}}
        {{#quarterHoursProblem}}
        <section class="panel" aria-labelledby="quarter-heading">
        <h2 id="quarter-heading">Next 48 hours, every 15 minutes</h2>
        <p class="problem">{{.}}</p>
        </section>
        {{/quarterHoursProblem}}
        <section class="panel" aria-labelledby="forecast-heading">
        <h2 id="forecast-heading">5-day forecast</h2>
        <figure class="chart">
        <div class="chart-scroll">{{{chart}}}</div>
        <figcaption class="muted">Every 3 hours, in local time ({{offset}}); arrows point where the wind blows. {{forecastUpdated}}.</figcaption>
        </figure>
        <div class="table-scroll">
        <table class="days">
        <caption>Day by day</caption>
        <thead><tr><th scope="col">Day</th><th scope="col">Low</th><th scope="col">High</th><th scope="col">Conditions</th><th scope="col">Precipitation</th><th scope="col">Chance</th><th scope="col">Wind</th></tr></thead>
        <tbody>
        {{#days}}<tr><th scope="row">{{day}}</th><td class="day-low">{{low}}</td><td class="day-high">{{high}}</td><td class="day-condition"{{#chrome.conditionLanguage}} lang="{{.}}"{{/chrome.conditionLanguage}}>{{{icon}}} <span class="day-condition-text">{{condition}}</span></td><td>{{precipitation}}</td><td>{{chance}}</td><td>{{wind}}</td></tr>
        {{/days}}
        </tbody>
        </table>
        </div>
        </section>
        <section class="panel" aria-labelledby="air-heading">
        <h2 id="air-heading">Air quality forecast</h2>
        {{#air}}
        <figure class="chart">
        <div class="chart-scroll">{{{strip}}}</div>
        <figcaption><ul class="aqi-legend">{{#legend}}<li><span class="aqi-badge {{cssClass}}">{{index}}</span> {{name}}</li>{{/legend}}</ul></figcaption>
        </figure>
        {{/air}}
        {{#airProblem}}<p class="problem">{{.}}</p>{{/airProblem}}
        </section>
        {{#hasAlternatives}}
        <section class="panel" aria-labelledby="other-heading">
        <h2 id="other-heading">Other places with this name</h2>
        <ul class="examples">{{#alternatives}}<li><a href="{{href}}">{{label}}</a></li>{{/alternatives}}</ul>
        </section>
        {{/hasAlternatives}}
        {{/content}}{{/layout}}
        """#
}
