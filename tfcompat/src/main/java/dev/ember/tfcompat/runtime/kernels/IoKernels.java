package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.Kernels.of;
import static dev.ember.tfcompat.runtime.Kernels.stateful;
import static dev.ember.tfcompat.runtime.Kernels.withListOutput;

import dev.ember.engine.Tensor;
import dev.ember.tfcompat.checkpoint.CheckpointEntry;
import dev.ember.tfcompat.checkpoint.CheckpointException;
import dev.ember.tfcompat.checkpoint.CheckpointMerge;
import dev.ember.tfcompat.checkpoint.TfCheckpoint;
import dev.ember.tfcompat.checkpoint.TfCheckpointWriter;
import dev.ember.tfcompat.checkpoint.TfDataType;
import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.exceptions.TFNotFoundException;
import dev.ember.tfcompat.exceptions.TFUnimplementedException;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.Kernels;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * Checkpoint I/O on TF's tensor-bundle format, through {@link TfCheckpointWriter} and
 * {@link TfCheckpoint}: {@code SaveV2}, {@code RestoreV2}, {@code MergeV2Checkpoints}, the
 * string ops TF's savers build file names with ({@code StringJoin}, {@code ShardedFilename},
 * {@code StaticRegexFullMatch}), and {@code ZerosLike} (numeric and string), which TF-Java's saver
 * applies to the key names. Files written here are read by TF and vice versa. Only whole tensors
 * (empty {@code shape_and_slices}) are supported; a slice spec is a clear error.
 */
public final class IoKernels {
    private IoKernels() {
    }

    public static void register() {
        OpRegistry.register("SaveV2", stateful(IoKernels::saveOutputs, IoKernels::save));
        OpRegistry.register("RestoreV2", withListOutput(stateful(IoKernels::restoreOutputs, IoKernels::restore),
                "tensors"));
        OpRegistry.register("MergeV2Checkpoints", stateful(
                n -> {
                    stringInput(n, 0, "checkpoint_prefixes");
                    stringInput(n, 1, "destination_prefix");
                    return new OutputSpec[0];
                },
                ctx -> {
                    List<Path> sources = new ArrayList<>();
                    for (String s : strings(ctx, 0)) {
                        sources.add(Paths.get(s));
                    }
                    try {
                        CheckpointMerge.merge(sources, Paths.get(scalarString(ctx, 1, "destination_prefix")),
                                ctx.attrBool("delete_old_dirs", true), ctx.attrBool("allow_missing_files", false));
                    } catch (CheckpointException e) {
                        throw ctx.invalid(e.getMessage());
                    }
                    return new Value[0];
                }));
        OpRegistry.register("StringJoin", of(IoKernels::joinOutputs, IoKernels::join));
        OpRegistry.register("ShardedFilename", of(
                n -> new OutputSpec[] {new OutputSpec(DataType.DT_STRING, n.inputShape(0))},
                ctx -> {
                    String base = scalarString(ctx, 0, "basename");
                    long shard = ctx.input(1).toLongArray()[0];
                    long num = ctx.input(2).toLongArray()[0];
                    String name = String.format("%s-%05d-of-%05d", base, shard, num);
                    return new Value[] {Value.strings(new String[] {name}, new long[0])};
                }));
        OpRegistry.register("StaticRegexFullMatch", of(
                n -> new OutputSpec[] {new OutputSpec(DataType.DT_BOOL, n.inputShape(0))},
                ctx -> {
                    Pattern p = Pattern.compile(ctx.attrString("pattern", ""));
                    String[] in = strings(ctx, 0);
                    boolean[] out = new boolean[in.length];
                    for (int i = 0; i < in.length; i++) {
                        out[i] = p.matcher(in[i]).matches();
                    }
                    return ctx.single(Tensor.fromArray(out, ctx.value(0).shape()));
                }));
    }

    // ---------------------------------------------------------------- SaveV2

    private static OutputSpec[] saveOutputs(NodeView n) {
        stringInput(n, 0, "prefix");
        stringInput(n, 1, "tensor_names");
        stringInput(n, 2, "shape_and_slices");
        return new OutputSpec[0];
    }

