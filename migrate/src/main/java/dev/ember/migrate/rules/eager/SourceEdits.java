package dev.ember.migrate.rules.eager;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.comments.Comment;
import java.util.ArrayList;
import java.util.List;

/**
 * Text edits on one source file, addressed by the ranges of its parsed nodes. Edits may nest: the
 * replacement of a large node is usually built with {@link #render} from its parts (so the edits
 * already made inside it are kept), and {@link #apply()} then skips the inner edits it covers.
 * Untouched text is kept byte for byte.
 */
final class SourceEdits {
    private record Edit(int start, int end, String text) {
    }

    final String text;
    private final int[] lineStarts;
    private final List<Edit> edits = new ArrayList<>();

    SourceEdits(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    int offset(Position p) {
        return lineStarts[p.line - 1] + p.column - 1;
    }

    /** Offset of the node's first character. */
    int begin(Node n) {
        return offset(n.getRange().orElseThrow(() -> new IllegalStateException("node without range: " + n)).begin);
    }

    /** Offset just past the node's last character. */
    int end(Node n) {
        return offset(n.getRange().orElseThrow(() -> new IllegalStateException("node without range: " + n)).end) + 1;
    }

    /** Offset of the node's leading comment when it has one, else of the node. */
    int beginWithComment(Node n) {
        return n.getComment().filter(c -> c.getRange().isPresent()).map(this::begin).orElse(begin(n));
    }

    /** The original text of {@code n}. */
    String original(Node n) {
        return text.substring(begin(n), end(n));
    }

    /** The leading whitespace of the line {@code offset} is on, up to the first non-blank character. */
    String indentAt(int offset) {
        int ls = lineStart(offset);
        int i = ls;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(ls, i);
    }

    String indentOf(Node n) {
        return indentAt(begin(n));
    }

    int lineStart(int offset) {
        int i = offset;
        while (i > 0 && text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    void replace(Node n, String replacement) {
        replace(begin(n), end(n), replacement);
    }

    void replace(int start, int end, String replacement) {
        edits.add(new Edit(start, end, replacement));
    }

    /** Inserts {@code s} at {@code offset}. */
    void insert(int offset, String s) {
        replace(offset, offset, s);
    }

    /**
     * Removes a statement (or member) with its leading comment; when it sits on lines of its own,
     * the whole lines go.
     */
    void removeLines(Node n) {
        int[] r = lineRange(n);
        replace(r[0], r[1], "");
    }

    /** {start, end} of the node with its comment, widened to whole lines when nothing else shares them. */
    int[] lineRange(Node n) {
        int start = beginWithComment(n);
        int end = end(n);
        int ls = lineStart(start);
        if (text.substring(ls, start).isBlank()) {
            start = ls;
        }
        int le = end;
        while (le < text.length() && (text.charAt(le) == ' ' || text.charAt(le) == '\t')) {
            le++;
        }
        if (le < text.length() && text.charAt(le) == '\n') {
            end = le + 1;
        } else if (le == text.length()) {
            end = le;
        }
        return new int[] {start, end};
    }

    /** The text of {@code [start, end)} with the edits made inside it applied (the first of overlapping edits wins). */
    String render(int start, int end) {
        List<Edit> inside = new ArrayList<>();
        for (Edit e : edits) {
            if (e.start >= start && e.end <= end) {
                inside.add(e);
            }
        }
        inside.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(b.end, a.end));
        StringBuilder sb = new StringBuilder();
        int cursor = start;
        for (Edit ed : inside) {
            if (ed.start < cursor) {
                continue;
            }
            sb.append(text, cursor, ed.start).append(ed.text);
            cursor = ed.end;
        }
        sb.append(text, cursor, end);
        return sb.toString();
    }

    /** A point to {@link #rollback} to. */
    int mark() {
        return edits.size();
    }

    /** Drops the edits made since {@code mark}. */
    void rollback(int mark) {
        while (edits.size() > mark) {
            edits.remove(edits.size() - 1);
        }
    }

    String render(Node n) {
        return render(begin(n), end(n));
    }

    /** The whole text with all edits. */
    String apply() {
        return render(0, text.length());
    }

    boolean isEmpty() {
        return edits.isEmpty();
    }

    /** A comment's text as written, e.g. {@code // conv -> relu}. */
    String commentText(Comment c) {
        return text.substring(begin(c), end(c));
    }
}
