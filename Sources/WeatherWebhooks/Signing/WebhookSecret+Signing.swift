public import Foundation

extension WebhookSecret {
    /// How far a delivery's timestamp may be from the receiver's clock, either way, by default: five minutes, as
    /// Standard Webhooks recommends (replays of older deliveries are refused).
    public static let defaultTolerance: Duration = .seconds(300)

    /// The `webhook-signature` value for one delivery: `v1,<base64 of HMAC-SHA256(key, "id.timestamp.body")>`.
    ///
    /// - Parameters:
    ///   - id: the `webhook-id` header's value.
    ///   - timestamp: the `webhook-timestamp` header's value, in seconds since 1970-01-01 UTC.
    ///   - body: the exact bytes sent as the request body.
    public func sign(id: String, timestamp: Int64, body: some Sequence<UInt8>) -> String {
        "v1," + Data(authenticationCode(id: id, timestamp: String(timestamp), body: body)).base64EncodedString()
    }

    /// ``sign(id:timestamp:body:)`` for a body given as text (signed as its UTF-8 bytes).
    public func sign(id: String, timestamp: Int64, body: String) -> String {
        sign(id: id, timestamp: timestamp, body: body.utf8)
    }

    /// Checks a delivery as a receiver does: its timestamp is within `tolerance` of `now`, and one of the signatures
    /// in `signatureHeader` is this secret's for these bytes.
    ///
    /// ```swift
    /// try secret.verify(
    ///     id: request.headers["webhook-id"], timestamp: request.headers["webhook-timestamp"],
    ///     body: requestBodyBytes, signatureHeader: request.headers["webhook-signature"])
    /// ```
    ///
    /// The header may hold several space-separated signatures (`v1,… v1,…`), as it does while a sender rotates its
    /// secret; entries of other versions are skipped. Signatures are compared in constant time.
    ///
    /// - Parameters:
    ///   - id: the `webhook-id` header as received.
    ///   - timestamp: the `webhook-timestamp` header as received (decimal seconds since 1970-01-01 UTC).
    ///   - body: the raw request body, before any JSON parsing (re-encoding changes bytes and breaks the signature).
    ///   - signatureHeader: the `webhook-signature` header as received.
    ///   - now: the receiver's current time.
    ///   - tolerance: how far the timestamp may be from `now`, in the past or the future.
    /// - Throws: ``WebhookVerificationError`` saying which check failed.
    public func verify(
        id: String, timestamp: String, body: some Sequence<UInt8>, signatureHeader: String, now: Date = Date(),
        tolerance: Duration = WebhookSecret.defaultTolerance
    ) throws(WebhookVerificationError) {
        guard let seconds = Self.parseTimestamp(timestamp) else { throw .malformedTimestamp }
        let age = now.timeIntervalSince1970 - Double(seconds)
        let allowed = Double(tolerance.components.seconds) + Double(tolerance.components.attoseconds) / 1e18
        if age > allowed { throw .timestampTooOld }
        if -age > allowed { throw .timestampInFuture }

        let candidates = try Self.signatures(in: signatureHeader)
        let expected = authenticationCode(id: id, timestamp: timestamp, body: body)
        // Every candidate is compared, match or not, so the time taken says nothing about which one matched.
        var matched = false
        for candidate in candidates {
            matched = ConstantTime.equal(candidate, expected) || matched
        }
        guard matched else { throw .noMatchingSignature }
    }

    /// ``verify(id:timestamp:body:signatureHeader:now:tolerance:)`` for a body given as text (its UTF-8 bytes).
    public func verify(
        id: String, timestamp: String, body: String, signatureHeader: String, now: Date = Date(),
        tolerance: Duration = WebhookSecret.defaultTolerance
    ) throws(WebhookVerificationError) {
        try verify(
            id: id, timestamp: timestamp, body: body.utf8, signatureHeader: signatureHeader, now: now,
            tolerance: tolerance)
    }

    /// HMAC-SHA256 over `id.timestamp.body`, the content Standard Webhooks signs.
    private func authenticationCode(id: String, timestamp: String, body: some Sequence<UInt8>) -> [UInt8] {
        var content = Array(id.utf8)
        content.append(UInt8(ascii: "."))
        content.append(contentsOf: timestamp.utf8)
        content.append(UInt8(ascii: "."))
        content.append(contentsOf: body)
        return HMACSHA256.authenticationCode(key: key, message: content)
    }

    /// Decimal digits only (no sign, no spaces), at most 18 of them so the value fits an `Int64`.
    private static func parseTimestamp(_ string: String) -> Int64? {
        let utf8 = string.utf8
        guard (1...18).contains(utf8.count), utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int64(string)
    }

    /// The decoded `v1` signatures of a header; entries of other versions are skipped (a later version's receiver
    /// reads them). Throws when there is no well-formed `v1` entry at all, or a `v1` entry is not 32 bytes of base64.
    private static func signatures(in header: String) throws(WebhookVerificationError) -> [[UInt8]] {
        var found: [[UInt8]] = []
        for entry in header.split(separator: " ", omittingEmptySubsequences: true) {
            guard let comma = entry.firstIndex(of: ",") else { throw .malformedSignatureHeader }
            guard entry[..<comma] == "v1" else { continue }
            guard let data = Data(base64Encoded: String(entry[entry.index(after: comma)...])), data.count == 32 else {
                throw .malformedSignatureHeader
            }
            found.append([UInt8](data))
        }
        guard !found.isEmpty else { throw .malformedSignatureHeader }
        return found
    }
}
