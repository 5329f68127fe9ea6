/* TLS for hiredis 0.14 through a socketpair. See include/redis_tls.h for the contract.
 *
 * Why this shape: Debian's hiredis 0.14 has no TLS and no I/O hooks, but it can adopt a
 * connected descriptor (redisConnectFd). Everything the rest of WeatherCache relies on — the
 * blocking context, its read/write timeouts, pipelining, healing by reconnecting — keeps working
 * unchanged on that descriptor; only the bytes are relayed through OpenSSL by one small thread per
 * connection. OpenSSL comes from Debian (libssl-dev) like hiredis and libcurl, so the build pulls
 * in no new package manager dependency, and the runtime image already has libssl3 (libcurl4's).
 *
 * Alternatives weighed: swift-nio-ssl bridged to redisConnectFd would do the same relay on an
 * event loop but compiles BoringSSL into the binary (build time and megabytes) for a second TLS
 * stack beside libcurl's OpenSSL; hiredis 1.x (which has TLS) is not what Debian 12 ships, and
 * vendoring it forks the C client; a stunnel sidecar is one more process to deploy and moves
 * certificate checks out of our tests and errors.
 *
 * Costs and bounds: two extra thread wake-ups per round trip (the Redis benchmark's TLS row); one
 * 256 KiB-stack thread and two descriptors per connection; the handshake is bounded by the connect
 * timeout; in steady state hiredis's own read/write timeouts apply to its end of the pair, and
 * once hiredis closes that end (redisFree, after any error or timeout) the relay ends too. */

#define _GNU_SOURCE
#include "redis_tls.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#define PUMP_BUFFER 16384

static atomic_int active_pumps = 0;

int weather_redis_tls_active_pumps(void) { return atomic_load(&active_pumps); }

static long long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int set_nonblocking(int fd, int on) {
    int flags = fcntl(fd, F_GETFL, 0);
    if (flags < 0) return -1;
    return fcntl(fd, F_SETFL, on ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK));
}

/* Never prompt on the terminal for a key's passphrase: an encrypted key fails to load instead. */
static int no_passphrase(char *buf, int size, int rwflag, void *userdata) {
    (void)buf; (void)size; (void)rwflag; (void)userdata;
    return 0;
}

/* Called when the server asks for a client certificate and none is configured: notes it (the
 * SSL's app data points at a flag) and goes on without one. */
static int note_certificate_request(SSL *ssl, X509 **certificate, EVP_PKEY **key) {
    (void)certificate; (void)key;
    int *asked = SSL_get_app_data(ssl);
    if (asked) *asked = 1;
    return 0;
}

/* The reason of the first queued OpenSSL error (library text, never key material). */
static void openssl_reason(char *out, size_t length) {
    unsigned long code = ERR_get_error();
    const char *reason = code ? ERR_reason_error_string(code) : NULL;
    snprintf(out, length, "%s", reason ? reason : "unknown error");
    ERR_clear_error();
}

/* TCP connect to address:port within deadline; the socket stays non-blocking. */
static int tcp_connect(const char *address, int port, long long deadline, char *error, size_t error_length) {
    struct addrinfo hints, *list = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
    char service[16];
    snprintf(service, sizeof service, "%d", port);
    if (getaddrinfo(address, service, &hints, &list) != 0 || list == NULL) {
        snprintf(error, error_length, "%s is not a numeric address", address);
        return -1;
    }
    int fd = socket(list->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        snprintf(error, error_length, "%s", strerror(errno));
        freeaddrinfo(list);
        return -1;
    }
    set_nonblocking(fd, 1);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    int result = connect(fd, list->ai_addr, list->ai_addrlen);
    freeaddrinfo(list);
    if (result != 0 && errno != EINPROGRESS) {
        snprintf(error, error_length, "%s", strerror(errno));
        close(fd);
        return -1;
    }
    if (result != 0) {
        struct pollfd p = {.fd = fd, .events = POLLOUT};
        long long left = deadline - now_ms();
        int ready = left > 0 ? poll(&p, 1, (int)left) : 0;
        if (ready <= 0) {
            snprintf(error, error_length, "Connection timed out (connect timeout)");
            close(fd);
            return -1;
        }
        int soerror = 0;
        socklen_t len = sizeof soerror;
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerror, &len);
        if (soerror != 0) {
            snprintf(error, error_length, "%s", strerror(soerror));
            close(fd);
            return -1;
        }
    }
    return fd;
}

