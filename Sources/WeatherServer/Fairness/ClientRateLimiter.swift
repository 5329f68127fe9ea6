import Foundation
import Synchronization
import WeatherCore
import WeatherServerCore
import WeatherPages

/// The per-client token buckets of ``ClientLimit``, bounded in memory: an LRU table of at most
/// ``ClientLimit/maxClients`` buckets, each dropped once it has refilled (a forgotten client and a
/// full bucket behave the same), so idle clients cost nothing.
///
/// Only upstream calls reach it (through ``UpstreamCharge``); one lock per call, none on a hit. Time is
/// the clock's `uptime`, so a wall-clock step neither refills nor drains a bucket.
final class ClientRateLimiter: Sendable {
    /// What the limiter answered.
    enum Admission: Equatable {
        /// Go ahead (a token was taken).
        case admitted
        /// Refused; a token is available in this many whole seconds (at least 1).
        case refused(retryAfterSeconds: Int)
    }

    let limit: ClientLimit
    private let clock: any WeatherClock
    private let buckets: Mutex<LRUTable<String, TokenBucket>>

    /// A limiter for `limit`, timed by `clock`.
    init(limit: ClientLimit, clock: any WeatherClock) {
        self.limit = limit
        self.clock = clock
        buckets = Mutex(LRUTable(maxEntries: limit.maxClients, maxCost: limit.maxClients))
    }

    /// Takes a token from `client`'s bucket, or says how long to wait.
    func admit(_ client: String) -> Admission { admit([ClientAddress.Bucket(key: client, scale: 1)]) }

    /// Takes a token from every one of `charged` (each with its ``ClientAddress/Bucket/scale`` times
    /// the burst and rate), or from none of them and says how long to wait for all.
    func admit(_ charged: [ClientAddress.Bucket]) -> Admission {
        let now = seconds(clock.uptime)
        let wait: Double? = buckets.withLock { table in
            var taken: [(ClientAddress.Bucket, TokenBucket)] = []
            var longest: Double?
            for charge in charged {
                let (rate, burst) = (limit.ratePerSecond * charge.scale, Double(limit.burst) * charge.scale)
                var bucket = table.get(charge.key, now: Self.instant(now)) ?? TokenBucket(burst: burst, now: now)
                if let wait = bucket.take(now: now, rate: rate, burst: burst) {
                    longest = max(longest ?? 0, wait)
                } else {
                    taken.append((charge, bucket))
                }
            }
            guard longest == nil else { return longest }
            for (charge, bucket) in taken {
                let (rate, burst) = (limit.ratePerSecond * charge.scale, Double(limit.burst) * charge.scale)
                table.set(charge.key, bucket, cost: 1, expiresAt: Self.instant(bucket.fullAt(rate: rate, burst: burst)))
            }
            return nil
        }
        guard let wait else { return .admitted }
        return .refused(retryAfterSeconds: max(1, Int(wait.rounded(.up))))
    }

    /// Gives back the token of a call `client` did not make after all.
    func refund(_ client: String) { refund([ClientAddress.Bucket(key: client, scale: 1)]) }

    /// Gives back a token taken from each of `charged` for a call that did not go upstream after all.
    func refund(_ charged: [ClientAddress.Bucket]) {
        let now = seconds(clock.uptime)
        buckets.withLock { table in
            for charge in charged {
                let (rate, burst) = (limit.ratePerSecond * charge.scale, Double(limit.burst) * charge.scale)
                guard var bucket = table.get(charge.key, now: Self.instant(now)) else { continue }
                bucket.giveBack(now: now, rate: rate, burst: burst)
                table.set(charge.key, bucket, cost: 1, expiresAt: Self.instant(bucket.fullAt(rate: rate, burst: burst)))
            }
        }
    }

    /// Where `client`'s bucket stands, without taking a token: the whole tokens left and the whole
    /// seconds (rounded up) until the bucket is full again — a forgotten client's is full.
    func standing(_ client: ClientAddress.Bucket) -> (remaining: Int, secondsUntilFull: Int) {
        let now = seconds(clock.uptime)
        let (rate, burst) = (limit.ratePerSecond * client.scale, Double(limit.burst) * client.scale)
        let tokens =
            buckets.withLock { table in
                table.get(client.key, now: Self.instant(now))?.available(now: now, rate: rate, burst: burst)
            } ?? burst
        let missing = max(0, burst - tokens)
        return (Int(tokens.rounded(.down)), rate > 0 ? Int((missing / rate).rounded(.up)) : 0)
    }

    /// How many clients have a bucket that is not full (`weather_client_limit_clients`).
    var trackedClients: Int { buckets.withLock { $0.count } }

    private func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    /// The LRU table compares `Date`s only; monotonic seconds written as one keep it off the wall clock.
    private static func instant(_ seconds: Double) -> Date { Date(timeIntervalSinceReferenceDate: seconds) }
}
