package dev.ember.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.Ember;
import dev.ember.engine.Generator;
import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import dev.ember.engine.data.DataLoader;
import dev.ember.engine.data.TensorDataset;
import dev.ember.engine.nn.Functional;
import dev.ember.engine.nn.Linear;
import dev.ember.engine.nn.Module;
import dev.ember.engine.optim.Adam;
import dev.ember.engine.optim.LRScheduler;
import dev.ember.engine.optim.OneCycleLR;
import dev.ember.engine.optim.ParamGroup;
import dev.ember.engine.optim.Optimizer;
import dev.ember.engine.optim.ReduceLROnPlateau;
import dev.ember.engine.optim.SGD;
import dev.ember.engine.optim.Scheduler;
import dev.ember.engine.optim.StepLR;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training checkpoints: file layout, exact round trips, a resumed run that matches an uninterrupted
 * one bit for bit, and every mismatch or corruption as a clear error that loads nothing.
 */
class CheckpointTest {
    private static final int BATCHES = 5;   // 23 samples in batches of 5

    @TempDir
    Path dir;

    /** Two Linear layers and a buffer that tracks the batch mean, so the buffer changes while training. */
    static final class Net extends Module {
        final Linear fc1;
        final Linear fc2;
        final Tensor runningMean;

        Net(int hidden) {
            fc1 = registerModule("fc1", new Linear(4, hidden));
            fc2 = registerModule("fc2", new Linear(hidden, 3));
            runningMean = registerBuffer("running_mean", Tensor.zeros(4));
        }

        Net() {
            this(8);
        }

        @Override
        public Tensor forward(Tensor x) {
            if (isTraining()) {
                try (NoGrad ignored = NoGrad.enter()) {
                    runningMean.mul_(0.9).add_(x.mean(0).mul(0.1));
                }
            }
            return fc2.forward(Functional.relu(fc1.forward(x.sub(runningMean))));
        }
    }

    /** A model with other keys and shapes. */
    static final class OtherNet extends Module {
        final Linear body = registerModule("body", new Linear(4, 6));
        final Linear fc2 = registerModule("fc2", new Linear(5, 3));

        @Override
        public Tensor forward(Tensor x) {
            return fc2.forward(body.forward(x));
        }
    }

    /** Optimizer and scheduler built over a model, as a training script would. */
    record Setup(Net net, Optimizer opt, Scheduler sched, boolean schedPerBatch) {
    }

    private static TensorDataset data() {
        Generator g = new Generator(123);
        return new TensorDataset(Tensor.randn(g, 23, 4), Tensor.randint(g, 0, 3, 23));
    }

    private static Setup sgdStepLr() {
        Net net = new Net();
        SGD opt = new SGD(net.parameters(), 0.1).momentum(0.9).weightDecay(1e-3);
        return new Setup(net, opt, new StepLR(opt, 2, 0.5), false);
    }

    private static Setup adamOneCycle() {
        Net net = new Net();
        Adam opt = new Adam(net.parameters(), 1e-2).amsgrad(true);
        return new Setup(net, opt, new OneCycleLR(opt, 0.05, 6 * BATCHES + 1), true);
    }

    /** {@code epochs} epochs over a shuffled loader with a randn noise term, so every epoch draws from the default generator. */
    private static void train(Setup s, DataLoader<Tensor[]> loader, int epochs) {
        for (int e = 0; e < epochs; e++) {
            for (Tensor[] batch : loader) {
                s.opt.zeroGrad();
                Tensor out = s.net.forward(batch[0]);
                out = out.add(Tensor.randn(out.shape()).mul(0.05));
                Functional.crossEntropy(out, batch[1]).backward();
                s.opt.step();
                if (s.schedPerBatch) {
                    ((LRScheduler) s.sched).step();
                }
            }
            if (!s.schedPerBatch) {
                ((LRScheduler) s.sched).step();
            }
        }
    }

    private static DataLoader<Tensor[]> loader() {
        return DataLoader.builder(data()).batchSize(5).shuffle(true).build();
    }

    /** Raw bits of every model tensor, optimizer state tensor and option, by name: equal maps mean a bit-identical state. */
    private static Map<String, Object> bits(Setup s) {
        Map<String, Object> out = new LinkedHashMap<>();
        s.net.stateDict().forEach((k, t) -> out.put("model." + k, bits(t)));
        if (s.opt != null) {
            Map<String, Object> opt = s.opt.stateDict();
            ((Map<?, ?>) opt.get("state")).forEach((i, st) -> ((Map<?, ?>) st).forEach((k, v) ->
                    out.put("opt." + i + "." + k, v instanceof Tensor t ? bits(t) : v)));
            out.put("param_groups", opt.get("param_groups"));
        }
        if (s.sched != null) {
            out.put("sched", s.sched.stateDict());
        }
        return out;
    }

