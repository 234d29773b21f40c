package dev.ember.migrate.source;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.Arrays;
import java.util.List;

/** Unified diffs and changed line ranges between two texts. */
public final class UnifiedDiff {
    private UnifiedDiff() {
    }

    /** A unified diff ({@code --- a/path}, {@code +++ b/path}, 3 lines of context); empty when equal. */
    public static String of(String path, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, a, patch, 3)) + "\n";
    }

    /** The changed regions as {beforeStart, beforeEnd, afterStart, afterEnd} (1-based, inclusive). */
    public static List<int[]> regions(String before, String after) {
        Patch<String> patch = DiffUtils.diff(lines(before), lines(after));
        return patch.getDeltas().stream().map(UnifiedDiff::region).toList();
    }

    private static int[] region(AbstractDelta<String> d) {
        int bs = d.getSource().getPosition() + 1;
        int as = d.getTarget().getPosition() + 1;
        return new int[] {bs, bs + d.getSource().size() - 1, as, as + d.getTarget().size() - 1};
    }

    private static List<String> lines(String s) {
        return Arrays.asList(s.split("\n", -1));
    }
}
