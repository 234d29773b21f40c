package dev.ember.tfcompat.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointImporterTest {

    private static final String VV = "/.ATTRIBUTES/VARIABLE_VALUE";

    @TempDir
    Path dir;
    private final Random random = new Random(3);

    private Tensor t(long... shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Tensor.fromArray(v, shape);
    }

    private Path write(Map<String, Tensor> tensors) {
        Path prefix = dir.resolve("ckpt-" + random.nextInt(1_000_000));
        TfCheckpointWriter.write(prefix, tensors);
        return prefix;
    }

    private static Map<String, Transform> transforms(ImportResult r) {
        return r.rows().stream().collect(Collectors.toMap(ImportResult.Row::engineName, ImportResult.Row::transform,
                (a, b) -> a, LinkedHashMap::new));
    }

    private static Map<String, String> problems(ImportResult r) {
        return r.problems().stream().collect(Collectors.toMap(ImportResult.Problem::tfName,
                ImportResult.Problem::reason, (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void tf1CnnAndRnnCheckpoint() {
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("conv2d/kernel", t(3, 3, 2, 4));
        in.put("conv2d/bias", t(4));
        in.put("batch_normalization/gamma", t(4));
        in.put("batch_normalization/beta", t(4));
        in.put("batch_normalization/moving_mean", t(4));
        in.put("batch_normalization/moving_variance", t(4));
        in.put("dense/kernel", t(16, 5));
        in.put("dense/bias", t(5));
        in.put("dense_1/kernel", t(5, 3));
        in.put("lstm/lstm_cell/kernel", t(3, 8));
        in.put("lstm/lstm_cell/recurrent_kernel", t(2, 8));
        in.put("lstm/lstm_cell/bias", t(8));
        in.put("gru/gru_cell/kernel", t(3, 6));
        in.put("gru/gru_cell/recurrent_kernel", t(2, 6));
        in.put("gru/gru_cell/bias", t(2, 6));
        in.put("conv2d_transpose/kernel", t(3, 3, 2, 4));
        in.put("depthwise_conv2d/depthwise_kernel", t(3, 3, 4, 2));
        in.put("conv1d/kernel", t(3, 2, 4));
        in.put("conv3d/kernel", t(2, 2, 2, 1, 3));
        in.put("embedding/embeddings", t(10, 4));
        in.put("global_step", Tensor.scalar(100L));
        in.put("dense/kernel/Adam", t(16, 5));
        in.put("dense/kernel/Adam_1", t(16, 5));
        in.put("beta1_power", Tensor.scalar(0.9f));
        in.put("Variable", t(2));
        ImportResult r = CheckpointImporter.with(NameRules.tf1()).flattenFix("dense", 2, 2, 4)
                .importFrom(write(in));

        assertThat(transforms(r)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("conv2d.weight", Transform.CONV2D), Map.entry("conv2d.bias", Transform.NONE),
                Map.entry("batch_normalization.weight", Transform.NONE),
                Map.entry("batch_normalization.bias", Transform.NONE),
                Map.entry("batch_normalization.running_mean", Transform.NONE),
                Map.entry("batch_normalization.running_var", Transform.NONE),
                Map.entry("batch_normalization.num_batches_tracked", Transform.ADDED),
                Map.entry("dense.weight", Transform.FLATTEN_DENSE), Map.entry("dense.bias", Transform.NONE),
                Map.entry("dense_1.weight", Transform.DENSE),
                Map.entry("lstm.weight_ih_l0", Transform.LSTM_KERNEL),
                Map.entry("lstm.weight_hh_l0", Transform.LSTM_RECURRENT),
                Map.entry("lstm.bias_ih_l0", Transform.LSTM_BIAS), Map.entry("lstm.bias_hh_l0", Transform.LSTM_BIAS),
                Map.entry("gru.weight_ih_l0", Transform.GRU_KERNEL),
                Map.entry("gru.weight_hh_l0", Transform.GRU_RECURRENT),
                Map.entry("gru.bias_ih_l0", Transform.GRU_BIAS), Map.entry("gru.bias_hh_l0", Transform.GRU_BIAS),
                Map.entry("conv2d_transpose.weight", Transform.CONV2D_TRANSPOSE),
                Map.entry("depthwise_conv2d.weight", Transform.DEPTHWISE),
                Map.entry("conv1d.weight", Transform.CONV1D), Map.entry("conv3d.weight", Transform.CONV3D),
                Map.entry("embedding.weight", Transform.NONE)));
        Map<String, Tensor> sd = r.stateDict();
        assertThat(sd.get("conv2d.weight").equal(Layouts.hwioToOihw(in.get("conv2d/kernel")))).isTrue();
        assertThat(sd.get("dense.weight").equal(Layouts.flattenOrderFix(
                Layouts.denseKernelToLinearWeight(in.get("dense/kernel")), 2, 2, 4))).isTrue();
        assertThat(sd.get("dense_1.weight").equal(Layouts.denseKernelToLinearWeight(in.get("dense_1/kernel")))).isTrue();
        assertThat(sd.get("lstm.bias_hh_l0").equal(Tensor.zeros(8))).isTrue();
        assertThat(sd.get("gru.bias_hh_l0").equal(Layouts.gruBiasToBiases(in.get("gru/gru_cell/bias"))[1])).isTrue();
        assertThat(sd.get("gru.weight_ih_l0").equal(Layouts.gruKernelToWeight(in.get("gru/gru_cell/kernel")))).isTrue();
        assertThat(sd.get("depthwise_conv2d.weight").shape()).containsExactly(8, 1, 3, 3);
        assertThat(sd.get("conv2d_transpose.weight").shape()).containsExactly(4, 2, 3, 3);
        assertThat(sd.get("embedding.weight").equal(in.get("embedding/embeddings"))).isTrue();
        Tensor counter = sd.get("batch_normalization.num_batches_tracked");
        assertThat(counter.dtype()).isEqualTo(DType.INT64);
        assertThat(counter.shape()).isEmpty();
        assertThat(counter.item()).isZero();
        List<String> names = List.copyOf(sd.keySet());
        assertThat(names.indexOf("batch_normalization.num_batches_tracked"))
                .isEqualTo(names.indexOf("batch_normalization.running_var") + 1);

        assertThat(r.skipped()).extracting(ImportResult.Skip::tfName)
                .containsExactly("beta1_power", "dense/kernel/Adam", "dense/kernel/Adam_1", "global_step");
        assertThat(r.unmapped()).containsExactly("Variable");
        assertThat(r.problems()).isEmpty();
        assertThat(r.isComplete()).isFalse();
        assertThat(r.notes()).singleElement().asString().contains("BatchNorm batch_normalization").contains("eps=1e-3");

        String md = r.toMarkdown();
        assertThat(md).startsWith("| TF name | TF dtype | TF shape | engine name | dtype | shape | transform |\n");
        assertThat(md).contains("| `dense/kernel` | float32 | [16, 5] | `dense.weight` | float32 | [5, 16] | flatten_dense |\n");
        assertThat(md).contains("| - | - | - | `batch_normalization.num_batches_tracked` | int64 | [] | added |\n");
        assertThat(md).contains("| `global_step` | training step counter |\n");
        assertThat(md).contains("Unmapped, no rule matched (1):\n\n- `Variable`\n");

        ImportResult.Row row = r.rows().stream().filter(x -> x.engineName().equals("dense.weight")).findFirst().get();
        assertThat(row.tfName()).isEqualTo("dense/kernel");
        assertThat(row.tfDtype()).isEqualTo(TfDataType.FLOAT);
        assertThat(row.tfShape()).containsExactly(16, 5);
        assertThat(row.engineShape()).containsExactly(5, 16);
    }

    @Test
    void kerasKeysUseTheObjectGraphToTellConvFromTransposedConv() {
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("layer_with_weights-0/kernel" + VV, t(3, 3, 1, 2));
        in.put("layer_with_weights-0/bias" + VV, t(2));
        in.put("layer_with_weights-1/kernel" + VV, t(3, 3, 4, 2));
        in.put("layer_with_weights-2/kernel" + VV, t(8, 3));
        in.put("layer_with_weights-0/kernel/.OPTIMIZER_SLOT/optimizer/m" + VV, t(3, 3, 1, 2));
        in.put("save_counter" + VV, Tensor.scalar(1L));
        Path noGraph = write(in);
        ImportResult without = CheckpointImporter.with(NameRules.keras()).importFrom(noGraph);
        assertThat(problems(without)).containsOnlyKeys("layer_with_weights-0/kernel" + VV,
                "layer_with_weights-1/kernel" + VV);
        assertThat(problems(without).get("layer_with_weights-1/kernel" + VV)).isEqualTo("rank-4 kernel [3, 3, 4, 2] of "
                + "'layer_with_weights-1': Conv2D or Conv2DTranspose cannot be told from the name; add a rule with "
                + "transform conv2d or conv2d_transpose");
        assertThat(without.stateDict()).doesNotContainKey("layer_with_weights-1.weight");

        ObjectGraph graph = new ObjectGraph(List.of(
                new ObjectGraph.Node(List.of(new ObjectGraph.Child(1, "layer_with_weights-0"),
                        new ObjectGraph.Child(2, "layer_with_weights-1")), List.of()),
                new ObjectGraph.Node(List.of(), List.of(new ObjectGraph.Attribute("VARIABLE_VALUE", "conv2d/kernel",
                        "layer_with_weights-0/kernel" + VV))),
                new ObjectGraph.Node(List.of(), List.of(new ObjectGraph.Attribute("VARIABLE_VALUE",
                        "conv2d_transpose/kernel", "layer_with_weights-1/kernel" + VV)))));
        Path prefix = dir.resolve("with-graph");
        try (TfCheckpointWriter w = TfCheckpointWriter.create(prefix)) {
            in.forEach(w::add);
            w.addStrings(TfCheckpoint.OBJECT_GRAPH_KEY, new long[] {}, List.of(graph.encode()));
            w.commit();
        }
        ImportResult r = CheckpointImporter.with(NameRules.keras()).flattenFix("layer_with_weights-2", 1, 2, 4)
                .importFrom(prefix);
        assertThat(r.problems()).isEmpty();
        assertThat(transforms(r)).containsExactly(
                Map.entry("layer_with_weights-0.bias", Transform.NONE),
                Map.entry("layer_with_weights-0.weight", Transform.CONV2D),
                Map.entry("layer_with_weights-1.weight", Transform.CONV2D_TRANSPOSE),
                Map.entry("layer_with_weights-2.weight", Transform.FLATTEN_DENSE));
        assertThat(r.skipped()).extracting(ImportResult.Skip::reason).containsExactly(
                "object graph (checkpoint metadata)", "optimizer slot (.OPTIMIZER_SLOT)", "checkpoint save counter");
        assertThat(r.isComplete()).isTrue();
        try (TfCheckpoint c = TfCheckpoint.open(prefix)) {
            assertThat(c.objectGraph()).contains(graph);
        }
    }

    @Test
    void kindsThatCannotBeDecidedAreReportedNotGuessed() {
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("gru/gru_cell/kernel", t(3, 6));
        in.put("gru/gru_cell/recurrent_kernel", t(2, 6));
        in.put("gru/gru_cell/bias", t(6));                      // reset_after=False
        in.put("rnn/my_cell/kernel", t(3, 8));                  // a cell without recurrent_kernel
        in.put("simple/simple_rnn_cell/kernel", t(3, 2));
        in.put("simple/simple_rnn_cell/recurrent_kernel", t(2, 2));
        in.put("sep/depthwise_kernel", t(3, 3, 2, 1));
        in.put("sep/pointwise_kernel", t(1, 1, 2, 4));
        in.put("sep/bias", t(4));
        in.put("odd/kernel", t(2, 2, 2, 2, 2, 2));
        in.put("up/conv1d_transpose/kernel", t(3, 2, 2));
        in.put("w", t(3, 3));
        ImportResult r = CheckpointImporter.with(NameRules.parse("w -> w\n", "user").then(NameRules.tf1()))
                .importFrom(write(in));
        Map<String, String> p = problems(r);
        assertThat(p.get("gru/gru_cell/kernel")).contains("reset_after=False").contains("torch.nn.GRU cannot express");
        assertThat(p.get("gru/gru_cell/bias")).contains("reset_after=False");
        assertThat(p.get("gru/gru_cell/recurrent_kernel")).contains("reset_after=False");
        assertThat(p.get("rnn/my_cell/kernel")).isEqualTo("RNN cell 'rnn/my_cell' has no recurrent_kernel: cannot "
                + "tell LSTM from GRU");
        assertThat(p.get("simple/simple_rnn_cell/kernel")).contains("has 1 gate(s); only LSTM (4) and GRU (3)");
        assertThat(p.get("sep/depthwise_kernel")).contains("SeparableConv2D");
        assertThat(p.get("sep/bias")).contains("SeparableConv2D");
        assertThat(p.get("odd/kernel")).isEqualTo("kernel of rank 6 [2, 2, 2, 2, 2, 2] is no Dense or Conv kernel");
        assertThat(p.get("up/conv1d_transpose/kernel")).isEqualTo("Conv1DTranspose kernels are not supported");
        assertThat(p.get("w")).isEqualTo("cannot tell the kind of 'w' [3, 3] from its name; give the transform in a "
                + "rule ('none' if the layout is already right)");
        assertThat(r.stateDict()).isEmpty();
        assertThat(r.unmapped()).containsExactly("sep/pointwise_kernel");
        assertThat(r.toMarkdown()).contains("Not imported (11):");
    }

    @Test
    void explicitTransformsWrongNamesAndClashesBecomeProblems() {
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("a/kernel", t(3, 3));
        in.put("b/kernel", t(3, 3));
        in.put("c", t(4));
        in.put("d", t(4));
        in.put("e", t(4));
        Path prefix = dir.resolve("p");
        try (TfCheckpointWriter w = TfCheckpointWriter.create(prefix)) {
            in.forEach(w::add);
            w.addStrings("names", new long[] {1}, List.of(new byte[] {1}));
            w.commit();
        }
        NameRules rules = NameRules.parse(String.join("\n",
                "a/kernel -> same conv2d",
                "b/kernel -> same dense",
                "c -> x.bias lstm_bias",
                "d -> .bad",
                "e -> y flatten_dense",
                "names -> names"), "rules");
        ImportResult r = CheckpointImporter.with(rules).importFrom(prefix);
        Map<String, String> p = problems(r);
        assertThat(p.get("a/kernel")).isEqualTo("hwioToOihw expects a rank-4 tensor (H,W,I,O), got [3, 3]");
        assertThat(r.stateDict()).containsOnlyKeys("same");
        assertThat(p.get("c")).contains("has no 'bias_ih' to derive the bias_hh name from");
        assertThat(p.get("d")).isEqualTo("rule rules:4 gives the invalid engine name '.bad'");
        assertThat(p.get("e")).contains("flatten_dense needs the flattened map's H, W, C");
        assertThat(p.get("names")).isEqualTo("string tensor: read it with readStrings");

        NameRules clash = NameRules.parse("a/kernel -> same none\nb/kernel -> same none\n", "rules");
        ImportResult r2 = CheckpointImporter.with(clash).importFrom(prefix);
        assertThat(problems(r2)).containsEntry("b/kernel", "engine name 'same' is already produced by 'a/kernel'");
    }

    @Test
    void flattenFixMustMatchADenseKernel() {
        Path prefix = write(Map.of("dense/kernel", t(4, 2), "conv/kernel", t(1, 1, 1, 1)));
        assertThatThrownBy(() -> CheckpointImporter.with(NameRules.tf1()).flattenFix("dense_9", 1, 2, 2)
                .importFrom(prefix)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flatten fix for layer 'dense_9' matched no Dense kernel; Dense kernels: dense");
        assertThatThrownBy(() -> CheckpointImporter.with(NameRules.tf1()).flattenFix("dense", 0, 2, 2))
                .hasMessageContaining("needs positive H, W, C");
        ImportResult wrongSize = CheckpointImporter.with(NameRules.tf1()).flattenFix("dense", 3, 3, 3)
                .importFrom(prefix);
        assertThat(problems(wrongSize).get("dense/kernel")).contains("needs 3*3*3 = 27 inputs");
    }

    @Test
    void matchReportsMissingUnexpectedAndMismatchedAsData() {
        ImportResult r = CheckpointImporter.with(NameRules.tf1())
                .importFrom(write(Map.of("dense/kernel", t(4, 2), "dense/bias", t(2), "extra/bias", t(3))));
        Map<String, long[]> expected = new LinkedHashMap<>();
        expected.put("dense.weight", new long[] {2, 4});
        expected.put("dense.bias", new long[] {3});
        expected.put("head.weight", new long[] {1, 2});
        ImportResult.Match m = r.match(expected);
        assertThat(m.missing()).containsExactly("head.weight");
        assertThat(m.unexpected()).containsExactly("extra.bias");
        assertThat(m.mismatched()).singleElement().hasToString("dense.bias: expected [3], got [2]");
        assertThat(m.isExact()).isFalse();
        Map<String, long[]> exact = new LinkedHashMap<>();
        exact.put("dense.weight", new long[] {2, 4});
        exact.put("dense.bias", new long[] {2});
        exact.put("extra.bias", new long[] {3});
        assertThat(r.match(exact).isExact()).isTrue();
    }

    @Test
    void readmeExampleRuns() throws Exception {
        Path training = java.nio.file.Files.createDirectories(dir.resolve("training"));
        TfCheckpointWriter.write(training.resolve("ckpt-3"), Map.of("conv2d/kernel", t(3, 3, 1, 64),
                "dense/kernel", t(7 * 7 * 64, 10), "dense/bias", t(10)));
        java.nio.file.Files.writeString(training.resolve("checkpoint"), "model_checkpoint_path: \"ckpt-3\"\n");
        try (TfCheckpoint ckpt = TfCheckpoint.open(training)) {
            assertThat(ckpt.entries()).hasSize(3);
            assertThat(ckpt.read("dense/kernel").shape()).containsExactly(3136, 10);
        }
        ImportResult r = CheckpointImporter.with(NameRules.standard())
                .flattenFix("dense", 7, 7, 64)
                .importFrom(training.resolve("ckpt-3"));
        assertThat(r.stateDict().get("conv2d.weight").shape()).containsExactly(64, 1, 3, 3);
        assertThat(r.stateDict().get("dense.weight").shape()).containsExactly(10, 3136);
        assertThat(r.isComplete()).isTrue();
    }

    /** {@code apply(p, ckpt.read(name))} as the importer did before it permuted while reading. */
    private static Tensor[] viaLayouts(Transform t, Tensor x, long h, long w, long c) {
        switch (t) {
            case NONE: return new Tensor[] {x};
            case DENSE: return new Tensor[] {Layouts.denseKernelToLinearWeight(x)};
            case FLATTEN_DENSE: return new Tensor[] {Layouts.flattenOrderFix(Layouts.denseKernelToLinearWeight(x), h, w, c)};
            case CONV1D: return new Tensor[] {Layouts.wioToOiw(x)};
            case CONV2D: return new Tensor[] {Layouts.hwioToOihw(x)};
            case CONV3D: return new Tensor[] {Layouts.dhwioToOidhw(x)};
            case DEPTHWISE: return new Tensor[] {Layouts.depthwiseToOihw(x)};
            case CONV2D_TRANSPOSE: return new Tensor[] {Layouts.conv2dTransposeKernelToWeight(x)};
            case LSTM_KERNEL: return new Tensor[] {Layouts.lstmKernelToWeight(x)};
            case LSTM_RECURRENT: return new Tensor[] {Layouts.lstmRecurrentKernelToWeight(x)};
            case LSTM_BIAS: return Layouts.lstmBiasToBiases(x);
            case GRU_KERNEL: return new Tensor[] {Layouts.gruKernelToWeight(x)};
            case GRU_RECURRENT: return new Tensor[] {Layouts.gruRecurrentKernelToWeight(x)};
            case GRU_BIAS: return Layouts.gruBiasToBiases(x);
            default: throw new IllegalStateException(t.toString());
        }
    }

    @Test
    void permutingWhileReadingEqualsLayoutsForEveryTransformDtypeAndThreadCount() {
        // Every transform on tensors of every readable dtype (random bits: NaN payloads, subnormals, odd
        // bools), sizes crossing the copy tiles; the import with 1, 2 and 5 threads must equal reading each
        // tensor and applying Layouts, byte for byte, in the same order with the same rows.
        Object[][] kinds = {
            {Transform.NONE, new long[] {37}}, {Transform.NONE, new long[] {}},
            {Transform.DENSE, new long[] {33, 19}}, {Transform.DENSE, new long[] {1, 40}},
            {Transform.FLATTEN_DENSE, new long[] {2 * 3 * 5, 7}},
            {Transform.CONV1D, new long[] {3, 5, 17}}, {Transform.CONV2D, new long[] {3, 3, 5, 17}},
            {Transform.CONV2D, new long[] {1, 1, 34, 3}}, {Transform.CONV3D, new long[] {2, 2, 3, 5, 7}},
            {Transform.CONV2D_TRANSPOSE, new long[] {3, 3, 7, 5}}, {Transform.DEPTHWISE, new long[] {3, 3, 5, 2}},
            {Transform.LSTM_KERNEL, new long[] {5, 12}}, {Transform.LSTM_RECURRENT, new long[] {3, 12}},
            {Transform.LSTM_BIAS, new long[] {12}}, {Transform.GRU_KERNEL, new long[] {5, 9}},
            {Transform.GRU_RECURRENT, new long[] {3, 9}}, {Transform.GRU_BIAS, new long[] {2, 9}},
        };
        TfDataType[] types = {TfDataType.FLOAT, TfDataType.DOUBLE, TfDataType.INT32, TfDataType.INT64,
            TfDataType.HALF, TfDataType.BFLOAT16, TfDataType.INT8, TfDataType.UINT8, TfDataType.INT16,
            TfDataType.UINT16, TfDataType.UINT32, TfDataType.BOOL};
        Path prefix = dir.resolve("all-kinds");
        StringBuilder rules = new StringBuilder();
        List<Object[]> written = new java.util.ArrayList<>();
        int i = 0;
        try (TfCheckpointWriter w = TfCheckpointWriter.create(prefix)) {
            for (TfDataType type : types) {
                for (Object[] k : kinds) {
                    Transform t = (Transform) k[0];
                    long[] shape = (long[]) k[1];
                    long n = 1;
                    for (long d : shape) {
                        n *= d;
                    }
                    byte[] bytes = new byte[(int) n * type.elementSize()];
                    random.nextBytes(bytes);
                    if (type == TfDataType.BOOL) {
                        for (int b = 0; b < bytes.length; b++) {
                            bytes[b] = (byte) (b % 3 == 0 ? 0 : b % 3 == 1 ? 1 : 7);
                        }
                    }
                    String name = String.format("l%03d/kernel", i);
                    String engine = t.producesTwoTensors() ? "m" + i + ".bias_ih_l0" : "m" + i + ".weight";
                    w.addRaw(name, type, shape, java.nio.ByteBuffer.wrap(bytes));
                    rules.append(name).append(" -> ").append(engine).append(' ').append(t.ruleName()).append('\n');
                    written.add(new Object[] {name, t, type});
                    i++;
                }
            }
            w.commit();
        }
        CheckpointImporter withFixes = CheckpointImporter.with(NameRules.parse(rules.toString(), "rules"));
        for (int j = 0; j < written.size(); j++) {
            if (written.get(j)[1] == Transform.FLATTEN_DENSE) {
                withFixes = withFixes.flattenFix("m" + j, 2, 3, 5);
            }
        }
        CheckpointImporter base = withFixes;
        ImportResult one = base.threads(1).importFrom(prefix);
        assertThat(one.problems()).isEmpty();
        List<String> expectedNames = new java.util.ArrayList<>();
        try (TfCheckpoint ckpt = TfCheckpoint.open(prefix)) {
            for (int j = 0; j < written.size(); j++) {
                String name = (String) written.get(j)[0];
                Transform t = (Transform) written.get(j)[1];
                Tensor[] expected = viaLayouts(t, ckpt.read(name), 2, 3, 5);
                String engine = t.producesTwoTensors() ? "m" + j + ".bias_ih_l0" : "m" + j + ".weight";
                List<String> names = t.producesTwoTensors()
                        ? List.of(engine, engine.replace("bias_ih", "bias_hh")) : List.of(engine);
                for (int o = 0; o < names.size(); o++) {
                    Tensor got = one.stateDict().get(names.get(o));
                    String what = name + " " + written.get(j)[2] + " " + t + " -> " + names.get(o);
                    assertThat(got).as(what).isNotNull();
                    assertThat(got.dtype()).as(what).isEqualTo(expected[o].dtype());
                    assertThat(got.shape()).as(what).containsExactly(expected[o].shape());
                    assertThat(got.toBytes()).as(what).isEqualTo(expected[o].toBytes());
                    expectedNames.add(names.get(o));
                }
            }
        }
        assertThat(one.stateDict().keySet()).containsExactlyElementsOf(expectedNames);
        for (int threads : new int[] {2, 5}) {
            ImportResult many = base.threads(threads).importFrom(prefix);
            assertThat(many.toMarkdown()).isEqualTo(one.toMarkdown());
            assertThat(many.stateDict().keySet()).containsExactlyElementsOf(one.stateDict().keySet());
            for (String k : one.stateDict().keySet()) {
                assertThat(many.stateDict().get(k).toBytes()).as(k + " with " + threads + " threads")
                        .isEqualTo(one.stateDict().get(k).toBytes());
            }
        }
        assertThatThrownBy(() -> base.threads(0)).hasMessage("threads must be >= 1, got 0");
    }

    @Test
    void problemsClashesAndTheFirstCorruptTensorDoNotDependOnThreads() throws Exception {
        Map<String, Tensor> in = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            in.put(String.format("k%02d", i), t(40, 30));
        }
        Path prefix = write(in);
        // k03 and k05 both map to "same": the later one is a clash; k07 asks conv2d of a rank-2 tensor.
        NameRules rules = NameRules.parse(String.join("\n", "k0[35] -> same dense", "k07 -> bad conv2d",
                "k(\\d+) -> m$1.weight dense"), "rules");
        ImportResult one = CheckpointImporter.with(rules).threads(1).importFrom(prefix);
        assertThat(problems(one)).containsOnlyKeys("k05", "k07");
        for (int threads : new int[] {2, 3, 8}) {
            ImportResult many = CheckpointImporter.with(rules).threads(threads).importFrom(prefix);
            assertThat(many.toMarkdown()).isEqualTo(one.toMarkdown());
        }
        // Corrupt k05 (a clash: never used) and k09: the error names k09 whatever the number of threads.
        CheckpointEntry k05;
        CheckpointEntry k09;
        Path shard;
        try (TfCheckpoint c = TfCheckpoint.open(prefix)) {
            k05 = c.entry("k05");
            k09 = c.entry("k09");
            shard = c.shardFile(0);
        }
        byte[] data = java.nio.file.Files.readAllBytes(shard);
        data[(int) k05.offset() + 5] ^= 1;
        data[(int) k09.offset() + 100] ^= 1;
        java.nio.file.Files.write(shard, data);
        for (int threads : new int[] {1, 2, 8}) {
            assertThatThrownBy(() -> CheckpointImporter.with(rules).threads(threads).importFrom(prefix))
                    .isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("CRC mismatch for entry 'k09'").hasMessageContaining(shard.toString());
        }
    }

    @Test
    void tfJavaPresetKeepsShapes() {
        Tensor k = t(4, 2);
        ImportResult r = CheckpointImporter.with(NameRules.tfJava()).importFrom(write(Map.of("layer/w", k,
                "global_step", Tensor.scalar(3L))));
        assertThat(r.stateDict()).containsOnlyKeys("layer.w");
        assertThat(r.stateDict().get("layer.w").equal(k)).isTrue();
        assertThat(r.rows()).singleElement().extracting(ImportResult.Row::transform).isEqualTo(Transform.NONE);
    }
}
