package io.budget4j.quota.redis;

import io.budget4j.quota.QuotaStore;
import io.budget4j.quota.QuotaStoreException;
import io.budget4j.quota.WindowSpan;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import javax.net.ssl.SSLSocketFactory;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Quotas in Redis, shared by every JVM that points at the same server. One round trip per
 * operation: a Lua script, run by its SHA, checks and charges atomically.
 *
 * <p>Per tenant and window there are two keys, {@code <prefix>{<tenant>}:<window>} (a hash:
 * {@code u} used, {@code r} reserved) and the same with {@code :leases} (a sorted set of
 * reservations scored by their expiry). Both expire an hour after their window ends. The braces
 * are a hash tag: a tenant's keys stay in one slot should the server be a cluster node.
 *
 * <p>Lease expiry is judged by the time the service passes in (its clock, never Redis's), and
 * expired leases are freed inside the scripts, so a JVM that dies holding reservations loses them
 * after the reservation TTL. The client is pooled; connections that broke (a Redis restart) are
 * replaced on the next operation, and a script Redis no longer knows is loaded again.
 */
public final class RedisQuotaStore implements QuotaStore {
    /** Keys outlive their window by this much, so late settlements (or a lagging clock) still land. */
    private static final long KEY_GRACE_MILLIS = Duration.ofHours(1).toMillis();

    private final RedisUrl url;
    private final String prefix;
    private final JedisPooled jedis;
    /** Names this store's leases, so ids from different JVMs never collide. */
    private final String owner;
    private final AtomicLong leaseIds = new AtomicLong();

    private RedisQuotaStore(Builder b) {
        this.url = b.url;
        this.prefix = b.keyPrefix;
        this.owner = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) b.connectTimeout.toMillis())
                .socketTimeoutMillis((int) b.socketTimeout.toMillis())
                .database(url.database())
                .clientName("budget4j-quota")
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                .ssl(url.tls());
        if (url.user() != null) {
            client.user(url.user());
        }
        if (url.password() != null) {
            client.password(url.password());
        }
        if (b.sslSocketFactory != null) {
            client.sslSocketFactory(b.sslSocketFactory);
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(b.poolSize);
        pool.setMaxIdle(b.poolSize);
        pool.setMinIdle(0);
        pool.setJmxEnabled(false);
        pool.setBlockWhenExhausted(true);
        pool.setMaxWait(b.connectTimeout.plus(b.socketTimeout));
        // Nothing is sent at construction: a store made while Redis is down works once it is up.
        this.jedis = new JedisPooled(pool, new HostAndPort(url.host(), url.port()), client.build());
    }

    /** A builder for the store at {@code url} ({@code redis://...} or {@code rediss://...}). */
    public static Builder builder(String url) {
        return new Builder(RedisUrl.parse(url));
    }

    @Override
    public boolean tryConsume(String tenant, WindowSpan window, long tokens, long cap, long now) {
        List<?> r = (List<?>) run(RedisScript.ADMIT, keys(tenant, window), List.of(Long.toString(tokens),
                Long.toString(cap), Long.toString(now), ttl(window, now), "", ""));
        return ((Long) r.get(0)) == 1L;
    }

    @Override
    public void consume(String tenant, WindowSpan window, long tokens, long now) {
        run(RedisScript.SETTLE, keys(tenant, window), List.of("", Long.toString(tokens), ttl(window, now)));
    }

    @Override
    public Admission reserve(String tenant, WindowSpan window, long tokens, long cap, long now, long leaseExpiresAt) {
        long id = leaseIds.incrementAndGet();
        List<?> r = (List<?>) run(RedisScript.ADMIT, keys(tenant, window), List.of(Long.toString(tokens),
                Long.toString(cap), Long.toString(now), ttl(window, now), member(id, tokens),
                Long.toString(leaseExpiresAt)));
        if (((Long) r.get(0)) == 1L) {
            return new Admission(id, null);
        }
        return new Admission(REFUSED, new Counters((Long) r.get(1), (Long) r.get(2)));
    }

    @Override
    public void settle(String tenant, WindowSpan window, long leaseId, long reservedTokens, long actualTokens,
            long now) {
        String member = leaseId == REFUSED ? "" : member(leaseId, reservedTokens);
        run(RedisScript.SETTLE, keys(tenant, window), List.of(member, Long.toString(actualTokens), ttl(window, now)));
    }

    @Override
    public Counters usage(String tenant, WindowSpan window, long now) {
        List<?> r = (List<?>) run(RedisScript.USAGE, keys(tenant, window), List.of(Long.toString(now), ttl(window, now)));
        return new Counters((Long) r.get(0), (Long) r.get(1));
    }

    @Override
    public String description() {
        return url.redacted();
    }

    @Override
    public void close() {
        jedis.close();
    }

    @Override
    public String toString() {
        return "RedisQuotaStore{" + url.redacted() + ", prefix=" + prefix + "}";
    }

    /** The counters key of a tenant's window (the lease set is this plus {@code :leases}). */
    public String key(String tenant, WindowSpan window) {
        return prefix + "{" + tenant + "}:" + window.id();
    }

    private List<String> keys(String tenant, WindowSpan window) {
        String q = key(tenant, window);
        return List.of(q, q + ":leases");
    }

    private String member(long leaseId, long tokens) {
        return owner + ":" + leaseId + ":" + tokens;
    }

    /**
     * Milliseconds the window's keys should live from now: the rest of the window by the service's
     * clock, plus a grace. Relative (PEXPIRE), so a clock that differs from Redis's (an injected
     * one, or skew) still gives keys the life of their window.
     */
    static String ttl(WindowSpan window, long now) {
        return Long.toString(Math.max(1, window.endMillis() - now) + KEY_GRACE_MILLIS);
    }

    private Object run(RedisScript script, List<String> keys, List<String> args) {
        try {
            return evalsha(script, keys, args);
        } catch (JedisConnectionException e) {
            // Pooled connections die with a Redis restart and fail on first use: drop the idle
            // ones and retry once on a fresh connection. Not after a timeout: the script may have run.
            if (e.getCause() instanceof SocketTimeoutException) {
                throw failure(script, e);
            }
            try {
                jedis.getPool().clear();
                return evalsha(script, keys, args);
            } catch (RuntimeException again) {
                throw failure(script, again);
            }
        } catch (RuntimeException e) {
            throw failure(script, e);
        }
    }

    private Object evalsha(RedisScript script, List<String> keys, List<String> args) {
        try {
            return jedis.evalsha(script.sha, keys, args);
        } catch (JedisNoScriptException e) {
            jedis.scriptLoad(script.text);
            return jedis.evalsha(script.sha, keys, args);
        }
    }

    private QuotaStoreException failure(RedisScript script, RuntimeException e) {
        return new QuotaStoreException(script.name + " script: " + e.getMessage(), e);
    }

    public static final class Builder {
        private final RedisUrl url;
        private String keyPrefix = "budget4j:quota:";
        private int poolSize = 32;
        private Duration connectTimeout = Duration.ofSeconds(1);
        private Duration socketTimeout = Duration.ofSeconds(1);
        private SSLSocketFactory sslSocketFactory;

        private Builder(RedisUrl url) {
            this.url = url;
        }

        /** Prefix of every key ({@code budget4j:quota:} unless set). */
        public Builder keyPrefix(String prefix) {
            this.keyPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** Most connections open at once (32 unless set): the most callers served in parallel. */
        public Builder poolSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("pool size must be >= 1, got " + size);
            }
            this.poolSize = size;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /** How long an operation waits for Redis's answer before it counts as a store failure. */
        public Builder socketTimeout(Duration timeout) {
            this.socketTimeout = positive(timeout, "socket timeout");
            return this;
        }

        /** For {@code rediss://}: the TLS sockets to use (default: the JVM's default trust). */
        public Builder sslSocketFactory(SSLSocketFactory factory) {
            this.sslSocketFactory = factory;
            return this;
        }

        public RedisQuotaStore build() {
            return new RedisQuotaStore(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
    }
}
