#ifndef WEATHER_WEBHOOK_CRYPTO_H
#define WEATHER_WEBHOOK_CRYPTO_H

/* HMAC-SHA256 for signing outgoing webhooks (Standard Webhooks), through OpenSSL's libcrypto.
 *
 * Why libcrypto: the service already links it (Redis TLS, libcurl's OpenSSL) and its image ships it,
 * so this adds no dependency; hand-written SHA-256 would be code to get wrong, and swift-crypto would
 * compile BoringSSL into every build (minutes) for one function. */

#include <stddef.h>

/* Writes the 32-byte HMAC-SHA256 of `message` under `key` into `out` (32 bytes).
 * Returns 1 on success, 0 when OpenSSL fails (it does not for these inputs; checked anyway).
 * `key` and `message` may be NULL when their length is 0. */
int weather_webhook_hmac_sha256(const unsigned char *key, size_t key_length, const unsigned char *message,
                                size_t message_length, unsigned char out[32]);

#endif