    /** SaveV2: writes the tensors (inputs 3..) under {@code tensor_names} as checkpoint {@code prefix}. */
    private static Value[] save(KernelContext ctx) {
        String prefix = scalarString(ctx, 0, "prefix");
        String[] names = strings(ctx, 1);
        String[] slices = strings(ctx, 2);
        int n = ctx.numInputs() - 3;
        if (names.length != n || slices.length != n) {
            throw ctx.invalid("Expected " + n + " tensor_names and shape_and_slices for " + n + " tensors, got "
                    + names.length + " and " + slices.length);
        }
        checkWholeTensors(ctx, names, slices);
        Path p = Paths.get(prefix).toAbsolutePath().normalize();
        createDirectory(ctx, p.getParent());
        try (TfCheckpointWriter w = TfCheckpointWriter.create(p)) {
            for (int i = 0; i < n; i++) {
                add(w, names[i], ctx.value(3 + i), ctx.inputType(3 + i), ctx);
            }
            w.commit();
        } catch (CheckpointException | IllegalArgumentException e) {
            throw ctx.invalid("SaveV2 to " + prefix + ": " + e.getMessage());
        }
        return new Value[0];
    }

    private static void add(TfCheckpointWriter w, String name, Value v, DataType type, KernelContext ctx) {
        if (v.isStrings()) {
            List<byte[]> bytes = new ArrayList<>();
            for (String s : v.strings()) {
                bytes.add(s.getBytes(StandardCharsets.UTF_8));
            }
            w.addStrings(name, v.shape(), bytes);
            return;
        }
        if (v.isResource()) {
            throw ctx.invalid("tensor '" + name + "' is a resource handle; save the variable's value (ReadVariableOp)");
        }
        Tensor t = ctx.run().read(v).detach();
        if (type == DataType.DT_UINT8) {
            long[] values = t.toLongArray();
            ByteBuffer b = ByteBuffer.allocate(values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (long x : values) {
                b.put((byte) x);
            }
            w.addRaw(name, TfDataType.UINT8, t.shape(), b.flip());
            return;
        }
        w.add(name, t.to(TypeInfo.of(type).engine()));
    }

    /** TF creates the checkpoint's directory, one level only (its parent must exist). */
    private static void createDirectory(KernelContext ctx, Path dir) {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectory(dir);
        } catch (java.io.IOException e) {
            throw new TFNotFoundException("node '" + ctx.nodeName() + "' (" + ctx.opType() + "): cannot create the "
                    + "checkpoint directory " + dir + " (" + e + "); its parent directory must exist");
        }
    }

    // ---------------------------------------------------------------- RestoreV2

    private static OutputSpec[] restoreOutputs(NodeView n) {
        stringInput(n, 0, "prefix");
        stringInput(n, 1, "tensor_names");
        stringInput(n, 2, "shape_and_slices");
        Object dtypes = n.attr("dtypes");
        DataType[] types = dtypes instanceof DataType[] ? (DataType[]) dtypes : new DataType[0];
        OutputSpec[] out = new OutputSpec[types.length];
        for (int i = 0; i < types.length; i++) {
            out[i] = OutputSpec.unknown(types[i]);
        }
        return out;
    }