    private static List<Integer> bits(Tensor t) {
        List<Integer> out = new ArrayList<>();
        for (float f : t.toFloatArray()) {
            out.add(Float.floatToRawIntBits(f));
        }
        return out;
    }

    private static Map<String, List<Integer>> modelBits(Module m) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        m.stateDict().forEach((k, t) -> out.put(k, bits(t)));
        return out;
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void fileHoldsDottedTensorEntriesAndJsonMetadata() throws IOException {
        Ember.manualSeed(1);
        Setup s = sgdStepLr();
        train(s, loader(), 1);
        Path f = dir.resolve("ck.safetensors");
        Checkpoint.save(f, s.net, s.opt, s.sched, 0, Map.of("best_acc", 0.5));
        assertThat(StateDicts.load(f).keySet()).containsExactly("model.running_mean", "model.fc1.weight",
                "model.fc1.bias", "model.fc2.weight", "model.fc2.bias", "optimizer.state.0.momentum_buffer",
                "optimizer.state.1.momentum_buffer", "optimizer.state.2.momentum_buffer",
                "optimizer.state.3.momentum_buffer");
        Map<String, String> meta = StateDicts.loadMetadata(f);
        assertThat(meta).containsEntry("format", "ember.checkpoint").containsEntry("format_version", "1")
                .containsEntry("epoch", "0").containsEntry("model", Net.class.getName())
                .containsEntry("extra", "{\"best_acc\":0.5}")
                .containsKeys("optimizer", "scheduler", "generator");
        assertThat(meta.get("optimizer")).startsWith("{\"type\":\"SGD\",\"state\":{\"0\":{\"momentum_buffer\":"
                + "{\"__tensor__\":\"optimizer.state.0.momentum_buffer\"}}");
        assertThat(meta.get("scheduler")).contains("\"type\":\"StepLR\"", "\"last_epoch\":1");
    }

    @Test
    void roundTripRestoresEveryStateExactly() throws IOException {
        for (Setup s : List.of(sgdStepLr(), adamOneCycle())) {
            Ember.manualSeed(2);
            train(s, loader(), 2);
            Path f = dir.resolve("rt.safetensors");
            Tensor tensorExtra = Tensor.fromArray(new double[] {1.5, -2}, 2);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("acc", 0.1);
            extra.put("tiny", Double.MIN_VALUE);
            extra.put("negzero", -0.0);
            extra.put("inf", Double.NEGATIVE_INFINITY);
            extra.put("nan", Double.NaN);
            extra.put("big", Long.MAX_VALUE);
            extra.put("name", "run \"7\"\n");
            extra.put("flags", List.of(true, false));
            extra.put("nested", Map.of("curve", new double[] {0.25, 1e-300}, "t", tensorExtra));
            extra.put("none", null);
            Checkpoint.save(f, s.net, s.opt, s.sched, 41, extra);

            Setup fresh = s.opt instanceof SGD ? sgdStepLr() : adamOneCycle();
            Checkpoint.Loaded ck = Checkpoint.load(f, fresh.net, fresh.opt, fresh.sched);
            assertThat(bits(fresh)).isEqualTo(bits(s));
            assertThat(ck.epoch()).isEqualTo(41);
            Map<String, Object> back = ck.extra();
            assertThat(back.keySet()).containsExactlyElementsOf(extra.keySet());
            assertThat(back).containsEntry("acc", 0.1).containsEntry("big", Long.MAX_VALUE)
                    .containsEntry("name", "run \"7\"\n").containsEntry("flags", List.of(true, false))
                    .containsEntry("none", null);
            for (String k : List.of("tiny", "negzero", "inf", "nan")) {
                assertThat(Double.doubleToRawLongBits((Double) back.get(k)))
                        .as(k).isEqualTo(Double.doubleToRawLongBits((Double) extra.get(k)));
            }
            Map<?, ?> nested = (Map<?, ?>) back.get("nested");
            assertThat(nested.get("curve")).isEqualTo(List.of(0.25, 1e-300));
            assertThat(((Tensor) nested.get("t")).equal(tensorExtra)).isTrue();
            assertThat(((Tensor) nested.get("t")).dtype()).isEqualTo(tensorExtra.dtype());
        }
    }