static SSL_CTX *make_context(const char *ca_file, const char *cert_file, const char *key_file, char *error,
                             size_t error_length) {
    char reason[160];
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (!ctx) {
        openssl_reason(reason, sizeof reason);
        snprintf(error, error_length, "TLS: cannot create a context: %s", reason);
        return NULL;
    }
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
    SSL_CTX_set_default_passwd_cb(ctx, no_passphrase);
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    if (!cert_file) SSL_CTX_set_client_cert_cb(ctx, note_certificate_request);
    int loaded = ca_file ? SSL_CTX_load_verify_locations(ctx, ca_file, NULL) : SSL_CTX_set_default_verify_paths(ctx);
    if (loaded != 1) {
        openssl_reason(reason, sizeof reason);
        snprintf(error, error_length, "TLS: cannot load the CA file %s: %s", ca_file ? ca_file : "(system)", reason);
        SSL_CTX_free(ctx);
        return NULL;
    }
    if (cert_file && SSL_CTX_use_certificate_chain_file(ctx, cert_file) != 1) {
        openssl_reason(reason, sizeof reason);
        snprintf(error, error_length, "TLS: cannot load the client certificate %s: %s", cert_file, reason);
        SSL_CTX_free(ctx);
        return NULL;
    }
    if (key_file && SSL_CTX_use_PrivateKey_file(ctx, key_file, SSL_FILETYPE_PEM) != 1) {
        ERR_clear_error();  /* its reason may describe the key; say only what to check */
        snprintf(error, error_length,
                 "TLS: cannot load the client key %s (a PEM private key without a passphrase is needed)", key_file);
        SSL_CTX_free(ctx);
        return NULL;
    }
    if (cert_file && key_file && SSL_CTX_check_private_key(ctx) != 1) {
        ERR_clear_error();
        snprintf(error, error_length, "TLS: the client key %s does not match the certificate %s", key_file, cert_file);
        SSL_CTX_free(ctx);
        return NULL;
    }
    return ctx;
}

/* Names why the handshake failed: the verification result when the certificate was refused. */
static void handshake_failure(SSL *ssl, int ssl_error, char *error, size_t error_length) {
    long verify = SSL_get_verify_result(ssl);
    if (verify != X509_V_OK) {
        const char *hint = "";
        switch (verify) {
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
        case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
        case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
            hint = " (no trusted CA signed the server's certificate: configure the CA file of the CA that did)";
            break;
        case X509_V_ERR_HOSTNAME_MISMATCH:
        case X509_V_ERR_IP_ADDRESS_MISMATCH:
            hint = " (the server's certificate does not name the host of the Redis URL)";
            break;
        case X509_V_ERR_CERT_HAS_EXPIRED:
        case X509_V_ERR_CERT_NOT_YET_VALID:
            hint = " (check the server's certificate dates and this machine's clock)";
            break;
        default:
            break;
        }
        snprintf(error, error_length, "TLS: certificate verify failed: %s%s", X509_verify_cert_error_string(verify),
                 hint);
        ERR_clear_error();
        return;
    }
    unsigned long code = ERR_peek_error();
    if (code != 0) {
        char reason[160];
        openssl_reason(reason, sizeof reason);
        snprintf(error, error_length, "TLS: handshake failed: %s", reason);
        return;
    }
    if (ssl_error == SSL_ERROR_SYSCALL || ssl_error == SSL_ERROR_ZERO_RETURN) {
        snprintf(error, error_length,
                 "TLS: handshake failed: the server closed the connection (is this its TLS port? "
                 "does it want a client certificate?)");
        return;
    }
    snprintf(error, error_length, "TLS: handshake failed (SSL error %d)", ssl_error);
}

struct pump {
    SSL *ssl;
    int tcp;
    int local;
};

/* Copies bytes both ways until either side closes or fails, then closes both and frees the TLS
 * connection. `local` is the socketpair end kept here; hiredis owns the other. */
