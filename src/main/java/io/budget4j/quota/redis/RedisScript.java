package io.budget4j.quota.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A Lua script run with EVALSHA. Its SHA-1 is computed here, so nothing has to be loaded before
 * the first call; the store loads the text when Redis answers NOSCRIPT (first use, or a restart).
 */
final class RedisScript {
    /**
     * Frees leases expired at {@code now} (their tokens come back from {@code reserved}). A lease is
     * a member {@code owner:id:tokens} of the sorted set {@code l}, scored by its expiry.
     */
    private static final String PURGE = """
            local function purge(q, l, now, keyTtl)
              local expired = redis.call('ZRANGEBYSCORE', l, '-inf', now)
              if #expired == 0 then return 0 end
              local freed = 0
              for i = 1, #expired do
                freed = freed + tonumber(string.match(expired[i], ':(%d+)$'))
              end
              redis.call('ZREMRANGEBYSCORE', l, '-inf', now)
              redis.call('HINCRBY', q, 'r', string.format('%d', -freed))
              redis.call('PEXPIRE', q, keyTtl)
              return freed
            end
            """;

    /**
     * Checks and charges in one step. KEYS: counters hash (fields u = used, r = reserved), lease set.
     * ARGV: tokens, cap (-1: none), now, key TTL (ms), lease member ('' to charge as used), lease expiry.
     * Returns {admitted 0/1, used, reserved}.
     */
    static final RedisScript ADMIT = new RedisScript("admit", PURGE + """
            local q, l = KEYS[1], KEYS[2]
            local n = tonumber(ARGV[1])
            local cap = tonumber(ARGV[2])
            local c = redis.call('HMGET', q, 'u', 'r')
            local fresh = not c[1] and not c[2]
            local used = tonumber(c[1] or 0)
            local reserved = tonumber(c[2] or 0)
            if cap >= 0 then
              local need = math.max(n, 1)
              if used + reserved + need > cap then
                reserved = reserved - purge(q, l, ARGV[3], ARGV[4])
                if used + reserved + need > cap then
                  return {0, used, reserved}
                end
              end
            end
            if ARGV[5] == '' then
              redis.call('HINCRBY', q, 'u', ARGV[1])
              used = used + n
            else
              -- no tokens held means no lease left (Redis drops an emptied set): a new set, give it its TTL
              local newSet = reserved == 0
              redis.call('HINCRBY', q, 'r', ARGV[1])
              reserved = reserved + n
              redis.call('ZADD', l, ARGV[6], ARGV[5])
              if newSet then redis.call('PEXPIRE', l, ARGV[4]) end
            end
            -- the TTL is set when the window's counters are created, not on every call
            if fresh then redis.call('PEXPIRE', q, ARGV[4]) end
            return {1, used, reserved}
            """);

    /**
     * Ends a lease (if it has not expired) and charges the actual tokens. KEYS: counters, leases.
     * ARGV: lease member ('' for none), actual tokens, key TTL (ms).
     */
    static final RedisScript SETTLE = new RedisScript("settle", """
            local q, l = KEYS[1], KEYS[2]
            local member = ARGV[1]
            if member ~= '' and redis.call('ZREM', l, member) == 1 then
              local held = tonumber(string.match(member, ':(%d+)$'))
              redis.call('HINCRBY', q, 'r', string.format('%d', -held))
            end
            redis.call('HINCRBY', q, 'u', ARGV[2])
            redis.call('PEXPIRE', q, ARGV[3])
            return 1
            """);

    /** Frees expired leases, then reads the counters. KEYS: counters, leases. ARGV: now, key TTL (ms). */
    static final RedisScript USAGE = new RedisScript("usage", PURGE + """
            purge(KEYS[1], KEYS[2], ARGV[1], ARGV[2])
            local c = redis.call('HMGET', KEYS[1], 'u', 'r')
            return {tonumber(c[1] or 0), tonumber(c[2] or 0)}
            """);

    final String name;
    final String text;
    final String sha;

    private RedisScript(String name, String text) {
        this.name = name;
        this.text = text;
        this.sha = sha1(text);
    }

    private static String sha1(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(40);
            for (byte b : d) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }
}
