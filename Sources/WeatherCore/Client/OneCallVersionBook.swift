import Foundation
import Synchronization

/// What a ``WeatherClient`` knows about the One Call API its key is subscribed to: the last verdict
/// and until when it holds, in this process; the cache store holds the same verdict for replicas.
final class OneCallVersionBook: Sendable {
    /// A verdict: the API that answered, and until when it is trusted without being checked again.
    struct Verdict: Sendable, Equatable {
        var api: OneCallAPI
        var checkedUntil: Date
    }

    /// How long a verdict holds before the next One Call need checks it again: a day, so an account
    /// that moves from 3.0 to 4.0 is followed within one.
    static let recheckAfter: Duration = .seconds(86_400)
    /// How long the store keeps a verdict: past ``recheckAfter``, so an expired verdict still names
    /// the version to try first.
    static let storedFor: Duration = .seconds(7 * 86_400)

    private let verdict = Mutex<Verdict?>(nil)

    /// The verdict held in this process, if any.
    var current: Verdict? { verdict.withLock { $0 } }

    /// Records `new`; when its API differs from the one held (none counts), returns the change.
    func record(_ new: Verdict) -> (previous: OneCallAPI?, api: OneCallAPI)? {
        verdict.withLock { held in
            let previous = held?.api
            held = new
            return previous != new.api ? (previous, new.api) : nil
        }
    }

    /// Forgets the verdict (after the remembered API refused the key).
    func forget() { verdict.withLock { $0 = nil } }

    /// The store key of the verdict for `key`: its fingerprint, never the key itself.
    static func storeKey(for key: APIKey, schemaVersion: Int) -> CacheKey {
        CacheKey(rawValue: "wt:v\(schemaVersion):onecall-version:\(key.fingerprint)")
    }
}
