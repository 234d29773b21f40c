package dev.ember.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.DType;
import dev.ember.engine.Ember;
import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Autograd;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import java.util.stream.Stream;

/**
 * Every op-spec row with a {@code .torch(...)} expression, run through real PyTorch (Debian's
 * python3-torch, float64) in one batch: outputs and gradients of {@code sum(out * w)} must match
 * the engine's to 1e-9 relative. Skipped, with the reason, only where torch is not installed.
 */
class TorchOracleTest {
    static final String PYTHON = "/usr/bin/python3";
    private static Map<String, List<String>> torchLines;
    private static String unavailable;

    @BeforeAll
    static void runTorch() throws Exception {
        unavailable = TorchOracle.unavailableReason();
        if (unavailable != null) {
            return;
        }
        StringBuilder json = new StringBuilder("[");
        for (Case c : cases()) {
            json.append(json.length() == 1 ? "" : ",").append(c.json());
        }
        json.append("]");
        torchLines = TorchOracle.run("torch_oracle.py", json.toString());
    }

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        Assumptions.assumeTrue(unavailable == null, () -> "PyTorch not available: " + unavailable);
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.id, () -> c.check(torchLines.get(c.id))));
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (OpSpec spec : OpSpecTable.all()) {
            if (spec.torch == null) {
                continue;
            }
            for (int c = 0; c < spec.cases.size(); c++) {
                out.add(new Case(spec, c));
            }
        }
        return out;
    }

    /** One row and case: the engine's results, and the JSON sent to torch. */
    static final class Case {
        final String id;
        final OpSpec spec;
        final OpInputs in;
        final Tensor[] tensors;
        final Tensor out;
        final Tensor weight;

        Case(OpSpec spec, int c) {
            this.spec = spec;
            long[][] shapes = spec.cases.get(c);
            this.id = spec.name.replaceAll("\\s", "") + "#" + c;
            this.in = new OpInputs(spec, shapes, spec.name.hashCode() * 31L + c);
            this.tensors = in.tensors(DType.FLOAT64, spec.differentiable);
            this.out = spec.fn.apply(tensors);
            this.weight = Tensor.randn(Ember.manualSeed(id.hashCode()), out.shape()).to(DType.FLOAT64);
        }

        String json() {
            StringBuilder sb = new StringBuilder();
            sb.append("{\"id\":\"").append(id).append("\",\"expr\":\"").append(spec.torch.replace("\"", "\\\""))
                    .append("\",\"inputs\":[");
            for (int i = 0; i < in.refs.length; i++) {
                String kind = spec.domainOf(i) == OpSpec.Domain.INDEX ? "index"
                        : spec.domainOf(i) == OpSpec.Domain.BOOL ? "bool" : "float";
                sb.append(i == 0 ? "" : ",").append("{\"kind\":\"").append(kind).append("\",");
                sb.append(shapeAndData(in.refs[i].shape, in.refs[i].data)).append("}");
            }
            sb.append("],\"weight\":{").append(shapeAndData(weight.shape(), weight.toDoubleArray())).append("}}");
            return sb.toString();
        }

        private static String shapeAndData(long[] shape, double[] data) {
            StringBuilder sb = new StringBuilder("\"shape\":[");
            for (int i = 0; i < shape.length; i++) {
                sb.append(i == 0 ? "" : ",").append(shape[i]);
            }
            sb.append("],\"data\":[");
            for (int i = 0; i < data.length; i++) {
                sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.17g", data[i]));
            }
            return sb.append("]").toString();
        }

        void check(List<String> lines) {
            assertThat(lines).as("%s: no answer from torch", id).isNotNull();
            for (String l : lines) {
                assertThat(l).as("%s: torch raised", id).doesNotStartWith("E ");
            }
            long[] torchShape = parseLongs(find(lines, "S"));
            assertThat(out.shape()).as("%s output shape vs torch", id).containsExactly(torchShape);
            compare("output", out.to(DType.FLOAT64).toDoubleArray(), parseDoubles(find(lines, "V")));
            if (!spec.differentiable || !out.requiresGrad()) {
                return;
            }
            List<Tensor> floats = new ArrayList<>();
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < tensors.length; i++) {
                if (tensors[i].requiresGrad()) {
                    floats.add(tensors[i]);
                    idx.add(i);
                }
            }
            Tensor[] grads = Autograd.grad(new Tensor[] {out.mul(weight).sum()}, floats.toArray(new Tensor[0]),
                    null, false, false, true);
            for (int k = 0; k < grads.length; k++) {
                String prefix = "G " + idx.get(k) + " ";
                String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
                if (grads[k] == null) {
                    assertThat(line).as("%s: engine has no grad for input %d, torch does", id, idx.get(k)).isNull();
                    continue;
                }
                assertThat(line).as("%s: torch gives no grad for input %d", id, idx.get(k)).isNotNull();
                compare("grad of input " + idx.get(k), grads[k].toDoubleArray(),
                        parseDoubles(line.substring(prefix.length())));
            }
        }

        private void compare(String what, double[] engine, double[] torch) {
            assertThat(engine.length).as("%s %s length", id, what).isEqualTo(torch.length);
            for (int i = 0; i < engine.length; i++) {
                boolean ok = Math.abs(engine[i] - torch[i]) <= 1e-10 + 1e-9 * Math.abs(torch[i])
                        || (Double.isNaN(engine[i]) && Double.isNaN(torch[i]));
                assertThat(ok).as("%s %s[%d]: engine %s, torch %s", id, what, i, engine[i], torch[i]).isTrue();
            }
        }

        private static String find(List<String> lines, String tag) {
            return lines.stream().filter(l -> l.startsWith(tag + " ") || l.equals(tag)).map(l -> l.length() > 2
                    ? l.substring(2) : "").findFirst().orElseThrow(() -> new AssertionError("no " + tag + " line"));
        }
    }

    static long[] parseLongs(String s) {
        String t = s.trim();
        return t.isEmpty() ? new long[0] : java.util.Arrays.stream(t.split(" ")).mapToLong(Long::parseLong).toArray();
    }

    static double[] parseDoubles(String s) {
        String t = s.trim();
        return t.isEmpty() ? new double[0] : java.util.Arrays.stream(t.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** Runs the bundled Python scripts under real PyTorch. */
    static final class TorchOracle {
        private TorchOracle() {
        }

        static String unavailableReason() throws InterruptedException {
            if (!Files.isExecutable(Path.of(PYTHON))) {
                return PYTHON + " not found (install Debian's python3-torch)";
            }
            try {
                Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    return "'import torch' failed under " + PYTHON + " (install Debian's python3-torch)";
                }
            } catch (IOException e) {
                return e.getMessage();
            }
            return null;
        }

        /** Runs a script from this package's resources with {@code stdin}; lines grouped by case id. */
        static Map<String, List<String>> run(String script, String stdin) throws Exception {
            Path file = Files.createTempFile("ember-torch-", ".py");
            try (InputStream res = TorchOracleTest.class.getResourceAsStream(script)) {
                Files.write(file, res.readAllBytes());
            }
            Path input = Files.createTempFile("ember-torch-", ".json");
            Files.writeString(input, stdin);
            try {
                Process p = new ProcessBuilder(PYTHON, file.toString()).redirectInput(input.toFile()).start();
                String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("torch oracle failed: " + stderr);
                }
                Map<String, List<String>> byId = new HashMap<>();
                for (String line : stdout.split("\\R")) {
                    String[] parts = line.split(" ", 3);
                    if (parts.length >= 2) {
                        byId.computeIfAbsent(parts[1], k -> new ArrayList<>())
                                .add(parts[0] + (parts.length == 3 ? " " + parts[2] : ""));
                    }
                }
                return byId;
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(input);
            }
        }
    }
}