    @Test
    void nonFiniteSchedulerValuesRoundTrip() throws IOException {
        Net net = new Net();
        SGD opt = new SGD(net.parameters(), 0.1);
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(opt);   // best = +inf before the first metric
        Path f = dir.resolve("plateau.safetensors");
        Checkpoint.save(f, net, opt, plateau, 0, null);
        assertThat(StateDicts.loadMetadata(f).get("scheduler")).contains("\"best\":Infinity");
        Net net2 = new Net();
        SGD opt2 = new SGD(net2.parameters(), 0.1);
        ReduceLROnPlateau plateau2 = new ReduceLROnPlateau(opt2);
        plateau2.step(3.0);
        Checkpoint.load(f, net2, opt2, plateau2);
        assertThat(plateau2.stateDict()).isEqualTo(plateau.stateDict());
    }

    // ---------------------------------------------------------------- resuming

    @Test
    void resumedSgdMomentumStepLrRunIsBitIdentical() throws IOException {
        resumeMatchesStraightRun(CheckpointTest::sgdStepLr);
    }

    @Test
    void resumedAdamOneCycleRunIsBitIdentical() throws IOException {
        resumeMatchesStraightRun(CheckpointTest::adamOneCycle);
    }

    /** 2k epochs straight == k epochs, save, fresh objects (a disturbed generator), load, k more epochs. */
    private void resumeMatchesStraightRun(Supplier<Setup> setup) throws IOException {
        int k = 3;
        Ember.manualSeed(5);
        Setup straight = setup.get();
        train(straight, loader(), 2 * k);

        Ember.manualSeed(5);
        Setup first = setup.get();
        train(first, loader(), k);
        Path f = dir.resolve("resume.safetensors");
        Checkpoint.save(f, first.net, first.opt, first.sched, k - 1, null);
        assertThat(bits(first)).isNotEqualTo(bits(straight));

        Map<String, Object> resumed = resume(setup, f, k, true);
        assertThat(resumed).isEqualTo(bits(straight));
        // Control: without the generator state the shuffles and noise differ, so the weights do too.
        assertThat(resume(setup, f, k, false)).isNotEqualTo(bits(straight));
    }

    private static Map<String, Object> resume(Supplier<Setup> setup, Path f, int k,
            boolean restoreGenerator) throws IOException {
        Ember.manualSeed(99);                   // a new process would start from another generator state
        Setup second = setup.get();
        Checkpoint.Loaded ck = Checkpoint.load(f, second.net, second.opt, second.sched, restoreGenerator);
        assertThat(ck.epoch()).isEqualTo(k - 1);
        train(second, loader(), k);
        return bits(second);
    }

    // ---------------------------------------------------------------- mismatches and corruption

    private Path savedSgdCheckpoint() throws IOException {
        Ember.manualSeed(3);
        Setup s = sgdStepLr();
        train(s, loader(), 1);
        Path f = dir.resolve("sgd.safetensors");
        Checkpoint.save(f, s.net, s.opt, s.sched, 0, Map.of("note", "x"));
        return f;
    }

    /** Loading must fail with a message containing {@code expected}, leaving every given object as it was. */
    private static void failsAndLoadsNothing(Path f, Setup target, Class<? extends Exception> type, String... expected) {
        Map<String, Object> before = bits(target);
        long[] gen = Ember.defaultGenerator().getState();
        assertThatThrownBy(() -> Checkpoint.load(f, target.net, target.opt, target.sched, true))
                .isInstanceOf(type).message().contains(expected);
        assertThat(bits(target)).isEqualTo(before);
        assertThat(Ember.defaultGenerator().getState()).isEqualTo(gen);
    }

