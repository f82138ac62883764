package io.budget4j.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks the {@code quotas.store} value, and hides its password wherever it is shown. */
final class StoreUrl {
    static final String MEMORY = "memory";
    private static final String FORMS = "memory, redis://[user:password@]host:port[/db] or rediss://... (TLS)";
    // Up to the last '@': a password may hold an unencoded '@', '/' or '#', and must not leak even then.
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)(.*)@", Pattern.DOTALL);

    private StoreUrl() {
    }

    /**
     * The store in canonical form.
     *
     * @throws IllegalArgumentException saying what is wrong and which forms are right; it never
     *                                  repeats the password
     */
    static String check(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals(MEMORY)) {
            return MEMORY;
        }
        if (!lower.startsWith("redis://") && !lower.startsWith("rediss://")) {
            String hint = Suggestions.nearest(text, List.of(MEMORY)).map(s -> "did you mean 'memory'? Use ").orElse("use ");
            throw new IllegalArgumentException("unknown quota store '" + redact(text) + "'; " + hint + FORMS);
        }
        String shown = redact(text);
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            // The reason without its index: the index points into the unredacted text, and differs
            // between JDK versions.
            throw new IllegalArgumentException("quota store '" + shown + "' is not a valid URL (" + e.getReason()
                    + "); use " + FORMS + ", and percent-encode special characters "
                    + "in the user and password (e.g. %40 for @)");
        }
        Matcher userInfo = USER_INFO.matcher(text);
        if (userInfo.find() && !userInfo.group(2).equals(uri.getRawUserInfo())) {
            // An unencoded '@', '/', '?' or '#' in the password moves the host; never show what was read as one.
            throw new IllegalArgumentException("quota store '" + shown + "' has characters in its user or password "
                    + "that must be percent-encoded ('@' as %40, '/' as %2F, '?' as %3F, '#' as %23, ':' in the "
                    + "user as %3A); use " + FORMS);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("quota store '" + shown + "' has no valid host name (letters, digits, "
                    + "'-' and '.'; no '_'); write e.g. " + uri.getScheme() + "://localhost:6379");
        }
        if (uri.getPort() < 0) {
            throw new IllegalArgumentException("quota store '" + shown + "' has no port; add it, e.g. "
                    + uri.getScheme() + "://" + uri.getHost() + ":6379");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("quota store '" + shown + "' has port " + uri.getPort()
                    + "; a port is between 1 and 65535, Redis listens on 6379 by default");
        }
        String path = uri.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/") && !path.matches("/[0-9]{1,9}")) {
            throw new IllegalArgumentException("quota store '" + shown + "' names the database '" + path
                    + "'; a Redis database is a number, e.g. " + uri.getScheme() + "://" + uri.getHost() + ":"
                    + uri.getPort() + "/0");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("quota store '" + shown + "' has a query or fragment ('?' or '#'), "
                    + "which is not supported; use " + FORMS);
        }
        return text;
    }

    /** The URL with its password replaced by {@code ****}, for messages and logs. */
    static String redact(String url) {
        Matcher m = USER_INFO.matcher(url);
        if (!m.find()) {
            return url;
        }
        String userInfo = m.group(2);
        int colon = userInfo.indexOf(':');
        String hidden = colon < 0 ? "****" : userInfo.substring(0, colon) + ":****";
        return m.group(1) + hidden + "@" + url.substring(m.end());
    }
}
