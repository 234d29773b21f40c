package dev.ember.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import dev.ember.engine.testing.Python;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.HistogramProto;
import org.tensorflow.proto.Summary;

/**
 * Event files read back with an independent decoder: TF's generated protos
 * ({@code org.tensorflow.proto}, parsed by protobuf-java) and a bit-by-bit CRC32C written here.
 * Histograms are compared with PyTorch's own {@code make_histogram} run on numpy.
 */
class SummaryWriterTest {
    @TempDir
    Path dir;

    @Test
    void naiveCrc32cMatchesTheStandardCheckValue() {
        assertThat(crc32c("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xE3069283);
    }

    @Test
    void writesFramedEventsThatTfProtosParse() throws IOException {
        double before = System.currentTimeMillis() / 1000.0;
        Path log = dir.resolve("runs/exp1");
        Path file;
        try (SummaryWriter w = new SummaryWriter(log)) {
            file = w.file();
            w.addScalar("loss/train", 0.25, 0);
            w.addScalar("loss/train", 1e-3, 7);
            w.addScalar("lr", 3.0, -2);
            w.addText("notes", "héllo **world**", 3);
            w.addHistogram("w", new double[] {1, 2, 2, 3}, 5);
            w.flush();
        }
        double after = System.currentTimeMillis() / 1000.0 + 1e-3;
        assertThat(file.getParent()).isEqualTo(log);
        String pid = Long.toString(ProcessHandle.current().pid());
        assertThat(file.getFileName().toString())
                .matches("events\\.out\\.tfevents\\.\\d{10}\\." + java.util.regex.Pattern.quote(EventFileWriter.hostname())
                        + "\\." + pid + "\\.\\d+");
        long secs = Long.parseLong(file.getFileName().toString().split("\\.")[3]);
        assertThat((double) secs).isBetween(Math.floor(before), after);

        List<Event> events = readEvents(file);
        assertThat(events).hasSize(6);
        assertThat(events.get(0).getFileVersion()).isEqualTo("brain.Event:2");
        assertThat(events.get(0).getWhatCase()).isEqualTo(Event.WhatCase.FILE_VERSION);
        for (Event e : events) {
            assertThat(e.getWallTime()).isBetween(before - 1e-3, after);
        }
        assertScalar(events.get(1), "loss/train", 0.25f, 0);
        assertScalar(events.get(2), "loss/train", 1e-3f, 7);
        assertScalar(events.get(3), "lr", 3f, -2);

        Summary.Value text = single(events.get(4), 3);
        assertThat(text.getTag()).isEqualTo("notes/text_summary");
        assertThat(text.getMetadata().getPluginData().getPluginName()).isEqualTo("text");
        assertThat(text.getMetadata().getPluginData().getContent().isEmpty()).isTrue();
        assertThat(text.getValueCase()).isEqualTo(Summary.Value.ValueCase.TENSOR);
        assertThat(text.getTensor().getDtype()).isEqualTo(DataType.DT_STRING);
        assertThat(text.getTensor().getTensorShape().getDimList()).hasSize(1);
        assertThat(text.getTensor().getTensorShape().getDim(0).getSize()).isEqualTo(1);
        assertThat(text.getTensor().getStringValList()).hasSize(1);
        assertThat(text.getTensor().getStringVal(0).toStringUtf8()).isEqualTo("héllo **world**");

        Summary.Value hist = single(events.get(5), 5);
        assertThat(hist.getTag()).isEqualTo("w");
        HistogramProto h = hist.getHisto();
        assertThat(h.getMin()).isEqualTo(1);
        assertThat(h.getMax()).isEqualTo(3);
        assertThat(h.getNum()).isEqualTo(4);
        assertThat(h.getSum()).isEqualTo(8);
        assertThat(h.getSumSquares()).isEqualTo(18);
        assertThat(h.getBucketList().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(4);
        assertThat(h.getBucketList().get(0)).isZero();
        assertThat(h.getBucketLimitList().get(0)).isLessThanOrEqualTo(1.0);
        assertThat(h.getBucketLimitList().get(h.getBucketLimitCount() - 1)).isGreaterThan(3.0);
    }

    @Test
    void addScalarsWritesOneRunPerKeyTaggedWithTheMainTag() throws IOException {
        Path log = dir.resolve("run");
        try (SummaryWriter w = new SummaryWriter(log)) {
            Map<String, Double> v = new LinkedHashMap<>();
            v.put("train", 0.5);
            v.put("val", 0.75);
            w.addScalars("loss/all", v, 1);
            w.addScalars("loss/all", Map.of("train", 0.25), 2);
        }
        assertThat(listDir(log)).hasSize(3);
        List<Event> train = readEvents(onlyFile(log.resolve("loss_all_train")));
        assertThat(train).hasSize(3);
        assertThat(train.get(0).getFileVersion()).isEqualTo("brain.Event:2");
        assertScalar(train.get(1), "loss/all", 0.5f, 1);
        assertScalar(train.get(2), "loss/all", 0.25f, 2);
        List<Event> val = readEvents(onlyFile(log.resolve("loss_all_val")));
        assertThat(val).hasSize(2);
        assertScalar(val.get(1), "loss/all", 0.75f, 1);
        assertThat(readEvents(onlyFile(log))).hasSize(1); // the main run: only the file_version event
    }

    @Test
    void histogramMatchesPyTorchsMakeHistogram() throws Exception {
        String unavailable = Python.unavailable("torch, numpy");
        Assumptions.assumeTrue(unavailable == null, () -> "PyTorch/numpy not available: " + unavailable);
        Generator g = new Generator(11);
        List<double[]> cases = new ArrayList<>();
        double[] normal = new double[2000];
        g.fillNormal(normal, 0.3, 2.0);
        cases.add(normal);
        // Exact edges, zeros of both signs, tiny and huge magnitudes, values beyond +-1e20.
        cases.add(new double[] {0.0, -0.0, 1e-12, -1e-12, 1.1e-12, 1e-13, -5, 5, 1e19, -3e19, 2e20, 1.5});
        cases.add(new double[] {42.0});
        cases.add(new double[] {0.0});
        Tensor t = Tensor.randn(g, 7, 9);
        cases.add(t.toDoubleArray());

        Path log = dir.resolve("hist");
        try (SummaryWriter w = new SummaryWriter(log)) {
            for (int i = 0; i < cases.size() - 1; i++) {
                w.addHistogram("h" + i, cases.get(i), i);
            }
            w.addHistogram("h" + (cases.size() - 1), t, cases.size() - 1);
        }
        List<Event> events = readEvents(onlyFile(log));
        String[] files = new String[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            Path values = dir.resolve("values" + i + ".txt");
            Files.write(values, Arrays.stream(cases.get(i)).mapToObj(Double::toHexString).collect(Collectors.toList()));
            files[i] = values.toString();
        }
        String[] torch = Python.run(getClass(), "histogram_torch.py", files).split("\\R");
        assertThat(torch).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            Summary.Value v = single(events.get(i + 1), i);
            assertThat(v.getTag()).isEqualTo("h" + i);
            @SuppressWarnings("unchecked")
            Map<String, Object> want = (Map<String, Object>) Json.parse(torch[i]);
            HistogramProto h = v.getHisto();
            String c = "case " + i;
            assertThat(h.getMin()).as(c).isEqualTo(num(want.get("min")));
            assertThat(h.getMax()).as(c).isEqualTo(num(want.get("max")));
            assertThat(h.getNum()).as(c).isEqualTo(num(want.get("num")));
            // numpy sums pairwise (and dot uses BLAS), Java sequentially: equal up to rounding.
            assertThat(h.getSum()).as(c).isCloseTo(num(want.get("sum")), within(1e-12 * scale(cases.get(i))));
            assertThat(h.getSumSquares()).as(c).isCloseTo(num(want.get("sum_squares")),
                    within(1e-12 * scale(cases.get(i)) * scale(cases.get(i))));
            assertThat(h.getBucketLimitList()).as(c + " bucket_limit").containsExactlyElementsOf(doubles(want.get("bucket_limit")));
            assertThat(h.getBucketList()).as(c + " bucket").containsExactlyElementsOf(doubles(want.get("bucket")));
        }
    }

    @Test
    void badInputIsAClearError() {
        try (SummaryWriter w = new SummaryWriter(dir.resolve("bad"))) {
            assertThatThrownBy(() -> w.addScalar("", 1, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("addScalar: tag must be a non-empty string, got \"\"");
            assertThatThrownBy(() -> w.addHistogram("w", new double[] {1, Double.NaN}, 0))
                    .hasMessageContaining("addHistogram: tag 'w' has a non-finite value NaN");
            assertThatThrownBy(() -> w.addHistogram("w", new double[0], 0))
                    .hasMessageContaining("addHistogram: tag 'w' got no values");
            assertThatThrownBy(() -> w.addHistogram("w", new double[] {3e20}, 0))
                    .hasMessageContaining("beyond +-1e20");
            assertThatThrownBy(() -> w.addText("t", null, 0)).hasMessageContaining("addText: text for 't' is null");
            w.close();
            assertThatThrownBy(() -> w.addScalar("x", 1, 0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is closed");
        }
    }

    @Test
    void defaultLogDirFollowsPyTorch() {
        // PyTorch: os.path.join("runs", datetime.now().strftime("%b%d_%H-%M-%S") + "_" + socket.gethostname())
        Path d = SummaryWriter.defaultLogDir(java.time.LocalDateTime.of(2024, 3, 5, 14, 7, 9));
        assertThat(d).isEqualTo(Path.of("runs", "Mar05_14-07-09_" + EventFileWriter.hostname()));
    }

    // ---------------------------------------------------------------- the independent decoder

    /** Reads every TFRecord, checking both masked CRC32Cs, and parses each as a TF {@code Event}. */
    static List<Event> readEvents(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<Event> out = new ArrayList<>();
        while (b.hasRemaining()) {
            assertThat(b.remaining()).as("record header in " + file).isGreaterThanOrEqualTo(12);
            byte[] len = new byte[8];
            b.get(len);
            int lenCrc = b.getInt();
            assertThat(lenCrc).as("length CRC of record %d", out.size()).isEqualTo(masked(crc32c(len)));
            long n = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertThat(n).isLessThanOrEqualTo(b.remaining() - 4L);
            byte[] data = new byte[(int) n];
            b.get(data);
            assertThat(b.getInt()).as("data CRC of record %d", out.size()).isEqualTo(masked(crc32c(data)));
            out.add(Event.parseFrom(data));
        }
        return out;
    }

    /** CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), one bit at a time. */
    static int crc32c(byte[] data) {
        int crc = 0xFFFFFFFF;
        for (byte x : data) {
            crc ^= x & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x82F63B78 : crc >>> 1;
            }
        }
        return ~crc;
    }

    static int masked(int crc) {
        return ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
    }

    private static void assertScalar(Event e, String tag, float value, long step) {
        Summary.Value v = single(e, step);
        assertThat(v.getTag()).isEqualTo(tag);
        assertThat(v.getValueCase()).isEqualTo(Summary.Value.ValueCase.SIMPLE_VALUE);
        assertThat(v.getSimpleValue()).isEqualTo(value);
    }

    private static Summary.Value single(Event e, long step) {
        assertThat(e.getWhatCase()).isEqualTo(Event.WhatCase.SUMMARY);
        assertThat(e.getStep()).isEqualTo(step);
        assertThat(e.getSummary().getValueList()).hasSize(1);
        return e.getSummary().getValue(0);
    }

    private static double scale(double[] v) {
        return Math.max(1, Arrays.stream(v).map(Math::abs).max().orElse(1) * v.length);
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static List<Double> doubles(Object o) {
        return ((List<?>) o).stream().map(x -> ((Number) x).doubleValue()).collect(Collectors.toList());
    }

    private static Path onlyFile(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            List<Path> files = s.filter(Files::isRegularFile).collect(Collectors.toList());
            assertThat(files).as("event files in " + d).hasSize(1);
            return files.get(0);
        }
    }

    private static List<String> listDir(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
