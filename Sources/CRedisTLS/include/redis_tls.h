#ifndef WEATHER_REDIS_TLS_H
#define WEATHER_REDIS_TLS_H

/* A TLS connection to Redis for hiredis 0.14, which has no TLS of its own.
 *
 * weather_redis_tls_connect connects TCP, performs the TLS handshake (SNI, server certificate
 * verified against the system CAs or a CA file, host name checked, optional client certificate),
 * all within one timeout, then returns one end of a socketpair for redisConnectFd. A detached
 * pump thread copies bytes between the other end and the TLS connection. Closing the returned
 * descriptor (redisFree does) makes the pump close the TLS connection and end: nothing leaks.
 * When the server goes away, the pump closes its end, so hiredis reads EOF and reports an I/O
 * error like any broken connection. */

#include <stddef.h>

/* Connects to `address` (numeric IPv4 or IPv6) on `port` and returns the descriptor to give
 * hiredis, or -1 with a one-line message in `error` (starting with "TLS:" when the TLS layer
 * failed, e.g. "TLS: certificate verify failed: unable to get local issuer certificate").
 *
 * - server_name: the host name sent as SNI and checked against the certificate (an IP address is
 *   checked against the certificate's IP entries and not sent as SNI).
 * - ca_file: PEM bundle of trusted CAs, or NULL for the system's.
 * - cert_file, key_file: PEM client certificate (chain) and private key, or NULL for none.
 * - timeout_ms: bound on connect and handshake together.
 * Messages name files, never their contents. */
int weather_redis_tls_connect(const char *address, int port, const char *server_name, const char *ca_file,
                              const char *cert_file, const char *key_file, long long timeout_ms, char *error,
                              size_t error_length);

/* How many pump threads are running now (for leak tests). */
int weather_redis_tls_active_pumps(void);

#endif
