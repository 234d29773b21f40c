package dev.ember.tfcompat.checkpoint;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a TF checkpoint into an engine state_dict: {@link NameRules} name each key (or skip it), the
 * layout {@link Transform} follows from the rule or from the tensor's kind, and an {@link ImportResult}
 * lists every decision as data. Mirrors what HuggingFace's {@code load_tf_weights_in_*} helpers do by
 * hand, with the decisions reported instead of guessed.
 *
 * <pre>{@code
 * ImportResult r = CheckpointImporter.with(NameRules.standard())
 *         .flattenFix("dense", 7, 7, 64)          // first Dense after Flatten of a 7x7x64 NHWC map
 *         .importFrom(Path.of("training/ckpt-3"));
 * System.out.println(r.toMarkdown());
 * }</pre>
 *
 * <p>Names and transforms are all decided from the index before any tensor is read. BatchNorm layers
 * (a {@code running_mean}) also get {@code num_batches_tracked} (int64 0), as PyTorch's BatchNorm has it.
 */
public final class CheckpointImporter {

    /**
     * The first Dense after a Flatten of an NHWC {@code h x w x c} map: its kernel is transposed and its
     * inputs reordered to NCHW flatten order ({@link Layouts#flattenOrderFix}). {@code layer} is the
     * layer's TF path ({@code dense_1}, {@code layer_with_weights-2}) or engine module name ({@code fc1}).
     */
    public record FlattenFix(String layer, long h, long w, long c) {
        public FlattenFix {
            if (h <= 0 || w <= 0 || c <= 0) {
                throw new IllegalArgumentException("flatten fix for '" + layer + "' needs positive H, W, C, got "
                        + h + ", " + w + ", " + c);
            }
        }
    }

    /** Most reading threads by default (see {@link #threads}). */
    static final int MAX_DEFAULT_THREADS = 4;

    private final NameRules rules;
    private final List<FlattenFix> flattenFixes;
    private final int threads;

    private CheckpointImporter(NameRules rules, List<FlattenFix> flattenFixes, int threads) {
        this.rules = rules;
        this.flattenFixes = List.copyOf(flattenFixes);
        this.threads = threads;
    }

    /** An importer naming tensors with {@code rules}. */
    public static CheckpointImporter with(NameRules rules) {
        return new CheckpointImporter(rules, List.of(),
                Math.max(1, Math.min(MAX_DEFAULT_THREADS, Runtime.getRuntime().availableProcessors())));
    }

    /** This importer, also fixing the flatten order of {@code layer}'s kernel (see {@link FlattenFix}). */
    public CheckpointImporter flattenFix(String layer, long h, long w, long c) {
        List<FlattenFix> all = new ArrayList<>(flattenFixes);
        all.add(new FlattenFix(layer, h, w, c));
        return new CheckpointImporter(rules, all, threads);
    }

