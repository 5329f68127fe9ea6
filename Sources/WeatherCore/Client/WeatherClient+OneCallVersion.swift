import Foundation

/// Choosing between One Call 3.0 and 4.0 (``WeatherClient/Configuration/oneCallVersion``).
///
/// The subscriptions are exclusive per account and a 3.0 call answers the same 401 to a key with
/// 4.0 and to a key with no One Call plan at all, so only a 4.0 call tells them apart. Automatic
/// selection therefore tries 4.0 first (new accounts get 4.0; on a 3.0 key the refused 4.0 call is
/// a 401, not billed data) and 3.0 after a 401 naming the subscription. The work itself is the probe:
/// no call is spent only to find out. The verdict is kept in this process and in the cache store
/// under the key's fingerprint (replicas sharing a store detect once), trusted for a day, then
/// checked by the next need, which tries the remembered version first. 429s, 5xx, timeouts and an
/// invalid key decide nothing.
extension WeatherClient {
    /// The One Call API this client uses or last found the key subscribed to; `nil` while unknown.
    public var oneCallAPI: OneCallAPI? {
        configuration.oneCallVersion.fixedAPI ?? oneCallVersions.current?.api
    }

    /// Runs `work` with the One Call API to use, detecting it when the configuration says
    /// ``OneCallVersion/automatic``; returns the work's answer and the API that gave it.
    ///
    /// - Throws: the work's error; ``WeatherError/Code/subscriptionRequired`` naming both versions
    ///   when the key has neither.
    func withOneCallAPI<T: Sendable>(
        _ work: (OneCallAPI) async throws -> T
    ) async throws -> (value: T, api: OneCallAPI) {
        if let fixed = configuration.oneCallVersion.fixedAPI { return (try await work(fixed), fixed) }
        let now = clock.now
        var first = OneCallAPI.v4
        if let held = oneCallVersions.current {
            if now < held.checkedUntil { return try await attempt(held.api, work, confirming: false) }
            first = held.api
        } else if let stored = await storedVerdict() {
            adopt(stored)
            if now < stored.checkedUntil { return try await attempt(stored.api, work, confirming: false) }
            first = stored.api
        }
        do {
            return try await attempt(first, work, confirming: true)
        } catch let error as WeatherError where error.code == .subscriptionRequired {
            do {
                return try await attempt(first.other, work, confirming: true)
            } catch let second as WeatherError where second.code == .subscriptionRequired {
                oneCallVersions.forget()
                throw WeatherError.noOneCallSubscription(underlying: second)
            }
        }
    }

    /// Runs `work` on `api`; on success records the verdict when `confirming` (a detection or a
    /// daily check). A 401 naming the subscription on a trusted verdict tries the other version once.
    private func attempt<T: Sendable>(
        _ api: OneCallAPI, _ work: (OneCallAPI) async throws -> T, confirming: Bool
    ) async throws -> (value: T, api: OneCallAPI) {
        let value: T
        do {
            value = try await work(api)
        } catch let error as WeatherError where error.code == .subscriptionRequired && !confirming {
            // The account changed plans since the verdict: the other version, once.
            await deleteFromStore(storeKeyOfVerdict)
            do {
                return try await attempt(api.other, work, confirming: true)
            } catch let second as WeatherError where second.code == .subscriptionRequired {
                oneCallVersions.forget()
                throw WeatherError.noOneCallSubscription(underlying: second)
            }
        }
        if confirming { await recordVerdict(api) }
        return (value, api)
    }

    /// Holds `verdict` in this process, telling the observer when the API changes (once per change).
    private func adopt(_ verdict: OneCallVersionBook.Verdict) {
        if let change = oneCallVersions.record(verdict) {
            observer?.record(.oneCallVersion(change.api, previous: change.previous))
        }
    }

    private var storeKeyOfVerdict: CacheKey {
        OneCallVersionBook.storeKey(for: configuration.apiKey, schemaVersion: configuration.cachePolicy.schemaVersion)
    }

    private func storedVerdict() async -> OneCallVersionBook.Verdict? {
        guard let entry = await readStore(storeKeyOfVerdict),
            let api = OneCallAPI(rawValue: String(decoding: entry.body, as: UTF8.self))
        else { return nil }
        return OneCallVersionBook.Verdict(api: api, checkedUntil: entry.freshUntil)
    }

    private func recordVerdict(_ api: OneCallAPI) async {
        let now = clock.now
        let verdict = OneCallVersionBook.Verdict(
            api: api, checkedUntil: now.addingTimeInterval(OneCallVersionBook.recheckAfter.seconds))
        adopt(verdict)
        let entry = CacheEntry(
            body: Array(api.rawValue.utf8), fetchedAt: now, freshUntil: verdict.checkedUntil,
            staleUntil: now.addingTimeInterval(OneCallVersionBook.storedFor.seconds))
        await writeStore(storeKeyOfVerdict, entry, ttl: OneCallVersionBook.storedFor)
    }
}
