
extension PageTemplates {
    /// The frame of every page: head (our stylesheet, icon and refresh script, all same-origin),
    /// header with the search form and the units switch, the demo notice, `{{$content}}`, footer.
    package static let layout = #"""
        <!doctype html>
        <html lang="{{chrome.htmlLanguage}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>{{chrome.title}}</title>
        <link rel="stylesheet" href="/assets/site.css">
        <link rel="icon" href="/favicon.svg" type="image/svg+xml">
        <script src="/assets/refresh.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">Skip to the content</a>
        <header class="site-header">
        <a class="brand" href="{{chrome.homeLink}}">Weather Tracker</a>
        <form class="search" role="search" action="/place" method="get">
        <label for="search-q" class="visually-hidden">Find a place</label>
        <input id="search-q" name="q" type="search" value="{{chrome.searchText}}" placeholder="Zürich, London,GB or 47.37,8.54" required maxlength="200" autocomplete="off">
        {{#chrome.unitsParameter}}<input type="hidden" name="units" value="{{.}}">{{/chrome.unitsParameter}}
        {{#chrome.langParameter}}<input type="hidden" name="lang" value="{{.}}">{{/chrome.langParameter}}
        <button type="submit">Search</button>
        </form>
        <nav class="units" aria-label="Units">
        {{#chrome.unitChoices}}<a href="{{href}}"{{#isCurrent}} aria-current="true"{{/isCurrent}}>{{label}}</a>{{/chrome.unitChoices}}
        </nav>
        </header>
        {{#chrome.isDemo}}<p class="demo-banner" role="note">Demo mode: this is synthetic weather from the embedded OpenWeather stub. Set OPENWEATHER_API_KEY for real weather.</p>{{/chrome.isDemo}}
        <main id="main">
        {{$content}}{{/content}}
        </main>
        <footer class="site-footer">
        <p>Weather data: OpenWeather. The same data as JSON: <a href="/openapi.json">the API</a>.</p>
        {{#chrome.budgetLine}}<p class="budget-line">{{.}} <a href="/v1/quota">Figures</a>.</p>{{/chrome.budgetLine}}
        </footer>
        </body>
        </html>

        """#
}
