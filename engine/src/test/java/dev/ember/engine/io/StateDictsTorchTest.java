package dev.ember.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.testing.Python;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * safetensors interop with real PyTorch 1.13 (Debian's python3-torch). The safetensors Python
 * package is not installed there, so {@code safetensors_torch.py} parses and writes the format
 * with json + {@code torch.frombuffer}, asserting the layout rules as it reads.
 */
class StateDictsTorchTest {
    private static String unavailable;

    @TempDir
    Path dir;

    @BeforeAll
    static void probe() {
        unavailable = Python.unavailable("torch");
    }

    @Test
    void torchReadsWhatTheEngineWrites() throws Exception {
        Assumptions.assumeTrue(unavailable == null, () -> "PyTorch not available: " + unavailable);
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("conv.weight", Tensor.fromArray(new float[] {-0f, 1e-45f, Float.MAX_VALUE, -1.5f, 0.1f, 3f}, 2, 3));
        sd.put("conv.bias", Tensor.fromArray(new double[] {Math.PI, -1e-300, 1e300}, 3));
        sd.put("steps", Tensor.fromArray(new long[] {Long.MIN_VALUE, -1, Long.MAX_VALUE}, 3));
        sd.put("ids", Tensor.fromArray(new int[] {Integer.MIN_VALUE, 0, 42, Integer.MAX_VALUE}, 2, 2));
        sd.put("mask", Tensor.fromArray(new boolean[] {true, false, false}, 3));
        sd.put("scalar", Tensor.scalar(2.25f));
        sd.put("empty", Tensor.zeros(0, 4));
        sd.put("transposed", Tensor.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).permute(1, 0));
        sd.put("wide", Tensor.randn(300, 1000)); // > 1 MiB
        Path file = dir.resolve("engine.safetensors");
        StateDicts.saveWithMetadata(sd, Map.of("format", "pt", "note", "from \"Ember\""), file);

        Map<String, Object> torch = asMap(Json.parse(Python.run(getClass(), "safetensors_torch.py", "read",
                file.toString())));
        assertThat(asMap(torch.get("metadata"))).isEqualTo(Map.of("format", "pt", "note", "from \"Ember\""));
        Map<String, Object> tensors = asMap(torch.get("tensors"));
        assertThat(tensors.keySet()).containsExactlyElementsOf(sd.keySet());
        for (Map.Entry<String, Tensor> e : sd.entrySet()) {
            Map<String, Object> t = asMap(tensors.get(e.getKey()));
            Tensor mine = e.getValue();
            assertThat(t.get("dtype")).as(e.getKey()).isEqualTo("torch." + mine.dtype().torchName());
            assertThat(longs(t.get("shape"))).as(e.getKey()).containsExactly(mine.shape());
            assertValues(e.getKey(), mine, (List<?>) t.get("values"));
        }
    }

    @Test
    void engineReadsWhatTorchWrites() throws Exception {
        Assumptions.assumeTrue(unavailable == null, () -> "PyTorch not available: " + unavailable);
        Path file = dir.resolve("torch.safetensors");
        Map<String, Object> torch = asMap(Json.parse(Python.run(getClass(), "safetensors_torch.py", "write",
                file.toString())));
        LinkedHashMap<String, Tensor> sd = StateDicts.load(file);
        Map<String, Object> tensors = asMap(torch.get("tensors"));
        assertThat(sd.keySet()).containsExactlyInAnyOrderElementsOf(tensors.keySet());
        for (Map.Entry<String, Object> e : tensors.entrySet()) {
            Map<String, Object> t = asMap(e.getValue());
            Tensor mine = sd.get(e.getKey());
            assertThat(mine.dtype()).as(e.getKey()).isEqualTo(expectedDtype((String) t.get("dtype")));
            assertThat(mine.shape()).as(e.getKey()).containsExactly(longs(t.get("shape")));
            assertValues(e.getKey(), mine, (List<?>) t.get("values"));
        }
        assertThat(StateDicts.loadMetadata(file)).isEqualTo(asMap(torch.get("metadata")));
    }

    private static DType expectedDtype(String torchDtype) {
        switch (torchDtype) {
            case "torch.float16": case "torch.bfloat16": return DType.FLOAT32;
            case "torch.uint8": case "torch.int8": case "torch.int16": return DType.INT32;
            default: return DType.parse(torchDtype);
        }
    }

    /** Exact comparison: every dtype round-trips bit for bit through the format. */
    private static void assertValues(String name, Tensor mine, List<?> torchValues) {
        assertThat(torchValues).as(name + " length").hasSize((int) mine.numel());
        if (mine.dtype() == DType.BOOL) {
            double[] v = mine.toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                assertThat(torchValues.get(i)).as(name + "[" + i + "]").isEqualTo(v[i] != 0);
            }
        } else if (mine.dtype().isIntegral()) {
            long[] v = mine.toLongArray();
            for (int i = 0; i < v.length; i++) {
                assertThat(torchValues.get(i)).as(name + "[" + i + "]").isEqualTo(v[i]);
            }
        } else {
            double[] v = mine.toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                Object tv = torchValues.get(i);
                double expected = tv instanceof String ? parseSpecial((String) tv) : ((Number) tv).doubleValue();
                assertThat(Double.doubleToLongBits(v[i])).as(name + "[" + i + "]: engine " + v[i] + ", torch " + tv)
                        .isEqualTo(Double.doubleToLongBits(expected));
            }
        }
    }

    private static double parseSpecial(String s) {
        switch (s) {
            case "inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            default: return Double.NaN;
        }
    }

    private static long[] longs(Object list) {
        return ((List<?>) list).stream().mapToLong(o -> (Long) o).toArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}