static void *pump_run(void *argument) {
    struct pump *p = argument;
    /* OpenSSL writes to the socket with write(2): a server that vanished would raise SIGPIPE.
     * Blocked in this thread, the write fails with EPIPE instead, whatever the process does. */
    sigset_t pipe_only;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_only, NULL);
    unsigned char *up = malloc(PUMP_BUFFER), *down = malloc(PUMP_BUFFER);
    size_t up_length = 0, up_offset = 0, down_length = 0, down_offset = 0;
    int running = up && down;
    while (running) {
        int want_tcp = 0;  /* poll events the TLS connection waits for */
        int progress = 1;
        while (progress && running) {
            progress = 0;
            want_tcp = 0;
            /* hiredis → server */
            if (up_length == 0) {
                ssize_t n = recv(p->local, up, PUMP_BUFFER, MSG_DONTWAIT);
                if (n > 0) {
                    up_length = (size_t)n;
                    up_offset = 0;
                    progress = 1;
                } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
                    running = 0;  /* hiredis closed its end (redisFree): done */
                    break;
                }
            }
            if (up_length > 0) {
                int n = SSL_write(p->ssl, up + up_offset, (int)(up_length - up_offset));
                if (n > 0) {
                    up_offset += (size_t)n;
                    if (up_offset == up_length) up_length = up_offset = 0;
                    progress = 1;
                } else {
                    int e = SSL_get_error(p->ssl, n);
                    if (e == SSL_ERROR_WANT_READ) want_tcp |= POLLIN;
                    else if (e == SSL_ERROR_WANT_WRITE) want_tcp |= POLLOUT;
                    else { running = 0; break; }
                }
            }
            /* server → hiredis */
            if (down_length == 0) {
                int n = SSL_read(p->ssl, down, PUMP_BUFFER);
                if (n > 0) {
                    down_length = (size_t)n;
                    down_offset = 0;
                    progress = 1;
                } else {
                    int e = SSL_get_error(p->ssl, n);
                    if (e == SSL_ERROR_WANT_READ) want_tcp |= POLLIN;
                    else if (e == SSL_ERROR_WANT_WRITE) want_tcp |= POLLOUT;
                    else { running = 0; break; }  /* closed by the server, or failed */
                }
            }
            if (down_length > 0) {
                ssize_t n = send(p->local, down + down_offset, down_length - down_offset, MSG_DONTWAIT | MSG_NOSIGNAL);
                if (n > 0) {
                    down_offset += (size_t)n;
                    if (down_offset == down_length) down_length = down_offset = 0;
                    progress = 1;
                } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                    running = 0;
                    break;
                }
            }
        }
        if (!running) break;
        /* Nothing more to do without waiting. The local end is always watched: POLLHUP (reported
         * whatever the events) tells that hiredis closed it even while a write to the server waits. */
        struct pollfd fds[2];
        fds[0].fd = p->local;
        fds[0].events = (short)((up_length == 0 ? POLLIN : 0) | (down_length > 0 ? POLLOUT : 0));
        fds[1].fd = p->tcp;
        fds[1].events = (short)(want_tcp ? want_tcp : POLLIN);
        int ready = poll(fds, 2, -1);
        if (ready < 0 && errno != EINTR) break;
        if (ready > 0 && (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) && !(fds[0].revents & POLLIN)) break;
        if (ready > 0 && (fds[1].revents & POLLNVAL)) break;
    }
    /* Best effort close_notify; the TCP socket is non-blocking, so this never waits. */
    SSL_shutdown(p->ssl);
    SSL_free(p->ssl);
    close(p->tcp);
    close(p->local);
    free(up);
    free(down);
    free(p);
    ERR_clear_error();
    atomic_fetch_sub(&active_pumps, 1);
    return NULL;
}