    @Test
    void checkpointOfAnotherModelFailsClearlyAndLeavesTheModelUntouched() throws IOException {
        Path f = savedSgdCheckpoint();
        OtherNet other = new OtherNet();
        Map<String, List<Integer>> before = modelBits(other);
        assertThatThrownBy(() -> Checkpoint.load(f, other, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpoint " + f + " does not fit the model (saved from a " + Net.class.getName()
                        + ", loading into a " + OtherNet.class.getName() + ")")
                .hasMessageContaining("Error(s) in loading state_dict for OtherNet:")
                .hasMessageContaining("Missing key(s) in state_dict: \"body.weight\", \"body.bias\".")
                .hasMessageContaining("Unexpected key(s) in state_dict: \"running_mean\", \"fc1.weight\", \"fc1.bias\".")
                .hasMessageContaining("size mismatch for fc2.weight: copying a param with shape [3, 8] from the "
                        + "state_dict, the shape in the current model is [3, 5].")
                .hasMessageContaining("Nothing was loaded");
        assertThat(modelBits(other)).isEqualTo(before);

        Ember.manualSeed(4);
        Net wider = new Net(9);   // same keys, other shapes: also untouched, optimizer and scheduler included
        SGD opt = new SGD(wider.parameters(), 0.1).momentum(0.9);
        failsAndLoadsNothing(f, new Setup(wider, opt, new StepLR(opt, 2, 0.5), false), IllegalArgumentException.class,
                "size mismatch for fc1.weight: copying a param with shape [8, 4] from the state_dict, the shape in "
                        + "the current model is [9, 4]");
    }

    @Test
    void optimizerTypeMismatchFailsAndLoadsNothing() throws IOException {
        Path f = savedSgdCheckpoint();
        Ember.manualSeed(6);
        Setup adam = adamOneCycle();
        train(adam, loader(), 1);   // so the target has state of its own that must survive
        failsAndLoadsNothing(f, adam, IllegalArgumentException.class,
                "holds the state of optimizer SGD, but the optimizer given is Adam. Nothing was loaded");

        Net net = new Net();
        SGD sgd = new SGD(net.parameters(), 0.1).momentum(0.9);
        failsAndLoadsNothing(f, new Setup(net, sgd, new OneCycleLR(sgd, 0.1, 10), true), IllegalArgumentException.class,
                "holds the state of scheduler StepLR, but the scheduler given is OneCycleLR");
    }

    @Test
    void optimizerWithOtherParamGroupsFailsAndLoadsNothing() throws IOException {
        Path f = savedSgdCheckpoint();
        Net net = new Net();
        SGD sgd = new SGD(List.of(ParamGroup.of(net.fc1.parameters()),
                ParamGroup.of(net.fc2.parameters())), 0.1).momentum(0.9);
        failsAndLoadsNothing(f, new Setup(net, sgd, new StepLR(sgd, 2, 0.5), false), IllegalArgumentException.class,
                "different number of parameter groups (1) than the optimizer (2)", "Nothing was loaded");
    }

    @Test
    void aSchedulerFailureRollsBackTheOptimizer() throws IOException {
        Path f = savedSgdCheckpoint();
        // The same file with StepLR's "gamma" removed: the optimizer loads first and must be restored.
        StateDicts.Contents c = StateDicts.read(f);
        Map<String, String> meta = new LinkedHashMap<>(c.metadata());
        meta.put("scheduler", meta.get("scheduler").replaceAll(",\"gamma\":[^,}]+", ""));
        assertThat(meta.get("scheduler")).doesNotContain("gamma");
        Path broken = dir.resolve("broken.safetensors");
        StateDicts.saveWithMetadata(c.tensors(), meta, broken);

        Ember.manualSeed(8);
        Setup target = sgdStepLr();
        train(target, loader(), 2);
        failsAndLoadsNothing(broken, target, IllegalArgumentException.class, "missing \"gamma\"",
                "Nothing was loaded");
    }

    @Test
    void missingSectionsAreNamed() throws IOException {
        Net net = new Net();
        Path f = dir.resolve("model-only.safetensors");
        Checkpoint.save(f, net, null, null, 7, null);
        Net net2 = new Net();
        SGD opt = new SGD(net2.parameters(), 0.1);
        failsAndLoadsNothing(f, new Setup(net2, opt, null, false), IllegalArgumentException.class,
                "holds no optimizer state (it was saved without one); pass null as the optimizer to load the rest");
        assertThat(Checkpoint.load(f, net2, null, null).epoch()).isEqualTo(7);
        assertThat(modelBits(net2)).isEqualTo(modelBits(net));

        StateDicts.Contents c = StateDicts.read(f);
        Map<String, String> meta = new LinkedHashMap<>(c.metadata());
        meta.remove("generator");
        Path noGen = dir.resolve("nogen.safetensors");
        StateDicts.saveWithMetadata(c.tensors(), meta, noGen);
        assertThatThrownBy(() -> Checkpoint.load(noGen, new Net(), null, null))
                .isInstanceOf(SafetensorsException.class)
                .hasMessageContaining("checkpoint " + noGen + ": __metadata__ has no \"generator\" section");
    }

    @Test
    void truncatedFileFailsClearlyAndLoadsNothing() throws IOException {
        Path f = savedSgdCheckpoint();
        byte[] all = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.safetensors");
        Files.write(cut, Arrays.copyOf(all, all.length - 10));
        Ember.manualSeed(9);
        failsAndLoadsNothing(cut, sgdStepLr(), SafetensorsException.class, "safetensors file " + cut,
                "file truncated?");
        Path stub = dir.resolve("stub.safetensors");
        Files.write(stub, Arrays.copyOf(all, 5));
        failsAndLoadsNothing(stub, sgdStepLr(), SafetensorsException.class, "truncated, 5 bytes");
    }

    @Test
    void notACheckpointOrANewerFormatIsRefused() throws IOException {
        Net net = new Net();
        Path plain = dir.resolve("plain.safetensors");
        StateDicts.save(net.stateDict(), plain);
        failsAndLoadsNothing(plain, new Setup(new Net(), null, null, false), SafetensorsException.class,
                "not an Ember checkpoint (its __metadata__ has no \"format\" entry); a plain state_dict file loads with "
                        + "StateDicts.load");

        Path f = dir.resolve("v.safetensors");
        Checkpoint.save(f, net, null, null, 0, null);
        StateDicts.Contents c = StateDicts.read(f);
        Map<String, String> meta = new LinkedHashMap<>(c.metadata());
        meta.put("format_version", "2");
        StateDicts.saveWithMetadata(c.tensors(), meta, f);
        failsAndLoadsNothing(f, new Setup(new Net(), null, null, false), SafetensorsException.class,
                "format_version 2 is not readable by this engine (it reads versions 1 to 1; the file was written by a "
                        + "newer Ember)");

        meta.put("format_version", "1");
        meta.put("extra", "{\"t\":{\"__tensor__\":\"extra.t\"}}");
        StateDicts.saveWithMetadata(c.tensors(), meta, f);
        failsAndLoadsNothing(f, new Setup(new Net(), null, null, false), SafetensorsException.class,
                "extra.t refers to tensor extra.t, which the file does not hold");

        meta.put("extra", "{}");
        LinkedHashMap<String, Tensor> stray = new LinkedHashMap<>(c.tensors());
        stray.put("optimizer.state.0.exp_avg", Tensor.zeros(2));
        StateDicts.saveWithMetadata(stray, meta, f);
        failsAndLoadsNothing(f, new Setup(new Net(), null, null, false), SafetensorsException.class,
                "entry 'optimizer.state.0.exp_avg' belongs to no section");

        meta.put("extra", "{\"a\":");
        StateDicts.saveWithMetadata(c.tensors(), meta, f);
        failsAndLoadsNothing(f, new Setup(new Net(), null, null, false), SafetensorsException.class,
                "__metadata__ \"extra\" is not valid JSON (malformed JSON at character 5");
    }

    @Test
    void badSaveArgumentsFailBeforeTouchingTheFile() throws IOException {
        Path f = savedSgdCheckpoint();
        byte[] before = Files.readAllBytes(f);
        Net net = new Net();
        SGD opt = new SGD(net.parameters(), 0.1);
        SGD otherOpt = new SGD(new Net().parameters(), 0.1);
        StepLR sched = new StepLR(otherOpt, 1);
        assertThatThrownBy(() -> Checkpoint.save(f, net, opt, sched, 0, null))
                .hasMessage("Checkpoint.save: the scheduler drives a different optimizer than the one given (its "
                        + "learning rates live in that optimizer's param groups)");
        assertThatThrownBy(() -> Checkpoint.save(f, net, opt, null, 0, Map.of("when", new java.util.Date())))
                .hasMessageStartingWith("Checkpoint.save: extra.when is a java.util.Date; values must be tensors");
        assertThatThrownBy(() -> Checkpoint.save(f, net, opt, null, 0, Map.of("m", Map.of("__tensor__", "x"))))
                .hasMessageContaining("extra.m has the key \"__tensor__\"");
        assertThatThrownBy(() -> Checkpoint.save(f, net, opt, null, 0,
                Map.of("a.b", Tensor.zeros(1), "a", Map.of("b", Tensor.zeros(1)))))
                .hasMessageContaining("two tensors would be stored as 'extra.a.b'");
        assertThatThrownBy(() -> Checkpoint.save(f, null, opt, null, 0, null)).hasMessageContaining("model is null");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("sgd.safetensors");
        }
    }
}
