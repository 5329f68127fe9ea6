/// A delivery failed verification: which check, and what to do.
public struct WebhookVerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which check failed, for programs (a metric label, a switch in tests). Grows without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case malformedTimestamp = "malformed_timestamp"
            case timestampTooOld = "timestamp_too_old"
            case timestampInFuture = "timestamp_in_future"
            case malformedSignatureHeader = "malformed_signature_header"
            case noMatchingSignature = "no_matching_signature"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// `webhook-timestamp` is not whole seconds in decimal digits.
        public static let malformedTimestamp = Code(.malformedTimestamp)
        /// The delivery was signed longer ago than the tolerance allows (a replay, or a very late retry).
        public static let timestampTooOld = Code(.timestampTooOld)
        /// The delivery claims to be signed further in the future than the tolerance allows.
        public static let timestampInFuture = Code(.timestampInFuture)
        /// `webhook-signature` holds no well-formed `v1,<base64 of 32 bytes>` entry.
        public static let malformedSignatureHeader = Code(.malformedSignatureHeader)
        /// No signature in the header is this secret's for this id, timestamp and body.
        public static let noMatchingSignature = Code(.noMatchingSignature)

        /// A short, stable name (`no_matching_signature`).
        public var description: String { value.rawValue }
    }

    /// Which check failed.
    public let code: Code
    /// What happened and what to do.
    public let message: String

    /// The message.
    public var description: String { message }

    static let malformedTimestamp = WebhookVerificationError(
        code: .malformedTimestamp,
        message: "The webhook-timestamp header is not whole seconds since 1970 in decimal digits: refuse the delivery.")
    static let timestampTooOld = WebhookVerificationError(
        code: .timestampTooOld,
        message: "The delivery's timestamp is older than the tolerance: refuse it (possible replay); "
            + "if legitimate deliveries fail, check this machine's clock.")
    static let timestampInFuture = WebhookVerificationError(
        code: .timestampInFuture,
        message: "The delivery's timestamp is ahead of this machine's clock by more than the tolerance: refuse it, "
            + "and check this machine's clock.")
    static let malformedSignatureHeader = WebhookVerificationError(
        code: .malformedSignatureHeader,
        message: "The webhook-signature header holds no well-formed \"v1,<base64>\" signature: refuse the delivery.")
    static let noMatchingSignature = WebhookVerificationError(
        code: .noMatchingSignature,
        message: "No signature matches this secret and body: refuse the delivery; check that the secret is the "
            + "subscription's and that the body is verified as raw bytes, before any parsing.")
}
