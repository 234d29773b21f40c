package dev.ember.cli;

import dev.ember.engine.DType;
import dev.ember.engine.io.Json;
import dev.ember.engine.io.StateDicts;
import dev.ember.parity.Input;
import dev.ember.parity.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON file {@code ember parity} reads. Paths are relative to the spec's directory.
 * <pre>{@code
 * { "name": "mlp", "seed": 7,
 *   "tf":     {"savedModel": "saved", "signature": "serving_default", "tags": ["serve"]}
 *             or {"class": "com.acme.TfMlp", "method": "run"},
 *   "engine": {"class": "com.acme.Mlp", "method": "forward"}
 *             or {"module": "com.acme.Mlp", "stateDict": "mlp.safetensors", "input": "x", "output": "y"},
 *   "classpath": ["build/classes"],
 *   "inputs": {"x": {"dtype": "float32", "shape": [4, 3], "uniform": [-1, 1], "layout": "NHWC<->NCHW"},
 *              "ids": {"file": "ids.npy"}, "w": {"file": "inputs.safetensors", "key": "w"}},
 *   "layouts": {"y": "none"},
 *   "tolerance": {"atol": 1e-5, "rtol": 1e-5, "reason": "why, when looser than the defaults"},
 *   "report": "parity.html" }
 * }</pre>
 */
final class ParitySpec {
    final Path dir;
    final String name;
    final long seed;
    final Map<String, Object> tf;
    final Map<String, Object> engine;
    final List<Path> classpath = new ArrayList<>();
    final Map<String, Input> inputs = new LinkedHashMap<>();
    final Map<String, Layout> layouts = new LinkedHashMap<>();
    final Map<String, Object> tolerance;
    final Path report;

    @SuppressWarnings("unchecked")
    private ParitySpec(Path file, Map<String, Object> root) throws IOException {
        this.dir = file.toAbsolutePath().getParent();
        this.name = string(root, "name", file.getFileName().toString().replaceAll("\\.json$", ""));
        this.seed = root.containsKey("seed") ? number(root, "seed").longValue() : 0L;
        this.tf = object(root, "tf");
        this.engine = object(root, "engine");
        for (Object p : (List<Object>) root.getOrDefault("classpath", List.of())) {
            classpath.add(resolve(String.valueOf(p)));
        }
        Map<String, Object> ins = object(root, "inputs");
        for (Map.Entry<String, Object> e : ins.entrySet()) {
            inputs.put(e.getKey(), input(e.getKey(), (Map<String, Object>) e.getValue()));
        }
        Map<String, Object> ls = root.containsKey("layouts") ? object(root, "layouts") : Map.of();
        ls.forEach((k, v) -> layouts.put(k, layout(String.valueOf(v), "layouts." + k)));
        this.tolerance = root.containsKey("tolerance") ? object(root, "tolerance") : null;
        this.report = root.containsKey("report") ? resolve(string(root, "report", null)) : null;
    }

    @SuppressWarnings("unchecked")
    static ParitySpec load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new Args.UsageException("spec file not found: " + file);
        }
        Object root;
        try {
            root = Json.parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("spec " + file + " is not valid JSON: " + e.getMessage());
        }
        if (!(root instanceof Map)) {
            throw new Args.UsageException("spec " + file + " must be a JSON object");
        }
        return new ParitySpec(file, (Map<String, Object>) root);
    }

    Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : dir.resolve(p);
    }

    @SuppressWarnings("unchecked")
    private Input input(String name, Map<String, Object> m) throws IOException {
        String where = "inputs." + name;
        Input in;
        if (m.containsKey("file")) {
            Path f = resolve(string(m, "file", null));
            dev.ember.engine.Tensor t;
            if (f.getFileName().toString().endsWith(".npy")) {
                t = dev.ember.engine.io.Npy.load(f);
            } else {
                Map<String, dev.ember.engine.Tensor> sd = StateDicts.load(f);
                String key = string(m, "key", name);
                t = sd.get(key);
                if (t == null) {
                    throw new Args.UsageException(where + ": " + f + " has no tensor '" + key + "' (has " + sd.keySet() + ")");
                }
            }
            in = Input.of(t.dtype(), t.shape()).values(t.to(DType.FLOAT64).toDoubleArray());
        } else {
            DType dtype = DType.parse(string(m, "dtype", "float32"));
            List<Object> shape = (List<Object>) m.get("shape");
            if (shape == null) {
                throw new Args.UsageException(where + ": needs \"shape\" (or \"file\")");
            }
            long[] s = shape.stream().mapToLong(o -> ((Number) o).longValue()).toArray();
            in = Input.of(dtype, s);
            if (m.containsKey("uniform")) {
                List<Object> r = (List<Object>) m.get("uniform");
                in = in.uniform(((Number) r.get(0)).doubleValue(), ((Number) r.get(1)).doubleValue());
            } else if (m.containsKey("normal")) {
                List<Object> r = (List<Object>) m.get("normal");
                in = in.normal(((Number) r.get(0)).doubleValue(), ((Number) r.get(1)).doubleValue());
            } else if (m.containsKey("ints")) {
                List<Object> r = (List<Object>) m.get("ints");
                in = in.ints(((Number) r.get(0)).longValue(), ((Number) r.get(1)).longValue());
            }
        }
        if (m.containsKey("layout")) {
            in = in.layout(layout(String.valueOf(m.get("layout")), where + ".layout"));
        }
        return in;
    }

    static Layout layout(String name, String where) {
        for (Layout l : List.of(Layout.NONE, Layout.NHWC_NCHW, Layout.NWC_NCW, Layout.HWIO_OIHW, Layout.WIO_OIW,
                Layout.IO_OI)) {
            if (l.name().equalsIgnoreCase(name) || l.name().replace("<->", "_").equalsIgnoreCase(name)) {
                return l;
            }
        }
        throw new Args.UsageException(where + ": unknown layout '" + name
                + "' (none, NHWC_NCHW, NWC_NCW, HWIO_OIHW, WIO_OIW, IO_OI)");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Map)) {
            throw new Args.UsageException("spec: \"" + key + "\" must be an object" + (v == null ? " (missing)" : ""));
        }
        return (Map<String, Object>) v;
    }

    static String string(Map<String, Object> m, String key, String fallback) {
        Object v = m.get(key);
        if (v == null) {
            if (fallback == null) {
                throw new Args.UsageException("spec: \"" + key + "\" is required");
            }
            return fallback;
        }
        return String.valueOf(v);
    }

    static Number number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number)) {
            throw new Args.UsageException("spec: \"" + key + "\" must be a number, got " + v);
        }
        return (Number) v;
    }
}
