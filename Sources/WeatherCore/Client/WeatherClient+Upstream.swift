import Foundation

extension WeatherClient {
    /// Asks upstream, retrying transient failures with full-jitter backoff within the attempt and
    /// deadline bounds; every attempt spends quota. Caches what may be cached.
    ///
    /// Each attempt may take at most ``RetryPolicy/attemptTimeout`` and never more than what is left
    /// before the deadline (``TransportRequest/timeout``), so the refresh ends by the deadline — inside
    /// the refresh lock's lifetime — and a hung first attempt still leaves time for a retry.
    ///
    /// `existing`: what the store held for `key` when the refresh began (read again when unknown).
    func fetchUpstream<M: OpenWeatherDecodable>(
        _ request: OpenWeatherRequest, key: CacheKey, as type: M.Type, existing: StoreRead
    ) async throws -> Refreshed {
        let family = request.family
        let retry = configuration.retry
        let deadline = clock.uptime + retry.deadline
        var http = httpRequest(for: request)
        let query = request.subjectText
        let requestedTimeout = http.timeout ?? retry.attemptTimeout
        var attempt = 0
        while true {
            attempt += 1
            if let remaining = cooldown.remaining() { throw Self.coolingDown(remaining, request) }
            let left = deadline - clock.uptime
            guard left > .zero else {
                throw WeatherError(
                    code: .timeout,
                    message: "no time was left for an upstream call within the refresh deadline "
                        + "(\(retry.deadline)); retry later", query: query, url: http.redactedURL)
            }
            let grant = try await spendQuota(for: request)
            observer?.record(.quotaRemaining(family, perMinute: grant.perMinuteLeft, today: grant.todayLeft))
            observer?.record(.upstreamCall(family))
            http.timeout = min(requestedTimeout, retry.attemptTimeout, left)

            let failure: WeatherError
            do {
                let response = try await sendTraced(http, family: family, attempt: attempt)
                guard
                    let mapped = WeatherError(
                        response: response, query: query, url: http.redactedURL, now: clock.now)
                else { return try await store(response.body, for: request, key: key, as: M.self, existing: existing) }
                failure = mapped.redacting(configuration.apiKey)
            } catch let error as WeatherError {
                failure = error.redacting(configuration.apiKey)
            }
            observer?.record(.upstreamError(family, failure))

            if failure.code == .rateLimited {
                let cooldownLength = retry.cooldown(retryAfter: failure.retryAfter)
                cooldown.start(cooldownLength)
                try? await quota.startCooldown(cooldownLength)  // every replica sharing the quota pauses too
                observer?.record(.rateLimitCooldown(cooldownLength))
                throw failure
            }
            if failure.code == .notFound {
                await storeNotFound(key: key)
                throw failure
            }
            // A 4xx that maps to an upstream error (a 404 that is not "city not found") is not worth a retry now.
            let clientStatus = failure.status.map { (400..<500).contains($0) } ?? false
            guard RetryPolicy.isTransient(failure.code), !clientStatus, attempt < retry.maxAttempts else {
                throw failure
            }
            let delay = retry.backoff(beforeRetry: attempt, unit: random.unit())
            guard clock.uptime + delay < deadline else { throw failure }
            try await clock.sleep(for: delay)
        }
    }

    /// Spends one call of the quota store, or throws why not: the budget is spent (or cannot be
    /// reached — never unlimited), or a cooldown started elsewhere runs (then it is kept locally too,
    /// so the next calls need not ask the store).
    private func spendQuota(for request: OpenWeatherRequest) async throws -> QuotaGrant {
        let family = request.family
        let payer = UpstreamPayment.payer
        if let payer, case .exhausted(let retryAfter) = await payer.pay(for: family) {
            throw WeatherError(
                code: .quotaExhausted,
                message: "this caller's own budget of upstream calls is spent, so no upstream call was made; retry later",
                retryAfter: retryAfter, query: request.subjectText)
        }
        let decision: QuotaDecision
        do {
            decision = try await quota.acquire(family)
        } catch is CancellationError {
            await payer?.refund(family)
            throw CancellationError()
        } catch {
            await payer?.refund(family)
            observer?.record(.quotaExhausted(family))
            throw WeatherError(
                code: .quotaExhausted,
                message: "the call budget could not be checked, so no upstream call was made; retry later",
                retryAfter: .seconds(1), query: request.subjectText, underlying: "\(error)")
        }
        if case .granted = decision {} else { await payer?.refund(family) }
        switch decision {
        case .granted(let grant):
            return grant
        case .exhausted(let retryAfter):
            observer?.record(.quotaExhausted(family))
            throw WeatherError(
                code: .quotaExhausted,
                message: "the configured OpenWeather call budget for \(family) is spent; retry later",
                retryAfter: retryAfter, query: request.subjectText)
        case .coolingDown(let remaining):
            cooldown.start(remaining)
            throw Self.coolingDown(remaining, request)
        }
    }

    /// Validates `body` by decoding it, then caches it — unless the cached entry (`existing`) was
    /// observed later.
    private func store<M: OpenWeatherDecodable>(
        _ body: [UInt8], for request: OpenWeatherRequest, key: CacheKey, as type: M.Type, existing read: StoreRead
    ) async throws -> Refreshed {
        let value = try M(jsonBytes: body)  // a body that does not decode is never cached
        // One Call 4.0 links carry the API key: the cached body keeps only their key-free parts.
        let body = (M.self as? any CacheableBody.Type)?.cacheableBody(body) ?? body
        let policy = configuration.cachePolicy
        let now = clock.now
        let entry: CacheEntry
        if request.family == .geocoding && Self.isEmptyArray(body) {
            let freshUntil = now.addingTimeInterval(policy.jittered(policy.notFoundTTL, unit: random.unit()).seconds)
            entry = CacheEntry(
                body: body, fetchedAt: now, freshUntil: freshUntil, staleUntil: freshUntil, isNegative: true)
        } else {
            let rule = policy.rule(for: request.family)
            // A model may know it stays valid longer (past weather, an alert until its end); never shorter.
            let lifetime = (value as? any CacheLifetimeProviding)?.freshness(now: now).map { max($0, rule.freshFor) }
            let freshFor = lifetime ?? rule.freshFor
            let freshUntil = now.addingTimeInterval(policy.jittered(freshFor, unit: random.unit()).seconds)
            entry = CacheEntry(
                body: body, fetchedAt: now, freshUntil: freshUntil,
                staleUntil: freshUntil.addingTimeInterval(rule.staleWindow.seconds), observedAt: value.observedAt)
        }
        if let observed = entry.observedAt, let existing = await storedEntry(read, of: key), !existing.isNegative,
            let existingObserved = existing.observedAt, existingObserved > observed
        {
            // Upstream has nothing newer than the cache: the cached entry is current, so it is fresh
            // again — else every lookup would ask upstream again until upstream catches up.
            observer?.record(.olderDataDiscarded(request.family))
            let rearmed = CacheEntry(
                body: existing.body, fetchedAt: now, freshUntil: entry.freshUntil,
                staleUntil: max(existing.staleUntil, entry.staleUntil), observedAt: existing.observedAt)
            await writeStore(
                key, rearmed, ttl: .milliseconds(Int64((rearmed.staleUntil.timeIntervalSince(now) * 1000).rounded())))
            return Refreshed(entry: rearmed, origin: .revalidated)
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
