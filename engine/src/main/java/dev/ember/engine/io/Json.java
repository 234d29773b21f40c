package dev.ember.engine.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON reader and writer the safetensors header and {@link Checkpoint} metadata need
 * (RFC 8259, no dependency). Objects read as {@link LinkedHashMap} in file order, arrays as
 * {@link List}, integers as {@link Long}, other numbers as {@link Double}; a repeated key is an
 * error, as the safetensors reference parser rejects it. Python's {@code json} module extension
 * {@code NaN}, {@code Infinity}, {@code -Infinity} is read only when asked for (checkpoint
 * metadata, where e.g. {@code ReduceLROnPlateau}'s {@code best} starts at infinity).
 * Public so that every Ember module (migration reports, parity specs) shares this one implementation.
 */
public final class Json {
    private final String text;
    private final boolean nonFinite;
    private int pos;

    private Json(String text, boolean nonFinite) {
        this.text = text;
        this.nonFinite = nonFinite;
    }

    /** Parses one JSON value; anything but whitespace after it is an error. */
    public static Object parse(String text) {
        return parse(text, false);
    }

    /** Parses one JSON value, accepting {@code NaN}, {@code Infinity} and {@code -Infinity} when {@code nonFinite}. */
    public static Object parse(String text, boolean nonFinite) {
        Json p = new Json(text, nonFinite);
        p.skipSpace();
        Object v = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "' after the value");
        }
        return v;
    }

    /** Thrown for malformed text, with the character offset. */
    public static final class JsonException extends IllegalArgumentException {
        JsonException(String message) {
            super(message);
        }
    }

    private JsonException error(String what) {
        return new JsonException("malformed JSON at character " + pos + ": " + what);
    }

    private Object value(int depth) {
        if (depth > 64) {
            throw error("nesting deeper than 64");
        }
        if (pos >= text.length()) {
            throw error("unexpected end of text");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{': return object(depth);
            case '[': return array(depth);
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            case 'N': return nonFinite("NaN", Double.NaN);
            case 'I': return nonFinite("Infinity", Double.POSITIVE_INFINITY);
            default:
                if (c == '-' && nonFinite && text.startsWith("-I", pos)) {
                    return nonFinite("-Infinity", Double.NEGATIVE_INFINITY);
                }
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected '" + c + "'");
        }
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return out;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            int keyAt = pos;
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            Object v = value(depth + 1);
            if (out.containsKey(key)) {
                pos = keyAt;
                throw error("duplicate key \"" + key + "\"");
            }
            out.put(key, v);
            skipSpace();
            char c = next();
            if (c == '}') {
                return out;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' in an object");
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> out = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return out;
        }
        while (true) {
            skipSpace();
            out.add(value(depth + 1));
            skipSpace();
            char c = next();
            if (c == ']') {
                return out;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("control character in a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = pos < text.length() ? text.charAt(pos++) : '\0';
            switch (e) {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u': sb.append(hex4()); break;
                default:
                    pos--;
                    throw error("bad escape '\\" + e + "'");
            }
        }
    }

    private char hex4() {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                throw error("bad \\u escape");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int intStart = pos;
        digits();
        if (pos == intStart || (text.charAt(intStart) == '0' && pos - intStart > 1)) {
            throw error("bad number");
        }
        boolean integral = true;
        if (peek() == '.') {
            pos++;
            int f = pos;
            digits();
            if (pos == f) {
                throw error("bad number");
            }
            integral = false;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            int f = pos;
            digits();
            if (pos == f) {
                throw error("bad number");
            }
            integral = false;
        }
        String s = text.substring(start, pos);
        if (integral) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                pos = start;
                throw error("integer " + s + " does not fit in 64 bits");
            }
        }
        return Double.parseDouble(s);
    }

    private void digits() {
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
    }

    private Object literal(String word, Object v) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        pos += word.length();
        return v;
    }

    private Object nonFinite(String word, double v) {
        if (!nonFinite) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        return literal(word, v);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char next() {
        if (pos >= text.length()) {
            throw error("unexpected end of text");
        }
        return text.charAt(pos++);
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * {@code value} as JSON text: {@code null}, {@link Boolean}, {@link String}, integral
     * {@link Number}s as integers, {@link Double}/{@link Float} in Java's shortest round-tripping
     * form (always with a '.' or exponent, so they read back as {@code Double}; non-finite ones as
     * {@code NaN}/{@code Infinity}/{@code -Infinity}), {@link Map}s (keys via
     * {@code String.valueOf}) and {@link Iterable}s and primitive arrays. Anything else is an error
     * naming its path ({@code $.a.0.b}).
     */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, "$", sb);
        return sb.toString();
    }

    private static void write(Object v, String path, StringBuilder sb) {
        if (v == null || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof String s) {
            sb.append(quote(s));
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                    : Double.toString(d));
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            sb.append(((Number) v).longValue());
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                sb.append(i++ == 0 ? "" : ",").append(quote(key)).append(':');
                write(e.getValue(), path + "." + key, sb);
            }
            sb.append('}');
        } else if (v instanceof Iterable<?> || v.getClass().isArray() && v.getClass().getComponentType().isPrimitive()) {
            sb.append('[');
            int i = 0;
            for (Object o : v instanceof Iterable<?> it ? it : primitives(v)) {
                sb.append(i == 0 ? "" : ",");
                write(o, path + "." + i++, sb);
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("JSON: cannot write " + path + " of type " + v.getClass().getName()
                    + " (numbers, booleans, strings, lists, maps and primitive arrays only)");
        }
    }

    private static List<Object> primitives(Object array) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < java.lang.reflect.Array.getLength(array); i++) {
            out.add(java.lang.reflect.Array.get(array, i));
        }
        return out;
    }
}
