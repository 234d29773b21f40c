package dev.ember.tfcompat.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Ordered rules turning checkpoint keys into engine state_dict names: the first rule that matches a
 * key decides (map it, with a {@link Transform}, or skip it with a reason); keys no rule matches are
 * reported as unmapped. Regex rules match the whole key; in the template {@code $1}..{@code $9},
 * {@code ${n}} and {@code ${name}} insert groups, {@code $$} a dollar, and every {@code /} left in the
 * result becomes {@code .} (PyTorch's separator).
 *
 * <p>Presets: {@link #tf1()} (Keras/TF1 variable names such as {@code dense/kernel}), {@link #keras()}
 * (TF2 object-graph keys such as {@code layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE}),
 * {@link #standard()} (both), {@link #tfJava()} (graphs built with TF-Java {@code Ops}: names kept,
 * shapes unchanged). All of them first skip optimizer and bookkeeping state ({@link #bookkeeping()}).
 * User rules come from a text file ({@link #parse}) and are usually put first:
 * {@code NameRules.load(file).then(NameRules.standard())}.
 */
public final class NameRules {

    /** What a rule decided for one key. */
    public sealed interface Outcome permits Mapped, Skipped, Unmapped {
    }

    /** Import the tensor as {@code engineName}, with {@code transform} ({@link Transform#AUTO}: by kind). */
    public record Mapped(String engineName, Transform transform, String rule) implements Outcome {
    }

    /** Leave the tensor out, for {@code reason} (e.g. "optimizer slot"). */
    public record Skipped(String reason, String rule) implements Outcome {
    }

    /** No rule matched. */
    public record Unmapped() implements Outcome {
    }

    /** One rule: an outcome for the keys it matches, {@code null} for the others. */
    public interface Rule {
        Outcome apply(String key);

        /** Where the rule comes from, e.g. {@code rules.txt:3} or {@code tf1: (.+)/kernel}. */
        String source();
    }

    private static final Outcome UNMAPPED = new Unmapped();
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
    private static final String CELL = "(?:[A-Za-z0-9_]*_cell(?:_\\d+)?|cell)";
    private static final String OPTIMIZERS =
            "Adam|Adam_\\d+|AdamW|AdamW_\\d+|Nadam|Nadam_\\d+|Momentum|RMSProp|RMSProp_\\d+|Adagrad|Adadelta"
            + "|Adadelta_\\d+|Ftrl|Ftrl_\\d+|Adamax|Adamax_\\d+";

    private final List<Rule> rules;

    private NameRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Rules tried in the given order. */
    public static NameRules of(Rule... rules) {
        return new NameRules(List.of(rules));
    }

    /** These rules, then {@code fallback}'s for keys none of these matches. */
    public NameRules then(NameRules fallback) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(fallback.rules);
        return new NameRules(all);
    }

    /** The first matching rule's outcome for {@code key}, or {@link Unmapped}. */
    public Outcome apply(String key) {
        for (Rule r : rules) {
            Outcome o = r.apply(key);
            if (o != null) {
                return o;
            }
        }
        return UNMAPPED;
    }

    /** The rules in order, one line each ({@code source: ...}). */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Rule r : rules) {
            out.add(r.toString());
        }
        return out;
    }

    // ------------------------------------------------------------------ rule kinds

    /** Maps keys matching {@code regex} (whole key) to {@code template}; checks group references now. */
    public static Rule map(String regex, String template, Transform transform, String source) {
        return new RegexRule(compile(regex), template, transform, null, source);
    }

    /** Skips keys matching {@code regex}, giving {@code reason}. */
    public static Rule skip(String regex, String reason, String source) {
        return new RegexRule(compile(regex), null, null, reason, source);
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex);
    }

    private static final class RegexRule implements Rule {
        private final Pattern pattern;
        private final String template;
        private final Transform transform;
        private final String skipReason;
        private final String source;

        RegexRule(Pattern pattern, String template, Transform transform, String skipReason, String source) {
            this.pattern = pattern;
            this.template = template;
            this.transform = transform;
            this.skipReason = skipReason;
            this.source = source;
            if (template != null) {
                checkTemplate(pattern, template);
            }
        }

        @Override
        public Outcome apply(String key) {
            Matcher m = pattern.matcher(key);
            if (!m.matches()) {
                return null;
            }
            if (skipReason != null) {
                return new Skipped(skipReason, source);
            }
            return new Mapped(expand(m, template).replace('/', '.'), transform, source);
        }

        @Override
        public String source() {
            return source;
        }

        @Override
        public String toString() {
            return source + ": " + pattern.pattern() + " -> "
                    + (skipReason != null ? "skip (" + skipReason + ")" : template + " [" + transform + "]");
        }
    }

    /** Checks that every group the template names exists in the pattern. */
    static void checkTemplate(Pattern pattern, String template) {
        int groups = pattern.matcher("").groupCount();
        Set<String> names = new HashSet<>();
        Matcher n = NAMED_GROUP.matcher(pattern.pattern());
        while (n.find()) {
            names.add(n.group(1));
        }
        for (Ref r : refs(template)) {
            if (r.number >= 0 && r.number > groups) {
                throw new IllegalArgumentException("template '" + template + "' uses group $" + r.number
                        + " but the regex has " + groups + " group" + (groups == 1 ? "" : "s"));
            }
            if (r.name != null && !names.contains(r.name)) {
                throw new IllegalArgumentException("template '" + template + "' uses group ${" + r.name
                        + "}, which the regex does not define");
            }
        }
    }

    private record Ref(int start, int end, int number, String name) {
    }

    private static List<Ref> refs(String t) {
        List<Ref> out = new ArrayList<>();
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) != '$') {
                continue;
            }
            if (i + 1 >= t.length()) {
                throw new IllegalArgumentException("template '" + t + "' ends with a lone '$' (write $$ for a dollar)");
            }
            char c = t.charAt(i + 1);
            if (c == '$') {
                out.add(new Ref(i, i + 2, -1, null));
                i++;
            } else if (c >= '0' && c <= '9') {
                out.add(new Ref(i, i + 2, c - '0', null));
                i++;
            } else if (c == '{') {
                int close = t.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("template '" + t + "' has an unclosed ${");
                }
                String inner = t.substring(i + 2, close);
                if (inner.matches("\\d+")) {
                    out.add(new Ref(i, close + 1, Integer.parseInt(inner), null));
                } else if (inner.matches("[a-zA-Z][a-zA-Z0-9]*")) {
                    out.add(new Ref(i, close + 1, -1, inner));
                } else {
                    throw new IllegalArgumentException("template '" + t + "' has a bad group reference ${" + inner + "}");
                }
                i = close;
            } else {
                throw new IllegalArgumentException("template '" + t + "' has '$" + c
                        + "'; use $1..$9, ${n}, ${name} or $$");
            }
        }
        return out;
    }

    private static String expand(Matcher m, String template) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (Ref r : refs(template)) {
            sb.append(template, at, r.start);
            if (r.name != null) {
                sb.append(m.group(r.name) == null ? "" : m.group(r.name));
            } else if (r.number >= 0) {
                sb.append(m.group(r.number) == null ? "" : m.group(r.number));
            } else {
                sb.append('$');
            }
            at = r.end;
        }
        return sb.append(template.substring(at)).toString();
    }

    // ------------------------------------------------------------------ presets

    /**
     * Skips optimizer and bookkeeping state: {@code .OPTIMIZER_SLOT} keys, {@code optimizer/...},
     * {@code save_counter}, {@code _CHECKPOINTABLE_OBJECT_GRAPH}, {@code global_step}, TF1 Adam
     * {@code beta1_power}/{@code beta2_power}, TF1 slot variables ({@code dense/kernel/Adam_1}, ...),
     * Keras metric state and object attributes other than {@code VARIABLE_VALUE}.
     */
    public static NameRules bookkeeping() {
        String s = "bookkeeping";
        return of(
                skip("_CHECKPOINTABLE_OBJECT_GRAPH", "object graph (checkpoint metadata)", s),
                skip(".*/\\.OPTIMIZER_SLOT/.*", "optimizer slot (.OPTIMIZER_SLOT)", s),
                skip("(?:.*/)?save_counter(?:/.*)?", "checkpoint save counter", s),
                skip("(?:.*/)?global_step", "training step counter", s),
                skip("(?:.*/)?optimizer/.*", "optimizer state", s),
                skip("(?:.*/)?beta[12]_power(?:_\\d+)?", "Adam accumulator (TF1)", s),
                skip(".+/(?:" + OPTIMIZERS + ")", "optimizer slot (TF1)", s),
                skip("training/(?:Adam|SGD|RMSprop|Adagrad|Adadelta|Adamax|Nadam|Ftrl)/.*", "optimizer state (tf.keras, TF1)", s),
                skip("(?:.*/)?keras_api/metrics/.*", "Keras metric state", s),
                skip(".*/\\.ATTRIBUTES/(?!VARIABLE_VALUE$).*", "object attribute, not a variable value", s));
    }

    /** The layer-variable rules shared by {@link #tf1()} and {@link #keras()} (no bookkeeping). */
    private static NameRules layerNames(String s) {
        Transform a = Transform.AUTO;
        return of(
                map("(.+)/" + CELL + "/kernel", "$1.weight_ih_l0", a, s),
                map("(.+)/" + CELL + "/recurrent_kernel", "$1.weight_hh_l0", a, s),
                map("(.+)/" + CELL + "/bias", "$1.bias_ih_l0", a, s),
                map("(.+)/kernel", "$1.weight", a, s),
                map("(.+)/depthwise_kernel", "$1.weight", a, s),
                map("(.+)/bias", "$1.bias", a, s),
                map("(.+)/gamma", "$1.weight", Transform.NONE, s),
                map("(.+)/beta", "$1.bias", Transform.NONE, s),
                map("(.+)/moving_mean", "$1.running_mean", Transform.NONE, s),
                map("(.+)/moving_variance", "$1.running_var", Transform.NONE, s),
                map("(.+)/embeddings", "$1.weight", Transform.NONE, s));
    }

    /**
     * TF1 / Keras variable names ({@code dense/kernel} -> {@code dense.weight}, {@code conv2d_1/bias},
     * {@code batch_normalization/moving_mean} -> {@code running_mean}, {@code lstm/lstm_cell/kernel}
     * -> {@code lstm.weight_ih_l0}); kernels get their layout transform by kind.
     */
    public static NameRules tf1() {
        return bookkeeping().then(layerNames("tf1"));
    }

    /**
     * TF2 object-graph keys: {@code <path>/.ATTRIBUTES/VARIABLE_VALUE}, path edges unescaped
     * ({@code ..} -> {@code .}, {@code .S} -> {@code /}; a {@code .} or {@code /} inside one edge name
     * becomes {@code _}), then the {@link #tf1()} layer rules; e.g.
     * {@code layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE} -> {@code layer_with_weights-0.weight}.
     */
    public static NameRules keras() {
        return bookkeeping().then(of(new KerasRule(layerNames("keras"))));
    }

    /** {@link #keras()} and {@link #tf1()} together (their keys cannot be confused). */
    public static NameRules standard() {
        return keras().then(layerNames("tf1"));
    }

    /**
     * Graphs built with TF-Java {@code Ops} and saved by {@code Session.save}: keys are variable op names
     * ({@code dense/kernel}, {@code w1}); each is kept ({@code /} -> {@code .}) with its shape unchanged,
     * as the migrated module keeps TF's variable shapes.
     */
    public static NameRules tfJava() {
        return bookkeeping().then(of(map("(.+)", "$1", Transform.NONE, "tf-java")));
    }

    private static final class KerasRule implements Rule {
        private static final String SUFFIX = "/.ATTRIBUTES/VARIABLE_VALUE";
        private final NameRules layerRules;

        KerasRule(NameRules layerRules) {
            this.layerRules = layerRules;
        }

        @Override
        public Outcome apply(String key) {
            if (!key.endsWith(SUFFIX)) {
                return null;
            }
            String path = kerasPath(key.substring(0, key.length() - SUFFIX.length()));
            Outcome o = layerRules.apply(path);
            return o instanceof Unmapped ? null : o;
        }

        @Override
        public String source() {
            return "keras";
        }

        @Override
        public String toString() {
            return "keras: <path>/.ATTRIBUTES/VARIABLE_VALUE, path unescaped, then the tf1 layer rules";
        }
    }

    /** An object-graph key path with each edge unescaped and made separator-free, joined by {@code /}. */
    static String kerasPath(String escapedPath) {
        String[] edges = escapedPath.split("/", -1);
        List<String> out = new ArrayList<>();
        for (String e : edges) {
            out.add(unescapeEdge(e).replace('.', '_').replace('/', '_'));
        }
        return String.join("/", out);
    }

    /** Undoes TF's {@code escape_local_name}: {@code ..} -> {@code .}, {@code .S} -> {@code /}. */
    static String unescapeEdge(String edge) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < edge.length(); i++) {
            char c = edge.charAt(i);
            if (c == '.' && i + 1 < edge.length() && (edge.charAt(i + 1) == '.' || edge.charAt(i + 1) == 'S')) {
                sb.append(edge.charAt(i + 1) == '.' ? '.' : '/');
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** TF's {@code escape_local_name}: {@code .} -> {@code ..}, {@code /} -> {@code .S}. */
    static String escapeEdge(String name) {
        return name.replace(".", "..").replace("/", ".S");
    }

    // ------------------------------------------------------------------ user rule files

    /** Reads user rules from {@code file} (see {@link #parse}). */
    public static NameRules load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read rules file " + file + ": " + e, e);
        }
    }

    /**
     * Parses rules, one per line: {@code regex -> template [transform]}, or {@code regex -> -
     * [reason]} to skip. Blank lines and lines starting with {@code #} are ignored. The transform is
     * one of {@link Transform#ruleNames()} (default {@code auto}). Errors name {@code source} and the
     * line number.
     */
    public static NameRules parse(String text, String source) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1);
            try {
                rules.add(parseLine(line, where));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage()
                        + " in '" + line + "'", e);
            }
        }
        return new NameRules(rules);
    }

    private static Rule parseLine(String line, String where) {
        int arrow = line.lastIndexOf("->");
        if (arrow < 0) {
            throw new IllegalArgumentException("expected 'regex -> template [transform]'");
        }
        String regex = line.substring(0, arrow).strip();
        String[] right = line.substring(arrow + 2).strip().split("\\s+", -1);
        if (regex.isEmpty()) {
            throw new IllegalArgumentException("empty regex before '->'");
        }
        if (right.length == 0 || right[0].isEmpty()) {
            throw new IllegalArgumentException("missing template after '->'");
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regex: " + e.getDescription() + " near index " + e.getIndex());
        }
        if (right[0].equals("-")) {
            String reason = right.length > 1 ? String.join(" ", List.of(right).subList(1, right.length)) : "user rule";
            return skip(regex, reason, where);
        }
        if (right.length > 2) {
            throw new IllegalArgumentException("expected 'template [transform]' after '->', got " + right.length
                    + " words (templates cannot contain spaces)");
        }
        Transform t = right.length == 2 ? Transform.forRuleName(right[1]) : Transform.AUTO;
        return map(regex, right[0], t, where);
    }
}
