package dev.ember.tfcompat.checkpoint;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TfCheckpointWriter -> TfCheckpoint round trips, entry points and the writer's atomicity. */
class TfCheckpointTest {

    @TempDir
    Path dir;

    private static final Random RANDOM = new Random(42);

    static float[] floats(int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) RANDOM.nextGaussian();
        }
        return f;
    }

    private static ByteBuffer le(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void engineDtypesRoundTripExactlyIncludingScalarsAndEmptyTensors() {
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("dense/kernel", Tensor.fromArray(floats(12), 3, 4));
        in.put("dense/bias", Tensor.fromArray(new double[] {1.5, -2.25, Double.MIN_VALUE, Double.NaN}, 4));
        in.put("ints", Tensor.fromArray(new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}, 2, 2));
        in.put("global_step", Tensor.scalar(123456789012L));
        in.put("mask", Tensor.fromArray(new boolean[] {true, false, true}, 3));
        in.put("empty", Tensor.zeros(0, 5));
        in.put("scalar_f", Tensor.scalar(-0.0f));
        in.put("ünïcode/名前", Tensor.of(1f, 2f));
        Path prefix = dir.resolve("model.ckpt");
        TfCheckpointWriter.write(prefix, in);
        assertThat(Files.exists(dir.resolve("model.ckpt.index"))).isTrue();
        assertThat(Files.exists(dir.resolve("model.ckpt.data-00000-of-00001"))).isTrue();
        try (TfCheckpoint ckpt = TfCheckpoint.open(prefix)) {
            assertThat(ckpt.names()).isSorted().containsExactlyInAnyOrderElementsOf(in.keySet());
            assertThat(ckpt.header()).isEqualTo(new BundleHeader(1, false, 1, 0, List.of()));
            for (Map.Entry<String, Tensor> e : in.entrySet()) {
                Tensor t = ckpt.read(e.getKey());
                assertThat(t.dtype()).as(e.getKey()).isEqualTo(e.getValue().dtype());
                assertThat(t.shape()).as(e.getKey()).containsExactly(e.getValue().shape());
                assertThat(t.toBytes()).as(e.getKey()).isEqualTo(e.getValue().toBytes());
            }
            CheckpointEntry empty = ckpt.entry("empty");
            assertThat(empty.size()).isZero();
            assertThat(empty.maskedCrc32c()).isEqualTo(0xa282ead8);
            assertThat(ckpt.entry("global_step").shape()).isEmpty();
            assertThat(ckpt.entry("dense/bias").description()).isEqualTo("float64 [4]");
        }
    }

    @Test
    void tensorsAreStoredInInsertionOrderAndSeekedByOffset() {
        Path prefix = dir.resolve("ckpt");
        try (TfCheckpointWriter w = TfCheckpointWriter.create(prefix)) {
            w.add("z", Tensor.of(1f, 2f)).add("a", Tensor.of(3f)).commit();
        }
        try (TfCheckpoint ckpt = TfCheckpoint.open(prefix)) {
            assertThat(ckpt.entry("z").offset()).isZero();
            assertThat(ckpt.entry("a").offset()).isEqualTo(8);
            assertThat(ckpt.read("a").toFloatArray()).containsExactly(3f);
        }
    }

    @Test
    void narrowTfDtypesAreWidenedExactly() {
        Path prefix = dir.resolve("ckpt");
        ByteBuffer half = le(18);
        short[] halves = {0x3c00, (short) 0xc000, 0x0001, 0x7bff, 0x7c00, (short) 0x8000, 0x3555, 0x03ff};
        for (short h : halves) {
            half.putShort(h);
        }
        half.putShort((short) 0x7e00);
        ByteBuffer bf16 = le(8).putShort((short) 0x3f80).putShort((short) 0xc0a0).putShort((short) 0x0001)
                .putShort((short) 0x7f80);
        ByteBuffer i8 = le(4).put((byte) -128).put((byte) -1).put((byte) 0).put((byte) 127);
        ByteBuffer u8 = le(3).put((byte) 0).put((byte) 200).put((byte) 255);
        ByteBuffer i16 = le(6).putShort(Short.MIN_VALUE).putShort((short) -2).putShort(Short.MAX_VALUE);
        ByteBuffer u16 = le(4).putShort((short) 0xffff).putShort((short) 7);
        ByteBuffer u32 = le(8).putInt(0xffffffff).putInt(9);
        ByteBuffer u64 = le(16).putLong(Long.MAX_VALUE).putLong(3);
        ByteBuffer u64Big = le(8).putLong(-1);
        try (TfCheckpointWriter w = TfCheckpointWriter.create(prefix)) {
            w.addRaw("half", TfDataType.HALF, new long[] {9}, half.flip());
            w.addRaw("bf16", TfDataType.BFLOAT16, new long[] {2, 2}, bf16.flip());
            w.addRaw("i8", TfDataType.INT8, new long[] {4}, i8.flip());
            w.addRaw("u8", TfDataType.UINT8, new long[] {3}, u8.flip());
            w.addRaw("i16", TfDataType.INT16, new long[] {3}, i16.flip());
            w.addRaw("u16", TfDataType.UINT16, new long[] {2}, u16.flip());
            w.addRaw("u32", TfDataType.UINT32, new long[] {2}, u32.flip());
            w.addRaw("u64", TfDataType.UINT64, new long[] {2}, u64.flip());
            w.addRaw("u64big", TfDataType.UINT64, new long[] {}, u64Big.flip());
            w.commit();
        }
        try (TfCheckpoint ckpt = TfCheckpoint.open(prefix)) {
            Tensor h = ckpt.read("half");
            assertThat(h.dtype()).isEqualTo(DType.FLOAT32);
            float[] hv = h.toFloatArray();
            assertThat(hv).startsWith(1f, -2f, (float) Math.pow(2, -24), 65504f, Float.POSITIVE_INFINITY, -0.0f,
                    0.333251953125f, 1023 * (float) Math.pow(2, -24));
            assertThat(Float.floatToRawIntBits(hv[5])).isEqualTo(0x80000000);
            assertThat(hv[8]).isNaN();
            assertThat(ckpt.read("bf16").toFloatArray()).containsExactly(1f, -5f, Float.intBitsToFloat(0x00010000),
                    Float.POSITIVE_INFINITY);
            assertThat(ckpt.read("bf16").shape()).containsExactly(2, 2);
            assertThat(ckpt.read("i8").dtype()).isEqualTo(DType.INT32);
            assertThat(ckpt.read("i8").toLongArray()).containsExactly(-128, -1, 0, 127);
            assertThat(ckpt.read("u8").toLongArray()).containsExactly(0, 200, 255);
            assertThat(ckpt.read("i16").toLongArray()).containsExactly(Short.MIN_VALUE, -2, Short.MAX_VALUE);
            assertThat(ckpt.read("u16").dtype()).isEqualTo(DType.INT64);
            assertThat(ckpt.read("u16").toLongArray()).containsExactly(65535, 7);
            assertThat(ckpt.read("u32").toLongArray()).containsExactly(4294967295L, 9);
            assertThat(ckpt.read("u64").toLongArray()).containsExactly(Long.MAX_VALUE, 3);
            assertThatThrownBy(() -> ckpt.read("u64big")).isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("entry 'u64big': uint64 element 0 = 18446744073709551615 does not fit int64");
            assertThat(ckpt.entry("half").description()).isEqualTo("float16 [9], read as float32");
            assertThat(ckpt.entry("u16").description()).isEqualTo("uint16 [2], read as int64");
        }
    }

    @Test
    void halfToFloatIsExactForEveryBitPattern() {
        for (int h = 0; h < 0x10000; h++) {
            int exp = (h >>> 10) & 0x1f;
            int mant = h & 0x3ff;
            double sign = (h & 0x8000) != 0 ? -1 : 1;
            float expected = exp == 0 ? (float) (sign * mant * Math.pow(2, -24))
                    : exp == 31 ? (mant == 0 ? (float) (sign * Double.POSITIVE_INFINITY) : Float.NaN)
                    : (float) (sign * (1 + mant / 1024.0) * Math.pow(2, exp - 15));
            float actual = TensorCodec.halfToFloat(h);
            if (Float.isNaN(expected)) {
                assertThat(actual).isNaN();
            } else {
                assertThat(Float.floatToRawIntBits(actual)).as("half 0x%04x", h)
                        .isEqualTo(Float.floatToRawIntBits(expected));
            }
        }
    }

    @Test
    void stringTensorsRoundTrip() {
        Path prefix = dir.resolve("ckpt");
        List<byte[]> values = List.of("".getBytes(StandardCharsets.UTF_8), "hello".getBytes(StandardCharsets.UTF_8),
                new byte[] {0, (byte) 0xff, 10}, "x".repeat(300).getBytes(StandardCharsets.UTF_8));
        try (TfCheckpointWriter w = TfCheckpointWriter.create(prefix)) {
            w.addStrings("s", new long[] {2, 2}, values);
            w.addStrings("scalar", new long[] {}, List.of("graph".getBytes(StandardCharsets.UTF_8)));
            w.addStrings("none", new long[] {0}, List.of());
            w.commit();
        }
        try (TfCheckpoint ckpt = TfCheckpoint.open(prefix)) {
            List<byte[]> back = ckpt.readStrings("s");
            assertThat(back).hasSize(4);
            for (int i = 0; i < 4; i++) {
                assertThat(back.get(i)).containsExactly(values.get(i));
            }
            assertThat(new String(ckpt.readStrings("scalar").get(0), StandardCharsets.UTF_8)).isEqualTo("graph");
            assertThat(ckpt.readStrings("none")).isEmpty();
            assertThat(ckpt.entry("s").description()).isEqualTo("string [2, 2]");
            assertThatThrownBy(() -> ckpt.read("s")).isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("entry 's' cannot be read: string tensor: read it with readStrings");
        }
    }

    @Test
    void thousandsOfKeysSpanSeveralDataBlocks() {
        Path prefix = dir.resolve("big");
        int n = 6000;
        try (TfCheckpointWriter w = TfCheckpointWriter.create(prefix)) {
            for (int i = 0; i < n; i++) {
                w.add(String.format("model/layer_with_weights-%04d/block/conv/kernel/.ATTRIBUTES/VARIABLE_VALUE", i),
                        Tensor.fromArray(new float[] {i, -i}, 2));
            }
            w.commit();
        }
        try (TfCheckpoint ckpt = TfCheckpoint.open(prefix)) {
            assertThat(ckpt.entries()).hasSize(n);
            assertThat(ckpt.indexDataBlocks()).isGreaterThanOrEqualTo(2);
            for (int i = 0; i < n; i += 997) {
                String k = String.format("model/layer_with_weights-%04d/block/conv/kernel/.ATTRIBUTES/VARIABLE_VALUE", i);
                assertThat(ckpt.read(k).toFloatArray()).containsExactly(i, -i);
            }
        }
    }

    @Test
    void opensPrefixIndexFileStateDirectoryAndSavedModel() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("train"));
        TfCheckpointWriter.write(sub.resolve("ckpt-1"), Map.of("v", Tensor.of(1f)));
        TfCheckpointWriter.write(sub.resolve("ckpt-2"), Map.of("v", Tensor.of(2f)));
        Files.writeString(sub.resolve("checkpoint"), "model_checkpoint_path: \"ckpt-2\"\n"
                + "all_model_checkpoint_paths: \"ckpt-1\"\nall_model_checkpoint_paths: \"ckpt-2\"\n");
        try (TfCheckpoint c = TfCheckpoint.open(sub)) {
            assertThat(c.prefix()).isEqualTo(sub.resolve("ckpt-2").toAbsolutePath());
            assertThat(c.read("v").item()).isEqualTo(2.0);
        }
        try (TfCheckpoint c = TfCheckpoint.open(sub.resolve("ckpt-1.index"))) {
            assertThat(c.read("v").item()).isEqualTo(1.0);
        }
        try (TfCheckpoint c = TfCheckpoint.open(sub.resolve("ckpt-1.data-00000-of-00001"))) {
            assertThat(c.read("v").item()).isEqualTo(1.0);
        }
        Path sm = Files.createDirectories(dir.resolve("saved/variables"));
        Files.write(dir.resolve("saved/saved_model.pb"), new byte[0]);
        TfCheckpointWriter.write(sm.resolve("variables"), Map.of("w", Tensor.of(5f)));
        try (TfCheckpoint c = TfCheckpoint.open(dir.resolve("saved"))) {
            assertThat(c.prefix().toString()).endsWith("saved/variables/variables");
        }
    }

    @Test
    void stateFileEscapesAndAbsolutePaths() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("dé jà"));
        TfCheckpointWriter.write(sub.resolve("ckpt-\"q\"é"), Map.of("v", Tensor.of(7f)));
        // protobuf text format escapes quotes and writes non-ASCII UTF-8 bytes as octal
        Files.writeString(sub.resolve("checkpoint"), "model_checkpoint_path: \""
                + textFormatEscape(sub.toAbsolutePath() + "/ckpt-\"q\"é") + "\"\n", StandardCharsets.US_ASCII);
        try (TfCheckpoint c = TfCheckpoint.open(sub)) {
            assertThat(c.read("v").item()).isEqualTo(7.0);
        }
    }

    /** What protobuf's text format (CEscape) does to a string: quotes and backslashes escaped, non-ASCII as octal. */
    private static String textFormatEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\%03o", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Test
    void entryPointErrorsSayWhatWasFound() throws IOException {
        assertThatThrownBy(() -> TfCheckpoint.open(dir.resolve("nope")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("no checkpoint at prefix " + dir.resolve("nope"))
                .hasMessageContaining("nope.index does not exist");
        assertThatThrownBy(() -> TfCheckpoint.open(dir))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("is a directory without a 'checkpoint' state file or a SavedModel");
        Files.writeString(dir.resolve("checkpoint"), "model_checkpoint_path: \"gone-7\"\n");
        assertThatThrownBy(() -> TfCheckpoint.open(dir))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("names checkpoint 'gone-7', but ")
                .hasMessageContaining("gone-7.index does not exist");
        Files.writeString(dir.resolve("checkpoint"), "all_model_checkpoint_paths: \"x\"\n");
        assertThatThrownBy(() -> TfCheckpoint.open(dir))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("has no model_checkpoint_path");
        Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> TfCheckpoint.open(dir.resolve("notes.txt")))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("is not a checkpoint");
    }

    @Test
    void v1CheckpointsAreDetected() throws IOException {
        // A V1 checkpoint is one SSTable file (SavedTensorSlices) without a .index next to it.
        byte[] table = TableWriter.build(TableTest.keys(3), 4096);
        Files.write(dir.resolve("model.ckpt"), table);
        assertThatThrownBy(() -> TfCheckpoint.open(dir.resolve("model.ckpt")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("a V1 checkpoint (SavedTensorSlices), which is not supported");
    }

    @Test
    void unknownEntryNamesTheIndexFile() {
        TfCheckpointWriter.write(dir.resolve("c"), Map.of("v", Tensor.of(1f)));
        try (TfCheckpoint c = TfCheckpoint.open(dir.resolve("c"))) {
            assertThat(c.has("v")).isTrue();
            assertThat(c.has("w")).isFalse();
            assertThatThrownBy(() -> c.read("w")).isInstanceOf(CheckpointException.class)
                    .hasMessage("no entry 'w' in " + dir.resolve("c.index").toAbsolutePath() + " (1 entries)")
                    .satisfies(x -> assertThat(((CheckpointException) x).entry()).isEqualTo("w"));
        }
    }

    @Test
    void writerLeavesNothingWithoutCommitOrOnError() throws IOException {
        Path prefix = dir.resolve("m");
        try (TfCheckpointWriter w = TfCheckpointWriter.create(prefix)) {
            w.add("a", Tensor.of(1f));
            assertThat(files()).hasSize(1);  // the temporary data file
        }
        assertThat(files()).isEmpty();
        Map<String, Tensor> bad = new LinkedHashMap<>();
        bad.put("a", Tensor.of(1f));
        bad.put("", Tensor.of(2f));
        assertThatThrownBy(() -> TfCheckpointWriter.write(prefix, bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be non-empty");
        assertThat(files()).isEmpty();
        try (TfCheckpointWriter w = TfCheckpointWriter.create(prefix)) {
            w.add("a", Tensor.of(1f));
            assertThatThrownBy(() -> w.add("a", Tensor.of(1f))).hasMessage("duplicate checkpoint entry 'a'");
            assertThatThrownBy(() -> w.addRaw("h", TfDataType.HALF, new long[] {3}, ByteBuffer.allocate(4)))
                    .hasMessage("addRaw 'h': float16 [3] needs 6 bytes, got 4");
            assertThatThrownBy(() -> w.addRaw("s", TfDataType.STRING, new long[] {}, ByteBuffer.allocate(0)))
                    .hasMessageContaining("use addStrings");
        }
        assertThat(files()).isEmpty();
        assertThatThrownBy(() -> TfCheckpointWriter.create(dir.resolve("missing/dir/ckpt")))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("does not exist");
    }

    @Test
    void committedWriterReplacesAnOlderCheckpointAndRejectsFurtherUse() throws IOException {
        Path prefix = dir.resolve("m");
        TfCheckpointWriter.write(prefix, Map.of("old", Tensor.of(1f)));
        TfCheckpointWriter w = TfCheckpointWriter.create(prefix);
        w.add("new", Tensor.of(2f));
        w.commit();
        w.close();
        assertThatThrownBy(() -> w.add("x", Tensor.of(1f))).isInstanceOf(IllegalStateException.class);
        assertThat(files()).containsExactly("m.data-00000-of-00001", "m.index");
        try (TfCheckpoint c = TfCheckpoint.open(prefix)) {
            assertThat(c.names()).containsExactly("new");
        }
    }

    @Test
    void failedCommitRemovesEverythingItWrote() throws IOException {
        Files.createDirectories(dir.resolve("m.index").resolve("blocker"));  // the index cannot be moved there
        TfCheckpointWriter w = TfCheckpointWriter.create(dir.resolve("m"));
        w.add("a", Tensor.of(1f));
        assertThatThrownBy(w::commit).isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith("cannot write checkpoint " + dir.resolve("m").toAbsolutePath());
        w.close();
        assertThat(files()).containsExactly("m.index");  // only the pre-existing directory
    }

    @Test
    void readBytesGivesStoredBytesOfAnyFixedSizeDtype() {
        Path prefix = dir.resolve("c");
        byte[] complex = new byte[16];
        for (int i = 0; i < complex.length; i++) {
            complex[i] = (byte) i;
        }
        try (TfCheckpointWriter w = TfCheckpointWriter.create(prefix)) {
            w.addRaw("z", TfDataType.COMPLEX64, new long[] {2}, ByteBuffer.wrap(complex));
            w.add("f", Tensor.of(1f, 2f));
            w.addStrings("s", new long[] {}, List.of(new byte[] {1}));
            w.commit();
        }
        try (TfCheckpoint c = TfCheckpoint.open(prefix)) {
            ByteBuffer z = c.readBytes("z");
            byte[] back = new byte[z.remaining()];
            z.get(back);
            assertThat(back).containsExactly(complex);
            assertThat(c.readBytes("f").getFloat(4)).isEqualTo(2f);
            assertThatThrownBy(() -> c.read("z")).hasMessageContaining("dtype complex64 is not supported");
            assertThatThrownBy(() -> c.readBytes("s")).hasMessageContaining("has no fixed-size element bytes");
            assertThat(c.entry("z").description()).isEqualTo("complex64 [2], not readable");
        }
    }

    @Test
    void entriesAreData() {
        TfCheckpointWriter.write(dir.resolve("c"), Map.of("k", Tensor.zeros(3, 2)));
        try (TfCheckpoint c = TfCheckpoint.open(dir.resolve("c"))) {
            CheckpointEntry e = c.entries().get(0);
            assertThat(e.name()).isEqualTo("k");
            assertThat(e.dtype()).isEqualTo(TfDataType.FLOAT);
            assertThat(e.shape()).containsExactly(3, 2);
            assertThat(e.shardId()).isZero();
            assertThat(e.size()).isEqualTo(24);
            assertThat(e.toString()).isEqualTo("k: float32 [3, 2] (shard 0, offset 0, 24 bytes)");
            List<CheckpointEntry> copy = new ArrayList<>(c.entries());
            assertThat(copy).isEqualTo(c.entries());
        }
    }
}
