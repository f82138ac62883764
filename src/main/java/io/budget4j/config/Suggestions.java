package io.budget4j.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for a misspelt name: the nearest known name, when it is close enough. */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * The advice that follows a wrong name: {@code "; did you mean 'max_steps'? Known keys: a, b"}
     * or, with nothing close, {@code "; known keys: a, b"}.
     *
     * @param what plural noun for the list, e.g. "keys", "profiles", "values"
     */
    static String advice(String wrong, Collection<String> known, String what) {
        if (known.isEmpty()) {
            return "; there are no " + what + " to choose from";
        }
        String list = String.join(", ", known);
        return nearest(wrong, known)
                .map(s -> "; did you mean '" + s + "'? Known " + what + ": " + list)
                .orElse("; known " + what + ": " + list);
    }

    /** The known name nearest to {@code wrong}, if it is close enough to be a likely typo. */
    static Optional<String> nearest(String wrong, Collection<String> known) {
        if (wrong == null || wrong.isEmpty()) {
            return Optional.empty();
        }
        String w = normalize(wrong);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String c = normalize(candidate);
            int d = c.equals(w) ? 0 : distance(w, c);
            if (d < bestDistance && (d <= tolerance(w, c) || (w.length() >= 4 && c.contains(w)))) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    // Case, '_' and '-' never matter to the reader: maxSteps, max-steps and MAX_STEPS mean max_steps.
    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    /** Up to a third of the longer name wrong, at most three edits: close enough to be a slip. */
    private static int tolerance(String wrong, String candidate) {
        return Math.min(3, Math.max(1, Math.max(wrong.length(), candidate.length()) / 3));
    }

    /** Edit distance where swapping two neighbouring letters counts as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
