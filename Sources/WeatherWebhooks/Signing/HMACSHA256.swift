import CWebhookCrypto

/// HMAC-SHA256 through OpenSSL's libcrypto (`CWebhookCrypto`).
///
/// Not hand-written SHA-256 (code to get wrong) and not swift-crypto: its BoringSSL build would add minutes to every
/// build, while libcrypto is already linked into the service for Redis TLS and ships in its image.
enum HMACSHA256 {
    /// The 32-byte MAC of `message` under `key`.
    static func authenticationCode(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let succeeded = key.withUnsafeBufferPointer { key in
            message.withUnsafeBufferPointer { message in
                out.withUnsafeMutableBufferPointer { out in
                    weather_webhook_hmac_sha256(
                        key.baseAddress, key.count, message.baseAddress, message.count,
                        out.baseAddress)
                }
            }
        }
        // OpenSSL's HMAC fails only when it cannot allocate or the digest is missing from the build: nothing a caller
        // could recover from, and a wrong signature must never be sent.
        precondition(succeeded == 1, "OpenSSL's HMAC-SHA256 failed")
        return out
    }
}