int weather_redis_tls_connect(const char *address, int port, const char *server_name, const char *ca_file,
                              const char *cert_file, const char *key_file, long long timeout_ms, char *error,
                              size_t error_length) {
    long long deadline = now_ms() + (timeout_ms > 0 ? timeout_ms : 1);
    ERR_clear_error();
    SSL_CTX *ctx = make_context(ca_file, cert_file, key_file, error, error_length);
    if (!ctx) return -1;
    int tcp = tcp_connect(address, port, deadline, error, error_length);
    if (tcp < 0) {
        SSL_CTX_free(ctx);
        return -1;
    }
    SSL *ssl = SSL_new(ctx);
    SSL_CTX_free(ctx);  /* the SSL holds its own reference */
    if (!ssl) {
        char reason[160];
        openssl_reason(reason, sizeof reason);
        snprintf(error, error_length, "TLS: cannot create a connection: %s", reason);
        close(tcp);
        return -1;
    }
    SSL_set_fd(ssl, tcp);
    int asked_for_certificate = 0;
    SSL_set_app_data(ssl, &asked_for_certificate);
    unsigned char ip[16];
    int is_ip = inet_pton(AF_INET, server_name, ip) == 1 || inet_pton(AF_INET6, server_name, ip) == 1;
    if (is_ip) {
        X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), server_name);
    } else {
        SSL_set_tlsext_host_name(ssl, server_name);
        SSL_set1_host(ssl, server_name);
    }
    for (;;) {
        int result = SSL_connect(ssl);
        if (result == 1) break;
        int e = SSL_get_error(ssl, result);
        short events = e == SSL_ERROR_WANT_READ ? POLLIN : e == SSL_ERROR_WANT_WRITE ? POLLOUT : 0;
        if (events == 0) {
            handshake_failure(ssl, e, error, error_length);
            SSL_free(ssl);
            close(tcp);
            return -1;
        }
        struct pollfd p = {.fd = tcp, .events = events};
        long long left = deadline - now_ms();
        if (left <= 0 || poll(&p, 1, (int)left) <= 0) {
            snprintf(error, error_length, "TLS: the handshake did not finish within the connect timeout (%lld ms)",
                     timeout_ms);
            SSL_free(ssl);
            close(tcp);
            return -1;
        }
    }
    SSL_set_app_data(ssl, NULL);
    /* With TLS 1.3 a server that requires a client certificate refuses a client without one only
     * after the handshake, with an alert. When it asked and we have none, wait briefly (at most
     * 200 ms, within the connect timeout) for that alert, so that the refusal names TLS here
     * instead of surfacing as "Connection reset by peer" at the first command. */
    if (asked_for_certificate) {
        long long until = now_ms() + 200;
        if (until > deadline) until = deadline;
        for (;;) {
            long long left = until - now_ms();
            struct pollfd p = {.fd = tcp, .events = POLLIN};
            if (left <= 0 || poll(&p, 1, (int)left) <= 0) break;
            unsigned char byte;
            int n = SSL_peek(ssl, &byte, 1);
            if (n > 0) break;  /* data: accepted; it stays buffered for the relay */
            int e = SSL_get_error(ssl, n);
            if (e == SSL_ERROR_WANT_READ) continue;  /* e.g. a session ticket */
            char reason[160];
            if (ERR_peek_error() != 0) openssl_reason(reason, sizeof reason);
            else snprintf(reason, sizeof reason, "the server closed the connection");
            snprintf(error, error_length,
                     "TLS: the server requires a client certificate (configure a certificate and key file): %s",
                     reason);
            SSL_free(ssl);
            close(tcp);
            return -1;
        }
    }
    int pair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
        snprintf(error, error_length, "socketpair: %s", strerror(errno));
        SSL_free(ssl);
        close(tcp);
        return -1;
    }
    set_nonblocking(pair[1], 1);
    struct pump *p = malloc(sizeof *p);
    if (!p) {
        snprintf(error, error_length, "out of memory");
        SSL_free(ssl);
        close(tcp);
        close(pair[0]);
        close(pair[1]);
        return -1;
    }
    p->ssl = ssl;
    p->tcp = tcp;
    p->local = pair[1];
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attributes, 256 * 1024);
    pthread_t thread;
    atomic_fetch_add(&active_pumps, 1);
    int created = pthread_create(&thread, &attributes, pump_run, p);
    pthread_attr_destroy(&attributes);
    if (created != 0) {
        atomic_fetch_sub(&active_pumps, 1);
        snprintf(error, error_length, "cannot start the TLS pump thread: %s", strerror(created));
        SSL_free(ssl);
        close(tcp);
        close(pair[0]);
        close(pair[1]);
        free(p);
        return -1;
    }
    return pair[0];
}
