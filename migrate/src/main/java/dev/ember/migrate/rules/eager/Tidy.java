package dev.ember.migrate.rules.eager;

import dev.ember.migrate.source.UnifiedDiff;
import java.util.ArrayList;
import java.util.List;

/**
 * Blank lines left by removed statements: around the lines a rewrite changed (never elsewhere), runs
 * of blank lines become one, and blank lines right after an opening or before a closing brace go.
 */
final class Tidy {
    private Tidy() {
    }

    static String blankLines(String before, String after) {
        List<String> lines = new ArrayList<>(List.of(after.split("\n", -1)));
        boolean[] near = new boolean[lines.size() + 2];
        for (int[] r : UnifiedDiff.regions(before, after)) {
            int from = Math.max(0, r[2] - 2);
            int to = Math.min(lines.size() - 1, Math.max(r[3], r[2] - 1));
            for (int i = from; i <= to; i++) {
                near[i] = true;
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (near[i] && l.isBlank()) {
                String prev = out.isEmpty() ? "" : out.get(out.size() - 1).strip();
                String next = nextNonBlank(lines, i);
                if (prev.isEmpty() || prev.endsWith("{") || next.startsWith("}")) {
                    continue;
                }
                l = "";
            }
            out.add(l);
        }
        return String.join("\n", out);
    }

    private static String nextNonBlank(List<String> lines, int i) {
        for (int k = i + 1; k < lines.size(); k++) {
            if (!lines.get(k).isBlank()) {
                return lines.get(k).strip();
            }
        }
        return "";
    }
}