    /** RestoreV2: the tensors named {@code tensor_names} from checkpoint {@code prefix}, in the declared dtypes. */
    private static Value[] restore(KernelContext ctx) {
        String prefix = scalarString(ctx, 0, "prefix");
        String[] names = strings(ctx, 1);
        String[] slices = strings(ctx, 2);
        int n = ctx.op().numOutputs();
        if (names.length != n || slices.length != n) {
            throw ctx.invalid("Expected " + n + " tensor_names and shape_and_slices for " + n + " dtypes, got "
                    + names.length + " and " + slices.length);
        }
        checkWholeTensors(ctx, names, slices);
        Path p = Paths.get(prefix).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p.resolveSibling(p.getFileName() + ".index"))) {
            throw new TFNotFoundException("node '" + ctx.nodeName() + "' (RestoreV2): Unsuccessful TensorSliceReader "
                    + "constructor: Failed to find any matching files for " + prefix + " (no " + p.getFileName()
                    + ".index)");
        }
        Value[] out = new Value[n];
        try (TfCheckpoint ckpt = TfCheckpoint.open(p)) {
            for (int i = 0; i < n; i++) {
                out[i] = read(ckpt, names[i], ctx.outputType(i), ctx);
            }
        } catch (CheckpointException e) {
            throw ctx.invalid("RestoreV2 from " + prefix + ": " + e.getMessage());
        }
        return out;
    }

    private static Value read(TfCheckpoint ckpt, String name, DataType want, KernelContext ctx) {
        if (!ckpt.has(name)) {
            throw new TFNotFoundException("node '" + ctx.nodeName() + "' (RestoreV2): Key " + name
                    + " not found in checkpoint " + ckpt.prefix());
        }
        CheckpointEntry e = ckpt.entry(name);
        if (e.dtypeNumber() != want.getNumber()) {
            throw ctx.invalid("tensor_name = " + name + "; expected dtype " + tfName(want)
                    + " does not equal original dtype " + e.dtype().tfName());
        }
        if (want == DataType.DT_STRING) {
            List<byte[]> raw = ckpt.readStrings(name);
            String[] s = new String[raw.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = new String(raw.get(i), StandardCharsets.UTF_8);
            }
            return Value.strings(s, e.shape());
        }
        if (!TypeInfo.isSupported(want)) {
            throw new TFUnimplementedException("node '" + ctx.nodeName() + "' (RestoreV2): tensor '" + name
                    + "' is " + e.dtype().tfName() + ", a dtype tfcompat cannot hold");
        }
        return Value.of(ckpt.read(name).to(TypeInfo.of(want).engine()), want);
    }

    private static String tfName(DataType t) {
        return TypeInfo.isSupported(t) ? TypeInfo.of(t).tfName() : t.name();
    }

    private static void checkWholeTensors(KernelContext ctx, String[] names, String[] slices) {
        for (int i = 0; i < slices.length; i++) {
            if (!slices[i].isEmpty()) {
                throw new TFUnimplementedException("node '" + ctx.nodeName() + "' (" + ctx.opType() + "): tensor '"
                        + names[i] + "' has shape_and_slice '" + slices[i] + "'; tfcompat saves and restores whole "
                        + "tensors only (shape_and_slices must be empty strings)");
            }
        }
    }

    // ---------------------------------------------------------------- StringJoin

    private static OutputSpec[] joinOutputs(NodeView n) {
        Shape s = Shape.scalar();
        for (int i = 0; i < n.numInputs(); i++) {
            stringInput(n, i, "inputs");
            Shape si = n.inputShape(i);
            if (si.isUnknown() || si.numDimensions() > 0) {
                s = si;
            }
        }
        return new OutputSpec[] {new OutputSpec(DataType.DT_STRING, s)};
    }

    /** StringJoin: elementwise concatenation with {@code separator}; scalars broadcast against equal-shaped tensors. */
    private static Value[] join(KernelContext ctx) {
        String sep = ctx.attrString("separator", "");
        long[] shape = new long[0];
        int size = 1;
        for (int i = 0; i < ctx.numInputs(); i++) {
            long[] si = ctx.value(i).shape();
            if (si.length > 0) {
                if (shape.length > 0 && !Arrays.equals(shape, si)) {
                    throw ctx.invalid("Input shapes do not match: " + Arrays.toString(shape) + " vs. "
                            + Arrays.toString(si));
                }
                shape = si;
                size = ctx.value(i).strings().length;
            }
        }
        String[] out = new String[size];
        for (int k = 0; k < size; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < ctx.numInputs(); i++) {
                String[] in = strings(ctx, i);
                sb.append(i == 0 ? "" : sep).append(in.length == 1 && ctx.value(i).shape().length == 0 ? in[0] : in[k]);
            }
            out[k] = sb.toString();
        }
        return new Value[] {Value.strings(out, shape)};
    }

    // ---------------------------------------------------------------- helpers

    private static void stringInput(NodeView n, int i, String what) {
        if (i >= n.numInputs()) {
            throw n.invalid("missing input '" + what + "'");
        }
        if (n.inputType(i) != DataType.DT_STRING) {
            throw n.invalid("input '" + what + "' must be a string tensor, got " + n.inputType(i));
        }
    }

    private static String[] strings(KernelContext ctx, int i) {
        Value v = ctx.value(i);
        if (!v.isStrings()) {
            throw new TFInvalidArgumentException("node '" + ctx.nodeName() + "' (" + ctx.opType() + "): input " + i
                    + " must be a string tensor");
        }
        return v.strings();
    }

    private static String scalarString(KernelContext ctx, int i, String what) {
        String[] s = strings(ctx, i);
        if (s.length != 1) {
            throw ctx.invalid("input '" + what + "' must be a scalar string, got " + s.length + " strings");
        }
        return s[0];
    }
}
