/* See include/webhook_crypto.h for the contract and why this goes through libcrypto. */

#include "webhook_crypto.h"

#include <limits.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

int weather_webhook_hmac_sha256(const unsigned char *key, size_t key_length, const unsigned char *message,
                                size_t message_length, unsigned char out[32]) {
    static const unsigned char empty = 0;
    if (key_length > INT_MAX) return 0; /* HMAC() takes the key length as an int */
    unsigned int out_length = 0;
    unsigned char *result = HMAC(EVP_sha256(), key ? key : &empty, (int)key_length, message ? message : &empty,
                                 message_length, out, &out_length);
    return result != NULL && out_length == 32;
}
