/// Why one section of a page has no data, said for people.
package struct PageLookupFailure: Error, Sendable {
    /// `Upstream unreachable: OpenWeather could not be reached …`.
    package var text: String

    /// A failure said as `text`.
    package init(text: String) { self.text = text }
}
