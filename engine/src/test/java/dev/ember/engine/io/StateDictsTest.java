package dev.ember.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safetensors format rules, round trips, atomic saves and every corruption as a clear error. */
class StateDictsTest {
    @TempDir
    Path dir;

    private static Map<String, Tensor> sample() {
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("b", Tensor.fromArray(new float[] {1, 2, 3}, 3));
        sd.put("a", Tensor.fromArray(new double[] {-1, 0.5}, 2, 1));
        sd.put("n", Tensor.fromArray(new long[] {7}, 1));
        sd.put("m", Tensor.fromArray(new boolean[] {true, false}, 2));
        return sd;
    }

    @Test
    void roundTripKeepsOrderDtypesShapesAndValues() throws IOException {
        Path f = dir.resolve("m.safetensors");
        StateDicts.saveWithMetadata(sample(), Map.of("epoch", "3"), f);
        LinkedHashMap<String, Tensor> back = StateDicts.load(f);
        assertThat(back.keySet()).containsExactly("b", "a", "n", "m");
        for (Map.Entry<String, Tensor> e : sample().entrySet()) {
            assertThat(back.get(e.getKey()).equal(e.getValue())).as(e.getKey()).isTrue();
            assertThat(back.get(e.getKey()).dtype()).isEqualTo(e.getValue().dtype());
        }
        assertThat(StateDicts.loadMetadata(f)).containsExactly(Map.entry("epoch", "3"));
    }

    @Test
    void fileLayoutFollowsTheSpec() throws IOException {
        Path f = dir.resolve("m.safetensors");
        StateDicts.save(sample(), f);
        byte[] b = Files.readAllBytes(f);
        long n = ByteBuffer.wrap(b, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(n % 8).isZero();
        String header = new String(b, 8, (int) n, StandardCharsets.UTF_8);
        assertThat(header).startsWith("{\"b\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]},"
                + "\"a\":{\"dtype\":\"F64\",\"shape\":[2,1],\"data_offsets\":[12,28]},"
                + "\"n\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[28,36]},"
                + "\"m\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[36,38]}}");
        assertThat(header.substring(header.lastIndexOf('}') + 1)).matches(" *");
        assertThat(b.length).isEqualTo(8 + n + 38);
        assertThat(ByteBuffer.wrap(b, (int) (8 + n), 4).order(ByteOrder.LITTLE_ENDIAN).getFloat()).isEqualTo(1f);
    }

    @Test
    void saveReplacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("m.safetensors");
        Files.writeString(f, "old");
        StateDicts.save(sample(), f);
        assertThat(StateDicts.load(f)).hasSize(4);
        assertThat(listDir()).containsExactly("m.safetensors");
    }

