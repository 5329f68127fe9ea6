/// Which One Call API answered a lookup, and how many upstream calls building the answer took.
///
/// One Call 3.0 answers in one call; 4.0 in one per endpoint and page (an assembled ``OneCall`` is
/// current, the minute timeline, three pages of hours, a page of days and one call per alert),
/// fewer with `exclude`, and none for the parts still fresh in the cache.
public struct OneCallSource: Sendable, Equatable, Codable {
    /// The API that answered.
    public var api: OneCallAPI
    /// The calls made upstream to build this answer (parts answered from the cache cost none).
    public var upstreamCalls: Int

    /// Creates a source.
    public init(api: OneCallAPI, upstreamCalls: Int) {
        self.api = api
        self.upstreamCalls = upstreamCalls
    }
}

extension CacheStatus {
    /// Whether an answer with this status was fetched from upstream for the lookup that got it.
    var wentUpstream: Bool { self == .miss || self == .revalidated }
}
