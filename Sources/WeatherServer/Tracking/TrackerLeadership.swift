import Foundation
import Logging
import ServiceLifecycle
import WeatherCore
import WeatherServerCore
import WeatherPages

/// Runs the tracked-places refresher on one replica at a time: the one holding a ``Lease``.
///
/// Every replica tries to take the lease every tenth of its TTL; the holder renews it every
/// third and stops tracking when a renewal says another holds it, or when it could not renew for
/// two thirds of the TTL (Redis away) — before the lease can expire in Redis, so two replicas
/// never track at once. When the holder dies, its lease expires within one TTL and the next
/// attempt of another replica takes it. On shutdown the lease is released, so another takes over at once.
///
/// `weather_tracker_leader` is 1 on the replica that tracks, 0 elsewhere.
struct TrackerLeadership: Service, CustomStringConvertible {
    let lease: any Lease
    /// This process's name in the lease (host, pid and a random part).
    let holder: String
    let ttl: Duration
    let logger: Logger
    let metrics: ServiceMetrics?
    var clock: any WeatherClock = SystemClock()
    /// The work run while the lease is held; cancelled when it is lost.
    let work: @Sendable () async throws -> Void

    var description: String { "tracker-leadership" }

    /// How often the holder renews.
    var renewInterval: Duration { ttl / 3 }
    /// How often the others try to take the lease.
    var attemptInterval: Duration { max(.milliseconds(100), ttl / 10) }

    /// A holder name unique to this process.
    static func processHolder() -> String {
        var generator = SystemRandomNumberGenerator()
        let info = ProcessInfo.processInfo
        return "\(info.hostName)-\(info.processIdentifier)-\(String(generator.next() as UInt32, radix: 16))"
    }

    func run() async throws {
        metrics?.set(.weatherTrackerLeader, [], 0)
        try? await cancelWhenGracefulShutdown {
            try await lead()
        }
        try? await lease.release(holder: holder)
    }

    /// Takes the lease whenever it is free, and works while holding it, until cancelled.
    func lead() async throws {
        while !Task.isCancelled {
            if (try? await lease.acquire(holder: holder, ttl: ttl)) == true {
                logger.info(
                    "tracker lease taken: this replica refreshes the tracked places",
                    metadata: ["holder": .string(holder)])
                metrics?.set(.weatherTrackerLeader, [], 1)
                let reason = await workWhileHolding()
                metrics?.set(.weatherTrackerLeader, [], 0)
                if Task.isCancelled { return }
                logger.warning("tracker lease given up: \(reason)", metadata: ["holder": .string(holder)])
            }
            try await clock.sleep(for: attemptInterval)
        }
    }

    /// Runs ``work`` while renewing the lease; returns why it stopped.
    func workWhileHolding() async -> String {
        await withTaskGroup(of: String.self) { group in
            group.addTask {
                do { try await work() } catch { return "the tracker stopped: \(error)" }
                return "the tracker finished"
            }
            group.addTask { await keepRenewing() }
            let first = await group.next() ?? "cancelled"
            group.cancelAll()
            return first
        }
    }

    /// Renews every ``renewInterval`` until the lease is lost or cannot be renewed in time.
    func keepRenewing() async -> String {
        var renewedAt = clock.uptime
        while true {
            do { try await clock.sleep(for: renewInterval) } catch { return "shutting down" }
            let attempt = clock.uptime  // the lease lives at least `ttl` from here if the renewal succeeds
            do {
                if try await lease.renew(holder: holder, ttl: ttl) {
                    renewedAt = attempt
                } else {
                    return "another replica holds the lease"
                }
            } catch {
                if clock.uptime - renewedAt >= ttl - renewInterval - renewInterval / 2 {
                    return "the lease could not be renewed (\(error)); it may expire and be taken by another replica"
                }
            }
        }
    }
}