    @Test
    void failedSaveLeavesNoFileAndNoTemporaryFile() throws IOException {
        // The target is a non-empty directory: the data is written, the final rename fails.
        Path target = dir.resolve("taken.safetensors");
        Files.createDirectory(target);
        Files.writeString(target.resolve("x"), "x");
        assertThatThrownBy(() -> StateDicts.save(sample(), target)).isInstanceOf(IOException.class);
        assertThat(listDir()).containsExactly("taken.safetensors");
        assertThat(Files.isDirectory(target)).isTrue();

        // A bad argument is refused before anything is written.
        Map<String, Tensor> bad = new LinkedHashMap<>(sample());
        bad.put("__metadata__", Tensor.zeros(1));
        Path f = dir.resolve("bad.safetensors");
        assertThatThrownBy(() -> StateDicts.save(bad, f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'__metadata__' is reserved");
        Map<String, Tensor> nullTensor = new HashMap<>();
        nullTensor.put("w", null);
        assertThatThrownBy(() -> StateDicts.save(nullTensor, f)).hasMessageContaining("tensor 'w' is null");
        assertThatThrownBy(() -> StateDicts.save(sample(), dir.resolve("missing/x.safetensors")))
                .isInstanceOf(IOException.class).hasMessageContaining("does not exist");
        assertThat(listDir()).containsExactly("taken.safetensors");
    }

    @Test
    void truncatedFile() throws IOException {
        byte[] good = goodFile();
        Path f = write("trunc.safetensors", Arrays.copyOf(good, good.length - 3));
        assertThatThrownBy(() -> StateDicts.load(f)).isInstanceOf(SafetensorsException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("entry 'n': data_offsets [28, 36]")
                .hasMessageContaining("past the end of the data");
        Path tiny = write("tiny.safetensors", new byte[] {1, 2, 3});
        assertThatThrownBy(() -> StateDicts.load(tiny)).hasMessageContaining("truncated, 3 bytes");
    }

    @Test
    void badHeaderLength() throws IOException {
        byte[] b = goodFile();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, b.length);
        Path f = write("len.safetensors", b);
        assertThatThrownBy(() -> StateDicts.load(f)).isInstanceOf(SafetensorsException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("header length " + b.length)
                .hasMessageContaining("beyond the file's");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -5);
        Path g = write("neg.safetensors", b);
        assertThatThrownBy(() -> StateDicts.load(g)).hasMessageContaining("over the 100 MB limit");
    }

    @Test
    void offsetsOutOfRangeOverlappingOrWithGaps() throws IOException {
        assertHeaderError("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"v\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}", 12, "entry 'v'", "past the end");
        assertHeaderError("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"v\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12, "entry 'v'", "overlapping");
        assertHeaderError("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12, "entry 'w'",
                "a gap");
        assertHeaderError("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 12,
                "trailing bytes");
        assertHeaderError("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8, "entry 'w'",
                "span 8 bytes, but F32[3] needs 12");
        assertHeaderError("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}", 8, "entry 'w'",
                "begin <= end");
        assertHeaderError("{\"w\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", 8, "entry 'w'",
                "non-negative integers");
        assertHeaderError("{\"w\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,8]}}", 8,
                "entry 'w'", "overflows");
    }

    @Test
    void badJsonAndDuplicateKeys() throws IOException {
        assertHeaderError("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}", 8, "not valid JSON",
                "end of text");
        assertHeaderError("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}", 16, "duplicate key \"w\"");
        assertHeaderError("[1,2]", 0, "must be a JSON object");
        assertHeaderError("{\"w\":3}", 0, "entry 'w'", "expected an object");
        assertHeaderError("{\"__metadata__\":{\"a\":1}}", 0, "\"__metadata__\" value of \"a\" must be a string");
        assertHeaderError("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8],\"x\":1}}", 8,
                "unknown field \"x\"");
        Path f = write("utf.safetensors", withHeader(new byte[] {'{', (byte) 0xff, '}', ' ', ' ', ' ', ' ', ' '}, 0));
        assertThatThrownBy(() -> StateDicts.load(f)).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void wrongDtype() throws IOException {
        assertHeaderError("{\"w\":{\"dtype\":\"U64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 8, "entry 'w'",
                "dtype \"U64\" is not supported");
        assertHeaderError("{\"w\":{\"dtype\":7,\"shape\":[1],\"data_offsets\":[0,8]}}", 8, "entry 'w'",
                "\"dtype\" must be a string");
    }

    @Test
    void narrowDtypesLoadWidened() throws IOException {
        // F16: 1.0, -2.5, smallest subnormal, -inf; BF16: 1.5, -0.0; U8 200; I8 -3; I16 -300
        ByteBuffer d = ByteBuffer.allocate(8 + 4 + 1 + 1 + 2).order(ByteOrder.LITTLE_ENDIAN);
        d.putShort((short) 0x3c00).putShort((short) 0xc100).putShort((short) 0x0001).putShort((short) 0xfc00);
        d.putShort((short) 0x3fc0).putShort((short) 0x8000).put((byte) 200).put((byte) -3).putShort((short) -300);
        String h = "{\"h\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[8,12]},"
                + "\"u\":{\"dtype\":\"U8\",\"shape\":[],\"data_offsets\":[12,13]},"
                + "\"i\":{\"dtype\":\"I8\",\"shape\":[1],\"data_offsets\":[13,14]},"
                + "\"s\":{\"dtype\":\"I16\",\"shape\":[1,1],\"data_offsets\":[14,16]}}";
        Path f = write("narrow.safetensors", withData(h, d.array()));
        Map<String, Tensor> sd = StateDicts.load(f);
        assertThat(sd.get("h").dtype()).isEqualTo(DType.FLOAT32);
        assertThat(sd.get("h").toFloatArray()).containsExactly(1f, -2.5f, 0x1.0p-24f, Float.NEGATIVE_INFINITY);
        assertThat(sd.get("b").toFloatArray()).containsExactly(1.5f, -0f);
        assertThat(sd.get("u").dtype()).isEqualTo(DType.INT32);
        assertThat(sd.get("u").shape()).isEmpty();
        assertThat(sd.get("u").item()).isEqualTo(200);
        assertThat(sd.get("i").item()).isEqualTo(-3);
        assertThat(sd.get("s").item()).isEqualTo(-300);
    }

    @Test
    void halfConversionMatchesEveryBitPattern() {
        // Every finite half is exactly representable in float; check against the defining formula.
        for (int bits = 0; bits < 0x10000; bits++) {
            int e = (bits >>> 10) & 0x1f;
            int m = bits & 0x3ff;
            double sign = (bits & 0x8000) != 0 ? -1 : 1;
            float got = Half.toFloat((short) bits);
            if (e == 0x1f) {
                assertThat(m == 0 ? Float.isInfinite(got) : Float.isNaN(got)).as("bits %04x", bits).isTrue();
                continue;
            }
            double want = sign * (e == 0 ? m * Math.pow(2, -24) : (1 + m / 1024.0) * Math.pow(2, e - 15));
            assertThat(Float.floatToRawIntBits(got)).as("bits %04x", bits)
                    .isEqualTo(Float.floatToRawIntBits((float) want));
        }
    }

    @Test
    void largeTensorsRoundTripThroughTheMappedPath() throws IOException {
        Tensor big = Tensor.randn(2, 400_000); // 3.2 MB, memory-mapped on load
        Path f = dir.resolve("big.safetensors");
        StateDicts.save(Map.of("big", big), f);
        assertThat(StateDicts.load(f).get("big").equal(big)).isTrue();
    }

    private void assertHeaderError(String json, int dataBytes, String... parts) throws IOException {
        Path f = write("h" + json.hashCode() + ".safetensors", withData(json, new byte[dataBytes]));
        var a = assertThatThrownBy(() -> StateDicts.load(f)).isInstanceOf(SafetensorsException.class)
                .hasMessageContaining("safetensors file " + f);
        for (String p : parts) {
            a.hasMessageContaining(p);
        }
    }

    private byte[] goodFile() throws IOException {
        Path f = dir.resolve("good.safetensors");
        StateDicts.save(sample(), f);
        byte[] b = Files.readAllBytes(f);
        Files.delete(f);
        return b;
    }

    private static byte[] withData(String json, byte[] data) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(h, (h.length + 7) / 8 * 8);
        Arrays.fill(padded, h.length, padded.length, (byte) ' ');
        byte[] out = withHeader(padded, data.length);
        System.arraycopy(data, 0, out, 8 + padded.length, data.length);
        return out;
    }

    private static byte[] withHeader(byte[] header, int dataBytes) {
        byte[] out = new byte[8 + header.length + dataBytes];
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putLong(0, header.length);
        System.arraycopy(header, 0, out, 8, header.length);
        return out;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private List<String> listDir() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
