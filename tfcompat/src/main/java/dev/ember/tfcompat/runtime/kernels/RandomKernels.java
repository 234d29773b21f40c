package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.Kernels.of;
import static dev.ember.tfcompat.runtime.Kernels.sameAs;
import static dev.ember.tfcompat.runtime.Kernels.stateful;

import dev.ember.engine.Ember;
import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.SessionState;
import dev.ember.tfcompat.runtime.Value;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * Random ops ({@code RandomUniform}, {@code RandomStandardNormal}, {@code TruncatedNormal},
 * {@code RandomUniformInt}, {@code RandomShuffle} and the {@code Stateless*} forms).
 *
 * <p>The numbers are NOT TensorFlow's: TF draws from Philox streams that are not reproduced here, so
 * the same seed gives different values than TF (same distributions; the parity suite compares
 * statistics). The seeding semantics are TF's: an op with a non-zero {@code seed} or {@code seed2}
 * attribute starts, in every session, the same stream, determined by {@code (seed, seed2, op type)};
 * each run of the op continues its stream, so successive runs give new values and a new session
 * repeats the sequence. With both seeds 0 (TF: non-deterministic) the stream is seeded from the
 * engine's default generator, so {@code Ember.manualSeed} makes such programs repeat too. Stateless
 * ops give the same values for the same {@code seed} input on every run.
 */
public final class RandomKernels {
    /** The stream of each stateful random node, per session (a new session starts every stream afresh). */
    private static final Map<SessionState, Map<String, Generator>> STREAMS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private enum Dist { UNIFORM, NORMAL, TRUNCATED }

    private RandomKernels() {
    }

    public static void register() {
        OpRegistry.register("RandomUniform", stateful(n -> floatOutput(n, n.attrType("dtype")),
                ctx -> sample(ctx, stream(ctx), Dist.UNIFORM)));
        OpRegistry.register("RandomStandardNormal", stateful(n -> floatOutput(n, n.attrType("dtype")),
                ctx -> sample(ctx, stream(ctx), Dist.NORMAL)));
        OpRegistry.register("TruncatedNormal", stateful(n -> floatOutput(n, n.attrType("dtype")),
                ctx -> sample(ctx, stream(ctx), Dist.TRUNCATED)));
        OpRegistry.register("RandomUniformInt", stateful(RandomKernels::intOutput, RandomKernels::uniformInt));
        OpRegistry.register("RandomShuffle", stateful(sameAs(0), RandomKernels::shuffle));
        OpRegistry.register("StatelessRandomUniform", of(RandomKernels::statelessOutput,
                ctx -> sample(ctx, statelessStream(ctx), Dist.UNIFORM)));
        OpRegistry.register("StatelessRandomNormal", of(RandomKernels::statelessOutput,
                ctx -> sample(ctx, statelessStream(ctx), Dist.NORMAL)));
        OpRegistry.register("StatelessTruncatedNormal", of(RandomKernels::statelessOutput,
                ctx -> sample(ctx, statelessStream(ctx), Dist.TRUNCATED)));
    }

    // ------------------------------------------------------------------ output rules

    private static OutputSpec[] floatOutput(NodeView n, DataType dtype) {
        if (dtype != DataType.DT_FLOAT && dtype != DataType.DT_DOUBLE) {
            throw n.invalid("dtype " + name(dtype) + " is not supported (tfcompat draws float and double)");
        }
        return new OutputSpec[] {new OutputSpec(dtype, staticShape(n))};
    }

    private static OutputSpec[] statelessOutput(NodeView n) {
        n.expectInputs(2);
        checkIntegral(n, 1, "seed");
        Shape seed = n.inputShape(1);
        if (!seed.isUnknown() && !(seed.numDimensions() == 1 && seed.size(0) < 0) && !seed.equals(Shape.of(2))) {
            throw n.invalid("seed must have shape [2], not " + CoreKernels.shapeText(seed));
        }
        return floatOutput(n, n.attrType("dtype", DataType.DT_FLOAT));
    }

    private static OutputSpec[] intOutput(NodeView n) {
        n.expectInputs(3);
        DataType t = n.inputType(1);
        if (t != DataType.DT_INT32 && t != DataType.DT_INT64) {
            throw n.invalid("minval has type " + name(t) + "; RandomUniformInt draws int32 or int64");
        }
        if (n.inputType(2) != t) {
            throw n.invalid("maxval has type " + name(n.inputType(2)) + " but minval has type " + name(t));
        }
        for (int i = 1; i <= 2; i++) {
            Shape s = n.inputShape(i);
            if (!s.isUnknown() && s.numDimensions() != 0) {
                throw n.invalid((i == 1 ? "minval" : "maxval") + " must be 0-D, got shape " + CoreKernels.shapeText(s));
            }
        }
        return new OutputSpec[] {new OutputSpec(t, staticShape(n))};
    }

    /** The output shape from input 0: its values when it is a constant, else only its length. */
    private static Shape staticShape(NodeView n) {
        checkIntegral(n, 0, "shape");
        Optional<dev.ember.tfcompat.Tensor> c = n.constantInput(0);
        if (c.isPresent()) {
            long[] dims = TypeInfo.toEngine(c.get()).toLongArray();
            for (long d : dims) {
                if (d < 0) {
                    throw n.invalid("shape must not have negative dimensions, got " + Arrays.toString(dims));
                }
            }
            return Shape.of(dims);
        }
        Shape s = n.inputShape(0);
        if (!s.isUnknown() && s.numDimensions() == 1 && s.size(0) >= 0) {
            long[] dims = new long[(int) s.size(0)];
            Arrays.fill(dims, -1);
            return Shape.of(dims);
        }
        return Shape.unknown();
    }

