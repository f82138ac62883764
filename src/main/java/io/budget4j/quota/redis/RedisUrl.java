package io.budget4j.quota.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A Redis address: {@code redis://[[user]:password@]host[:port][/db]}, or {@code rediss://} for
 * TLS. A user-info without a colon is taken as the password (as most Redis clients do); the port
 * defaults to 6379 and the database to 0. Percent-escapes in user and password are decoded.
 */
public record RedisUrl(String host, int port, String user, String password, int database, boolean tls) {
    private static final String FORM = "redis://[[user]:password@]host[:port][/db] (rediss:// for TLS)";

    /** @throws IllegalArgumentException naming what is wrong and the expected form */
    public static RedisUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw bad(url, e.getReason());
        }
        String scheme = uri.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw bad(url, "the scheme must be redis or rediss");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw bad(url, "no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // IPv6 literal
        }
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            if (colon < 0) {
                password = decode(info);
            } else {
                user = colon == 0 ? null : decode(info.substring(0, colon));
                password = decode(info.substring(colon + 1));
            }
        }
        int db = 0;
        String path = uri.getPath();
        if (path != null && !path.isEmpty() && !"/".equals(path)) {
            try {
                db = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw bad(url, "the path must be a database number, got '" + path.substring(1) + "'");
            }
            if (db < 0) {
                throw bad(url, "the database number must be >= 0");
            }
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad(url, "no query or fragment is understood");
        }
        return new RedisUrl(host, port, user, password, db, "rediss".equals(scheme));
    }

    /** The URL with the password masked, for logs and messages. */
    public String redacted() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        String auth = password == null ? (user == null ? "" : user + "@") : (user == null ? "" : user) + ":***@";
        return (tls ? "rediss://" : "redis://") + auth + h + ":" + port + "/" + database;
    }

    /** {@code spec} with any password masked (unchanged when it is not a Redis URL). */
    public static String redact(String spec) {
        if (spec == null || !(spec.startsWith("redis://") || spec.startsWith("rediss://"))) {
            return spec;
        }
        try {
            return parse(spec).redacted();
        } catch (IllegalArgumentException e) {
            int at = spec.lastIndexOf('@');
            return at < 0 ? spec : spec.substring(0, spec.indexOf("//") + 2) + "***" + spec.substring(at);
        }
    }

    @Override
    public String toString() {
        return redacted();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException bad(String url, String why) {
        return new IllegalArgumentException("invalid Redis URL '" + redact0(url) + "': " + why + "; expected " + FORM);
    }

    private static String redact0(String url) {
        int at = url.lastIndexOf('@');
        int slashes = url.indexOf("//");
        return at < 0 || slashes < 0 || at < slashes ? url : url.substring(0, slashes + 2) + "***" + url.substring(at);
    }
}
