package dev.ember.engine.io;

import dev.ember.engine.DType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON header of a safetensors file: parsing with full validation, and writing. Entries are
 * kept in header order; {@link #validateLayout} checks that the data offsets tile the data
 * buffer exactly (contiguous, non-overlapping, starting at 0, ending at its size).
 */
final class SafetensorsHeader {
    static final String METADATA_KEY = "__metadata__";

    /** The element types of the format; {@code engine} is what a loaded tensor becomes. */
    enum Dtype {
        F64(8, DType.FLOAT64), F32(4, DType.FLOAT32), F16(2, DType.FLOAT32), BF16(2, DType.FLOAT32),
        I64(8, DType.INT64), I32(4, DType.INT32), I16(2, DType.INT32), I8(1, DType.INT32), U8(1, DType.INT32),
        BOOL(1, DType.BOOL);

        final int size;
        final DType engine;

        Dtype(int size, DType engine) {
            this.size = size;
            this.engine = engine;
        }

        /** The format's name for an engine dtype (every engine dtype has an exact one). */
        static Dtype of(DType d) {
            switch (d) {
                case FLOAT64: return F64;
                case FLOAT32: return F32;
                case INT64: return I64;
                case INT32: return I32;
                case BOOL: return BOOL;
                default: throw new IllegalArgumentException("no safetensors dtype for " + d);
            }
        }

        /** {@code true} when loading converts (the engine has no such dtype). */
        boolean converts() {
            return this == F16 || this == BF16 || this == I16 || this == I8 || this == U8;
        }
    }

    /** One tensor of the header: its dtype, shape and byte range in the data buffer. */
    record Entry(String name, Dtype dtype, long[] shape, long begin, long end) {
        long numel() {
            long n = 1;
            for (long s : shape) {
                n = Math.multiplyExact(n, s);
            }
            return n;
        }
    }

    final Map<String, String> metadata;
    final List<Entry> entries;

    SafetensorsHeader(Map<String, String> metadata, List<Entry> entries) {
        this.metadata = metadata;
        this.entries = entries;
    }

    // ---------------------------------------------------------------- reading

    /** Parses and checks the header text; {@code where} prefixes every message (the file). */
    static SafetensorsHeader parse(String json, String where) throws SafetensorsException {
        if (json.isEmpty() || json.charAt(0) != '{') {
            throw new SafetensorsException(where + ": the header must be a JSON object starting with '{', got "
                    + (json.isEmpty() ? "nothing" : "'" + abbreviate(json) + "'"));
        }
        Object root;
        try {
            root = Json.parse(json);
        } catch (Json.JsonException e) {
            throw new SafetensorsException(where + ": the header is not valid JSON (" + e.getMessage() + ")", e);
        }
        if (!(root instanceof Map)) {
            throw new SafetensorsException(where + ": the header must be a JSON object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Object> e : asMap(root).entrySet()) {
            if (e.getKey().equals(METADATA_KEY)) {
                metadata = metadata(e.getValue(), where);
            } else {
                entries.add(entry(e.getKey(), e.getValue(), where));
            }
        }
        return new SafetensorsHeader(metadata, entries);
    }

    private static Map<String, String> metadata(Object v, String where) throws SafetensorsException {
        if (!(v instanceof Map)) {
            throw new SafetensorsException(where + ": \"__metadata__\" must be an object of strings, got " + v);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : asMap(v).entrySet()) {
            if (!(e.getValue() instanceof String)) {
                throw new SafetensorsException(where + ": \"__metadata__\" value of \"" + e.getKey()
                        + "\" must be a string, got " + e.getValue());
            }
            out.put(e.getKey(), (String) e.getValue());
        }
        return out;
    }

    private static Entry entry(String name, Object v, String where) throws SafetensorsException {
        String at = where + ", entry '" + name + "'";
        if (!(v instanceof Map)) {
            throw new SafetensorsException(at + ": expected an object with dtype, shape, data_offsets, got " + v);
        }
        Map<String, Object> m = asMap(v);
        for (String k : m.keySet()) {
            if (!k.equals("dtype") && !k.equals("shape") && !k.equals("data_offsets")) {
                throw new SafetensorsException(at + ": unknown field \"" + k + "\"");
            }
        }
        Object dt = m.get("dtype");
        if (!(dt instanceof String)) {
            throw new SafetensorsException(at + ": \"dtype\" must be a string, got " + dt);
        }
        Dtype dtype;
        try {
            dtype = Dtype.valueOf((String) dt);
        } catch (IllegalArgumentException e) {
            throw new SafetensorsException(at + ": dtype \"" + dt + "\" is not supported (readable: "
                    + Arrays.toString(Dtype.values()) + ")");
        }
        long[] shape = longs(m.get("shape"), "shape", at);
        long[] offsets = longs(m.get("data_offsets"), "data_offsets", at);
        if (offsets.length != 2 || offsets[0] > offsets[1]) {
            throw new SafetensorsException(at + ": \"data_offsets\" must be [begin, end] with begin <= end, got "
                    + Arrays.toString(offsets));
        }
        Entry e = new Entry(name, dtype, shape, offsets[0], offsets[1]);
        long bytes;
        try {
            bytes = Math.multiplyExact(e.numel(), dtype.size);
        } catch (ArithmeticException x) {
            throw new SafetensorsException(at + ": shape " + Arrays.toString(shape) + " overflows 64 bits");
        }
        if (offsets[1] - offsets[0] != bytes) {
            throw new SafetensorsException(at + ": data_offsets " + Arrays.toString(offsets) + " span "
                    + (offsets[1] - offsets[0]) + " bytes, but " + dtype + Arrays.toString(shape) + " needs " + bytes);
        }
        return e;
    }

    private static long[] longs(Object v, String field, String at) throws SafetensorsException {
        if (!(v instanceof List)) {
            throw new SafetensorsException(at + ": \"" + field + "\" must be an array of integers, got " + v);
        }
        List<?> l = (List<?>) v;
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Long) || (Long) l.get(i) < 0) {
                throw new SafetensorsException(at + ": \"" + field + "\" must hold non-negative integers, got " + l);
            }
            out[i] = (Long) l.get(i);
        }
        return out;
    }

    /** Checks that the entries tile {@code [0, dataSize)} exactly. */
    void validateLayout(long dataSize, String where) throws SafetensorsException {
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        for (Entry e : byOffset) {
            if (e.end > dataSize) {
                throw new SafetensorsException(where + ", entry '" + e.name + "': data_offsets [" + e.begin + ", "
                        + e.end + "] run past the end of the data (" + dataSize + " bytes; file truncated?)");
            }
            if (e.begin != expected) {
                throw new SafetensorsException(where + ", entry '" + e.name + "': data starts at byte " + e.begin
                        + " but the previous tensor ends at " + expected
                        + (e.begin < expected ? " (overlapping tensors)" : " (a gap between tensors)"));
            }
            expected = e.end;
        }
        if (expected != dataSize) {
            throw new SafetensorsException(where + ": the tensors cover " + expected + " bytes of data but the file holds "
                    + dataSize + " after the header (trailing bytes)");
        }
    }

    // ---------------------------------------------------------------- writing

    /** The header bytes: JSON padded with spaces so that its length is a multiple of 8. */
    byte[] encode() {
        StringBuilder sb = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            sb.append(Json.quote(METADATA_KEY)).append(":{");
            int i = 0;
            for (Map.Entry<String, String> m : metadata.entrySet()) {
                sb.append(i++ == 0 ? "" : ",").append(Json.quote(m.getKey())).append(':').append(Json.quote(m.getValue()));
            }
            sb.append('}');
        }
        for (Entry e : entries) {
            sb.append(sb.length() == 1 ? "" : ",").append(Json.quote(e.name)).append(":{\"dtype\":\"").append(e.dtype)
                    .append("\",\"shape\":[");
            for (int i = 0; i < e.shape.length; i++) {
                sb.append(i == 0 ? "" : ",").append(e.shape[i]);
            }
            sb.append("],\"data_offsets\":[").append(e.begin).append(',').append(e.end).append("]}");
        }
        byte[] json = sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        return padded;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