    /**
     * This importer, with {@code n} threads reading, verifying and permuting tensors ahead of the calling
     * thread, which makes the engine tensors in order (default: the number of processors, at most
     * {@value #MAX_DEFAULT_THREADS}; 1 does everything on the calling thread). At most {@code 2n} tensors
     * and 256 MB are read ahead. The result is the same for every {@code n}: same order, same values, same
     * first error.
     */
    public CheckpointImporter threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        return new CheckpointImporter(rules, flattenFixes, n);
    }

    /** Opens the checkpoint at {@code path} (see {@link TfCheckpoint#open}), imports it and closes it. */
    public ImportResult importFrom(Path path) {
        try (TfCheckpoint ckpt = TfCheckpoint.open(path)) {
            return importFrom(ckpt);
        }
    }

    /** One planned output tensor. */
    private record Plan(CheckpointEntry entry, String engineName, Transform transform, FlattenFix fix) {
    }

    /** Imports from an open checkpoint (left open). */
    public ImportResult importFrom(TfCheckpoint ckpt) {
        Map<String, CheckpointEntry> byName = new LinkedHashMap<>();
        ckpt.entries().forEach(e -> byName.put(e.name(), e));
        Map<String, String> fullNames = ckpt.objectGraph().map(ObjectGraph::fullNamesByKey).orElse(Map.of());
        TensorKinds kinds = new TensorKinds(byName, fullNames);

        List<ImportResult.Skip> skipped = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        List<ImportResult.Problem> problems = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        Set<FlattenFix> usedFixes = new LinkedHashSet<>();
        for (CheckpointEntry e : byName.values()) {
            NameRules.Outcome o = rules.apply(e.name());
            if (o instanceof NameRules.Skipped s) {
                skipped.add(new ImportResult.Skip(e.name(), s.reason()));
            } else if (o instanceof NameRules.Unmapped) {
                unmapped.add(e.name());
            } else {
                NameRules.Mapped m = (NameRules.Mapped) o;
                Plan p = plan(e, m, kinds, problems);
                if (p != null) {
                    plans.add(p);
                    if (p.fix() != null) {
                        usedFixes.add(p.fix());
                    }
                }
            }
        }
        for (FlattenFix f : flattenFixes) {
            if (!usedFixes.contains(f)) {
                throw new IllegalArgumentException("flatten fix for layer '" + f.layer() + "' matched no Dense "
                        + "kernel; Dense kernels: " + denseLayers(plans));
            }
        }
        List<String> notes = new ArrayList<>();
        plans = withBatchNormCounters(plans, notes);
        return execute(ckpt, plans, skipped, unmapped, problems, notes);
    }

    private Plan plan(CheckpointEntry e, NameRules.Mapped m, TensorKinds kinds, List<ImportResult.Problem> problems) {
        String unreadable = e.unreadableReason();
        if (unreadable != null) {
            problems.add(new ImportResult.Problem(e.name(), unreadable));
            return null;
        }
        if (m.engineName().isEmpty() || m.engineName().startsWith(".") || m.engineName().endsWith(".")
                || m.engineName().contains("..")) {
            problems.add(new ImportResult.Problem(e.name(), "rule " + m.rule() + " gives the invalid engine name '"
                    + m.engineName() + "'"));
            return null;
        }
        Transform t = m.transform();
        if (t == Transform.AUTO) {
            TensorKinds.Decision d = kinds.decide(e);
            if (d.problem() != null) {
                problems.add(new ImportResult.Problem(e.name(), d.problem()));
                return null;
            }
            t = d.transform();
        }
        FlattenFix fix = fixFor(e, m.engineName());
        if (fix != null && (t == Transform.DENSE || t == Transform.FLATTEN_DENSE)) {
            return new Plan(e, m.engineName(), Transform.FLATTEN_DENSE, fix);
        }
        if (t == Transform.FLATTEN_DENSE) {
            problems.add(new ImportResult.Problem(e.name(), "transform flatten_dense needs the flattened map's H, W, C:"
                    + " give a flatten fix for its layer"));
            return null;
        }
        return new Plan(e, m.engineName(), t, null);
    }

    private FlattenFix fixFor(CheckpointEntry e, String engineName) {
        TensorKinds.Parsed p = TensorKinds.Parsed.of(e.name());
        if (!p.leaf().equals("kernel") && !p.leaf().equals("weight")) {
            return null;
        }
        int dot = engineName.lastIndexOf('.');
        String module = dot < 0 ? "" : engineName.substring(0, dot);
        for (FlattenFix f : flattenFixes) {
            if (f.layer().equals(p.layer()) || f.layer().equals(module)) {
                return f;
            }
        }
        return null;
    }

    private static String denseLayers(List<Plan> plans) {
        List<String> out = new ArrayList<>();
        for (Plan p : plans) {
            if (p.transform() == Transform.DENSE) {
                out.add(TensorKinds.Parsed.of(p.entry().name()).layer());
            }
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    /** Adds {@code num_batches_tracked} after the last tensor of every module with a {@code running_mean}. */
    private static List<Plan> withBatchNormCounters(List<Plan> plans, List<String> notes) {
        Map<String, Integer> lastIndex = new LinkedHashMap<>();
        Set<String> bnModules = new LinkedHashSet<>();
        for (int i = 0; i < plans.size(); i++) {
            String name = plans.get(i).engineName();
            int dot = name.lastIndexOf('.');
            String module = dot < 0 ? "" : name.substring(0, dot);
            lastIndex.put(module, i);
            if (name.endsWith(".running_mean") && !module.isEmpty()) {
                bnModules.add(module);
            }
        }
        if (bnModules.isEmpty()) {
            return plans;
        }
        Map<Integer, String> after = new HashMap<>();
        for (String m : bnModules) {
            after.put(lastIndex.get(m), m);
        }
        List<Plan> out = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            out.add(plans.get(i));
            if (after.containsKey(i)) {
                out.add(new Plan(null, after.get(i) + ".num_batches_tracked", Transform.ADDED, null));
            }
        }
        notes.add("BatchNorm " + String.join(", ", bnModules) + ": eps and momentum are not in checkpoints; Keras "
                + "defaults are epsilon=1e-3, momentum=0.99, i.e. PyTorch eps=1e-3, momentum=0.01 (PyTorch's own "
                + "defaults are 1e-5 and 0.1)");
        return out;
    }

    private ImportResult execute(TfCheckpoint ckpt, List<Plan> plans, List<ImportResult.Skip> skipped,
                                 List<String> unmapped, List<ImportResult.Problem> problems, List<String> notes) {
        // Tensors are read ahead in plan order by the pipeline; names, clashes and problems are still decided
        // here one plan at a time, in order, so the result does not depend on the number of threads.
        List<Plan> reads = new ArrayList<>();
        for (Plan p : plans) {
            if (p.entry() != null && (!p.transform().producesTwoTensors() || p.engineName().contains("bias_ih"))) {
                reads.add(p);
            }
        }
        LinkedHashMap<String, Tensor> state = new LinkedHashMap<>();
        Map<String, String> producedBy = new HashMap<>();
        List<ImportResult.Row> rows = new ArrayList<>();
        try (ReadPipeline<Plan, Read> pipeline = new ReadPipeline<>(reads, threads, p -> p.entry().size(),
                (p, scratch) -> read(ckpt, p, scratch))) {
            for (Plan p : plans) {
                CheckpointEntry e = p.entry();
                String tfName = e == null ? null : e.name();
                String label = e == null ? "(" + p.engineName() + ", added)" : e.name();
                List<String> names = new ArrayList<>(List.of(p.engineName()));
                if (p.transform().producesTwoTensors()) {
                    if (!p.engineName().contains("bias_ih")) {
                        problems.add(new ImportResult.Problem(label, "transform " + p.transform() + " makes bias_ih "
                                + "and bias_hh, but the engine name '" + p.engineName() + "' has no 'bias_ih' to "
                                + "derive the bias_hh name from"));
                        continue;
                    }
                    names.add(p.engineName().replace("bias_ih", "bias_hh"));
                }
                ReadPipeline.Result<Read> read = e == null ? null : pipeline.next(p);
                String clash = names.stream().filter(producedBy::containsKey).findFirst().orElse(null);
                if (clash != null) {
                    problems.add(new ImportResult.Problem(label, "engine name '" + clash + "' is already produced by "
                            + (producedBy.get(clash) == null ? "the import" : "'" + producedBy.get(clash) + "'")));
                    continue;   // a tensor read ahead for this plan is dropped, and so is any error reading it
                }
                Tensor[] out;
                if (e == null) {
                    out = new Tensor[] {Tensor.zeros(DType.INT64)};
                } else {
                    try {
                        out = read.get().tensors(ckpt, pipeline.scratch());
                    } catch (IllegalArgumentException x) {
                        problems.add(new ImportResult.Problem(label, x.getMessage()));
                        continue;
                    }
                }
                for (int i = 0; i < names.size(); i++) {
                    producedBy.put(names.get(i), tfName);
                    state.put(names.get(i), out[i]);
                    rows.add(new ImportResult.Row(tfName, e == null ? null : e.dtype(), e == null ? null : e.shape(),
                            names.get(i), out[i].dtype(), out[i].shape(), p.transform()));
                }
            }
        }
        return new ImportResult(state, rows, skipped, unmapped, problems, notes);
    }

    /**
     * Reads {@code p}'s tensor(s), on a reading thread. The pure permutations (Dense, Conv, depthwise and
     * LSTM kernels, the flatten fix) are done while copying out of the read buffer, into the bytes the
     * tensor is then made from; the rest read the stored tensor and transform it with {@link Layouts}.
     * Either way the result is {@code apply(p, ckpt.read(name))}, bit for bit.
     */
    private static Read read(TfCheckpoint ckpt, Plan p, TfCheckpoint.Scratch scratch) {
        CheckpointEntry e = p.entry();
        Permutation perm = Permutation.of(p.transform(), e.shape(), p.fix());
        if (perm == null) {
            return new Read(apply(p, ckpt.read(e.name())), null);
        }
        return new Read(null, ckpt.decode(e, perm.view(), perm.dims(), perm.out(), scratch));
    }

    /**
     * What a reading thread hands over: finished tensors, or decoded bytes that the consuming thread turns
     * into the tensor. Making every large tensor on one thread keeps its native memory in that thread's
     * malloc arena, which the next import reuses (measured: 2 threads each allocating their tensors were
     * slower than 1 thread).
     */
    private record Read(Tensor[] done, TfCheckpoint.Decoded decoded) {
        Tensor[] tensors(TfCheckpoint ckpt, TfCheckpoint.Scratch scratch) {
            if (done != null) {
                return done;
            }
            try {
                return new Tensor[] {ckpt.toTensor(decoded)};
            } finally {
                scratch.give(decoded.array());
            }
        }
    }

    /**
     * A transform that is a pure permutation of the stored elements: the stored tensor viewed as {@code view},
     * permuted by {@code dims} ({@code null}: unchanged), shaped {@code out}.
     */
    record Permutation(long[] view, int[] dims, long[] out) {

        /**
         * The permutation {@code t} applies to a tensor of {@code shape}, or {@code null} when it is not one
         * or when {@link Layouts} would refuse the shape (the fallback then reports Layouts' own error).
         */
        static Permutation of(Transform t, long[] s, FlattenFix fix) {
            switch (t) {
                case NONE: return new Permutation(s, null, s);
                case DENSE: return s.length == 2 ? permuted(s, 1, 0) : null;
                case LSTM_KERNEL:
                    return s.length == 2 && s[1] % 4 == 0 ? permuted(s, 1, 0) : null;
                case LSTM_RECURRENT:
                    return s.length == 2 && s[1] == 4 * s[0] ? permuted(s, 1, 0) : null;
                case CONV1D: return s.length == 3 ? permuted(s, 2, 1, 0) : null;
                case CONV2D:
                case CONV2D_TRANSPOSE:
                    return s.length == 4 ? permuted(s, 3, 2, 0, 1) : null;
                case CONV3D: return s.length == 5 ? permuted(s, 4, 3, 0, 1, 2) : null;
                case DEPTHWISE:
                    // [kh,kw,C,M] -> permute(2,3,0,1) -> [C*M, 1, kh, kw]
                    return s.length == 4 ? new Permutation(s, new int[] {2, 3, 0, 1},
                            new long[] {s[2] * s[3], 1, s[0], s[1]}) : null;
                case FLATTEN_DENSE: {
                    // kernel [H*W*C, out] = [H,W,C,out] -> [out,C,H,W] -> [out, C*H*W] (Linear weight, NCHW order)
                    if (fix == null || s.length != 2 || s[0] != fix.h() * fix.w() * fix.c()) {
                        return null;
                    }
                    return new Permutation(new long[] {fix.h(), fix.w(), fix.c(), s[1]}, new int[] {3, 2, 0, 1},
                            new long[] {s[1], s[0]});
                }
                default: return null;
            }
        }

        private static Permutation permuted(long[] s, int... dims) {
            long[] out = new long[dims.length];
            for (int k = 0; k < dims.length; k++) {
                out[k] = s[dims[k]];
            }
            return new Permutation(s, dims, out);
        }
    }

    private static Tensor[] apply(Plan p, Tensor t) {
        switch (p.transform()) {
            case NONE: return new Tensor[] {t};
            case DENSE: return new Tensor[] {Layouts.denseKernelToLinearWeight(t)};
            case FLATTEN_DENSE: {
                FlattenFix f = p.fix();
                return new Tensor[] {Layouts.flattenOrderFix(Layouts.denseKernelToLinearWeight(t), f.h(), f.w(), f.c())};
            }
            case CONV1D: return new Tensor[] {Layouts.wioToOiw(t)};
            case CONV2D: return new Tensor[] {Layouts.hwioToOihw(t)};
            case CONV3D: return new Tensor[] {Layouts.dhwioToOidhw(t)};
            case DEPTHWISE: return new Tensor[] {Layouts.depthwiseToOihw(t)};
            case CONV2D_TRANSPOSE: return new Tensor[] {Layouts.conv2dTransposeKernelToWeight(t)};
            case LSTM_KERNEL: return new Tensor[] {Layouts.lstmKernelToWeight(t)};
            case LSTM_RECURRENT: return new Tensor[] {Layouts.lstmRecurrentKernelToWeight(t)};
            case LSTM_BIAS: return Layouts.lstmBiasToBiases(t);
            case GRU_KERNEL: return new Tensor[] {Layouts.gruKernelToWeight(t)};
            case GRU_RECURRENT: return new Tensor[] {Layouts.gruRecurrentKernelToWeight(t)};
            case GRU_BIAS: return Layouts.gruBiasToBiases(t);
            default: throw new IllegalStateException("transform " + p.transform() + " at execution");
        }
    }
}
