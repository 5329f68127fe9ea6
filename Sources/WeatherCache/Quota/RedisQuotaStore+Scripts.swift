extension RedisQuotaStore {
    /// One grant, atomically (Redis runs a script alone): the shared 429 cooldown first, then the
    /// family's daily budget, then the sliding 60-second window of the account — and only when
    /// every check passes is the call spent in both.
    ///
    /// KEYS: 1 the window (a sorted set of spend times, in Redis's own microseconds, so replica
    /// clocks cannot skew it), 2 the cooldown, 3 the family's counter for the UTC day.
    /// ARGV: 1 calls per window (-1: none), 2 the window in ms, 3 the daily budget (-1: none),
    /// 4 a random member for this spend, 5 the day counter's lifetime in ms.
    /// Reply: `{0, minuteLeft, dayLeft}` granted (-1: no such limit), `{1, retryAfterMs}` spent
    /// (-1: the daily budget), `{2, cooldownMs}` cooling down.
    static let grantScript = RedisScript(
        """
        local cooldown = redis.call('PTTL', KEYS[2])
        if cooldown > 0 then return {2, cooldown} end
        local limit = tonumber(ARGV[1])
        local daily = tonumber(ARGV[3])
        local dayLeft = -1
        if daily >= 0 then
          local used = tonumber(redis.call('GET', KEYS[3]) or '0')
          if used >= daily then return {1, -1} end
          dayLeft = daily - used - 1
        end
        local minuteLeft = -1
        if limit >= 0 then
          local t = redis.call('TIME')
          local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
          local window = tonumber(ARGV[2]) * 1000
          redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
          local count = redis.call('ZCARD', KEYS[1])
          if count >= limit then
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            local back = window
            if oldest[2] then back = tonumber(oldest[2]) + window - now end
            return {1, math.max(1, math.ceil(back / 1000))}
          end
          redis.call('ZADD', KEYS[1], now, ARGV[4])
          redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) + 1000)
          minuteLeft = limit - count - 1
        end
        if daily >= 0 then
          redis.call('INCR', KEYS[3])
          redis.call('PEXPIRE', KEYS[3], ARGV[5])
        end
        return {0, minuteLeft, dayLeft}
        """)

    /// Starts or extends the cooldown: KEYS 1 the cooldown, ARGV 1 its length in ms. Never shortens it.
    static let cooldownScript = RedisScript(
        """
        if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
          redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
        end
        return 1
        """)

    /// The figures as they stand, read only (nothing is spent or trimmed): the calls in the window
    /// (those later than `now - window`, as the grant script counts them), the seconds until the
    /// oldest of them leaves it, the cooldown's PTTL and each day counter.
    ///
    /// KEYS: 1 the window, 2 the cooldown, 3… the day counters. ARGV: 1 the window in ms.
    /// Reply: `{used, oldestBackSeconds (-1: empty), cooldownPTTL (<= 0: none), day counts…}`.
    static let snapshotScript = RedisScript(
        """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local window = tonumber(ARGV[1]) * 1000
        local after = string.format('(%.0f', now - window)
        local used = redis.call('ZCOUNT', KEYS[1], after, '+inf')
        local back = -1
        if used > 0 then
          local oldest = redis.call('ZRANGEBYSCORE', KEYS[1], after, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
          if oldest[2] then back = math.max(1, math.ceil((tonumber(oldest[2]) + window - now) / 1000000)) end
        end
        local reply = {used, back, redis.call('PTTL', KEYS[2])}
        for i = 3, #KEYS do reply[#reply + 1] = tonumber(redis.call('GET', KEYS[i]) or '0') end
        return reply
        """)
}
