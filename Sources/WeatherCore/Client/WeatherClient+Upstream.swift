import Foundation

extension WeatherClient {
    /// Asks upstream, retrying transient failures with full-jitter backoff within the attempt and
    /// deadline bounds; every attempt spends quota. Caches what may be cached.
    func fetchUpstream<M: OpenWeatherDecodable>(_ request: UpstreamRequest, key: CacheKey, as type: M.Type)
        async throws -> Refreshed
    {
        let family = request.family
        let retry = configuration.retry
        let deadline = clock.now.addingTimeInterval(retry.deadline.seconds)
        let http = request.http
        var attempt = 0
        while true {
            attempt += 1
            if let remaining = cooldown.remaining() { throw Self.coolingDown(remaining, request) }
            guard let grant = governor.acquire(family) else {
                observer?.record(.quotaExhausted(family))
                throw WeatherError(
                    code: .quotaExhausted,
                    message: "the configured OpenWeather call budget for \(family) is spent; retry later",
                    query: request.queryText)
            }
            observer?.record(.quotaRemaining(family, perMinute: grant.perMinuteLeft, today: grant.todayLeft))
            observer?.record(.upstreamCall(family))

            let failure: WeatherError
            do {
                let response = try await transport.send(http)
                guard
                    let mapped = WeatherError(
                        response: response, query: request.queryText, url: http.redactedURL, now: clock.now)
                else { return try await store(response.body, for: request, key: key, as: M.self) }
                failure = mapped
            } catch let error as WeatherError {
                failure = error
            }
            observer?.record(.upstreamError(family, failure))

            if failure.code == .rateLimited {
                let cooldownLength = retry.cooldown(retryAfter: failure.retryAfter)
                cooldown.start(cooldownLength)
                observer?.record(.rateLimitCooldown(cooldownLength))
                throw failure
            }
            if failure.code == .notFound {
                await storeNotFound(key: key)
                throw failure
            }
            guard RetryPolicy.isTransient(failure.code), attempt < retry.maxAttempts else { throw failure }
            let delay = retry.backoff(beforeRetry: attempt, unit: random.unit())
            guard clock.now.addingTimeInterval(delay.seconds) < deadline else { throw failure }
            try await clock.sleep(for: delay)
        }
    }

    /// Validates `body` by decoding it, then caches it — unless the cached entry was observed later.
    private func store<M: OpenWeatherDecodable>(
        _ body: [UInt8], for request: UpstreamRequest, key: CacheKey, as type: M.Type
    ) async throws -> Refreshed {
        let value = try M(jsonBytes: body)  // a body that does not decode is never cached
        let policy = configuration.cachePolicy
        let now = clock.now
        let entry: CacheEntry
        if request.family == .geocoding && Self.isEmptyArray(body) {
            let freshUntil = now.addingTimeInterval(policy.jittered(policy.notFoundTTL, unit: random.unit()).seconds)
            entry = CacheEntry(
                body: body, fetchedAt: now, freshUntil: freshUntil, staleUntil: freshUntil, isNegative: true)
        } else {
            let rule = policy.rule(for: request.family)
            let freshUntil = now.addingTimeInterval(policy.jittered(rule.freshFor, unit: random.unit()).seconds)
            entry = CacheEntry(
                body: body, fetchedAt: now, freshUntil: freshUntil,
                staleUntil: freshUntil.addingTimeInterval(rule.staleWindow.seconds), observedAt: value.observedAt)
        }
        if let observed = entry.observedAt, let existing = await readStore(key), !existing.isNegative,
            let existingObserved = existing.observedAt, existingObserved > observed
        {
            observer?.record(.olderDataDiscarded(request.family))
            return Refreshed(entry: existing, origin: .upstream)
        }
        await writeStore(
            key, entry, ttl: .milliseconds(Int64((entry.staleUntil.timeIntervalSince(now) * 1000).rounded())))
        return Refreshed(entry: entry, origin: .upstream, value: value)
    }

    /// Caches "no such place" for the not-found TTL, never served stale.
    private func storeNotFound(key: CacheKey) async {
        let policy = configuration.cachePolicy
        let now = clock.now
        let ttl = policy.jittered(policy.notFoundTTL, unit: random.unit())
        let until = now.addingTimeInterval(ttl.seconds)
        await writeStore(
            key, CacheEntry(body: [], fetchedAt: now, freshUntil: until, staleUntil: until, isNegative: true), ttl: ttl)
    }

    /// Whether `body` is a JSON empty array (`[]`, whitespace allowed): an empty geocoding result.
    static func isEmptyArray(_ body: [UInt8]) -> Bool {
        let significant = body.filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        return significant == [0x5B, 0x5D]
    }
}
