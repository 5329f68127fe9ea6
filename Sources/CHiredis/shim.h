#ifndef WEATHER_CHIREDIS_SHIM_H
#define WEATHER_CHIREDIS_SHIM_H
#include <hiredis/hiredis.h>
#include <sys/time.h>

/* Typed helpers so that Swift never builds a struct timeval or reads a C char array.
 * Commands go through redisAppendCommandArgv / redisCommandArgv only: binary-safe, never the
 * variadic redisCommand. */

static inline struct timeval weather_redis_timeval_ms(long long ms) {
    struct timeval tv;
    tv.tv_sec = (time_t)(ms / 1000);
    tv.tv_usec = (suseconds_t)((ms % 1000) * 1000);
    return tv;
}

/* Connects with a connect timeout in milliseconds; returns NULL only when out of memory
 * (check weather_redis_error otherwise). */
static inline redisContext *weather_redis_connect(const char *host, int port, long long timeout_ms) {
    return redisConnectWithTimeout(host, port, weather_redis_timeval_ms(timeout_ms));
}

/* Sets the read and write timeout of a blocking context, in milliseconds. Must be called again
 * after every (re)connect: hiredis 0.14's redisReconnect forgets it. */
static inline int weather_redis_set_timeout(redisContext *c, long long timeout_ms) {
    return redisSetTimeout(c, weather_redis_timeval_ms(timeout_ms));
}

/* The context's error flag, 0 when healthy. */
static inline int weather_redis_error(const redisContext *c) { return c->err; }

/* The context's error message (a NUL-terminated string inside the context). */
static inline const char *weather_redis_errstr(const redisContext *c) { return c->errstr; }

/* Reads one reply; returns NULL on an I/O or protocol error (see weather_redis_error). */
static inline redisReply *weather_redis_get_reply(redisContext *c) {
    void *reply = NULL;
    if (redisGetReply(c, &reply) != REDIS_OK) { return NULL; }
    return (redisReply *)reply;
}

#endif