    private static void checkIntegral(NodeView n, int i, String what) {
        DataType t = n.inputType(i);
        if (t != DataType.DT_INT32 && t != DataType.DT_INT64) {
            throw n.invalid(what + " must be int32 or int64, got " + name(t));
        }
    }

    // ------------------------------------------------------------------ streams

    /** This node's stream in this session: created on its first run, continued by later runs. */
    private static Generator stream(KernelContext ctx) {
        Map<String, Generator> perNode = STREAMS.computeIfAbsent(ctx.session(), s -> new HashMap<>());
        synchronized (perNode) {
            return perNode.computeIfAbsent(ctx.nodeName(), k -> {
                long seed = ctx.attrLong("seed", 0);
                long seed2 = ctx.attrLong("seed2", 0);
                return new Generator(seed == 0 && seed2 == 0 ? Ember.defaultGenerator().nextLong()
                        : mix(seed, seed2, ctx.opType()));
            });
        }
    }

    /** A fresh stream from the {@code seed} input's two values: the same every run. */
    private static Generator statelessStream(KernelContext ctx) {
        long[] seed = ctx.input(1).toLongArray();
        if (seed.length != 2 || ctx.input(1).dim() != 1) {
            throw ctx.invalid("seed must have shape [2], not " + Arrays.toString(ctx.input(1).shape()));
        }
        return new Generator(mix(seed[0], seed[1], ctx.opType()));
    }

    /** SplitMix64-style mixing of the two seeds and the op type into one generator seed. */
    static long mix(long seed, long seed2, String opType) {
        long h = 0x243F6A8885A308D3L;
        for (long x : new long[] {seed, seed2, opType.hashCode()}) {
            h += x + 0x9E3779B97F4A7C15L;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }

    // ------------------------------------------------------------------ sampling

    private static long[] dims(KernelContext ctx) {
        Tensor shape = ctx.input(0);
        if (shape.dim() != 1) {
            throw ctx.invalid("shape must be a vector, got a tensor of shape " + Arrays.toString(shape.shape()));
        }
        long[] dims = shape.toLongArray();
        for (long d : dims) {
            if (d < 0) {
                throw ctx.invalid("shape must not have negative dimensions, got " + Arrays.toString(dims));
            }
        }
        return dims;
    }

    private static Value[] sample(KernelContext ctx, Generator g, Dist dist) {
        long[] dims = dims(ctx);
        int n = Math.toIntExact(Shape.of(dims).size());
        DataType dtype = ctx.outputType(0);
        Tensor out;
        if (dtype == DataType.DT_FLOAT) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) draw(g, dist, true);
            }
            out = Tensor.fromArray(v, dims);
        } else {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = draw(g, dist, false);
            }
            out = Tensor.fromArray(v, dims);
        }
        return ctx.single(out);
    }

    /**
     * One value: uniform in [0, 1) (24 or 53 random bits, so a float never rounds up to 1), standard
     * normal, or standard normal redrawn until its magnitude is below 2 (TF's truncation) in the output precision.
     */
    private static double draw(Generator g, Dist dist, boolean single) {
        switch (dist) {
            case UNIFORM:
                return single ? (g.nextLong() >>> 40) * 0x1p-24 : (g.nextLong() >>> 11) * 0x1p-53;
            case NORMAL:
                return g.nextGaussian();
            default:
                while (true) {
                    double x = g.nextGaussian();
                    if (Math.abs(single ? (float) x : x) < 2.0) {
                        return x;
                    }
                }
        }
    }

    private static Value[] uniformInt(KernelContext ctx) {
        long[] dims = dims(ctx);
        Tensor minT = ctx.input(1);
        Tensor maxT = ctx.input(2);
        if (minT.dim() != 0 || maxT.dim() != 0) {
            throw ctx.invalid("minval and maxval must be 0-D, got shapes " + Arrays.toString(minT.shape()) + " and "
                    + Arrays.toString(maxT.shape()));
        }
        long lo = minT.toLongArray()[0];
        long hi = maxT.toLongArray()[0];
        int n = Math.toIntExact(Shape.of(dims).size());
        if (n > 0 && lo >= hi) {
            throw ctx.invalid("Need minval < maxval: " + lo + " >= " + hi);
        }
        Generator g = stream(ctx);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + g.nextLong(hi - lo);
        }
        return ctx.single(Tensor.fromArray(v, dims).to(TypeInfo.of(ctx.outputType(0)).engine()));
    }

    /** A random permutation along the first dimension (Fisher-Yates from the node's stream). */
    private static Value[] shuffle(KernelContext ctx) {
        Value in = ctx.value(0);
        long[] shape = in.isStrings() ? in.shape() : ctx.input(0).shape();
        if (shape.length == 0 || shape[0] <= 1) {
            return new Value[] {in.isStrings() ? in : Value.of(ctx.input(0), ctx.outputType(0))};
        }
        int rows = Math.toIntExact(shape[0]);
        long[] perm = new long[rows];
        for (int i = 0; i < rows; i++) {
            perm[i] = i;
        }
        Generator g = stream(ctx);
        for (int i = rows - 1; i > 0; i--) {
            int j = (int) g.nextLong(i + 1L);
            long t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        if (in.isStrings()) {
            String[] src = in.strings();
            int width = src.length / rows;
            String[] out = new String[src.length];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(src, (int) perm[r] * width, out, r * width, width);
            }
            return new Value[] {Value.strings(out, shape)};
        }
        return ctx.single(ctx.input(0).detach().indexSelect(0, Tensor.fromArray(perm, rows)));
    }

    private static String name(DataType t) {
        return TypeInfo.isSupported(t) ? TypeInfo.of(t).tfName() : t.toString();
    }
}
