package dev.ember.tfcompat.runtime;

import dev.ember.engine.Tensor;
import dev.ember.tfcompat.GraphOperation;
import dev.ember.tfcompat.checkpoint.Layouts;

/**
 * Keeps NHWC tensors in the engine's NCHW layout through chains of ops that can use them that way,
 * so that an NHWC conv stack pays one transpose into NCHW and one back, not a pair per op.
 *
 * <p>It works on the values of a run, as they are produced (see the package documentation for the
 * rules): NHWC-aware kernels read NCHW inputs with {@link KernelContext#nchw(int)} and emit NCHW-laid
 * outputs with {@link KernelContext#nchwOutput(Tensor, int)}; {@link Kernel#elementwise()} kernels
 * run on NCHW-laid inputs as they are and pass the layout on; everything else sees the TF tensor,
 * converted back on first use. A session created with TF's {@code RewriterConfig.layout_optimizer =
 * OFF} runs without the pass: every NHWC-aware kernel converts its output back at once.
 *
 * <p>{@link #transposes()} counts the layout conversions of the current thread (a test hook).
 */
public final class LayoutPass {
    private static final ThreadLocal<long[]> TRANSPOSES = ThreadLocal.withInitial(() -> new long[1]);

    private LayoutPass() {
    }

    /** NHWC-to-NCHW and NCHW-to-NHWC conversions of activations run on this thread so far. */
    public static long transposes() {
        return TRANSPOSES.get()[0];
    }

    /** A rank-4 NHWC tensor as NCHW (a counted conversion; keeps autograd history). */
    static Tensor toNchw(Tensor nhwc) {
        TRANSPOSES.get()[0]++;
        return Layouts.nhwcToNchw(nhwc);
    }

    /** A rank-4 NCHW tensor as NHWC (a counted conversion; keeps autograd history). */
    static Tensor toNhwc(Tensor nchw) {
        TRANSPOSES.get()[0]++;
        return Layouts.nchwToNhwc(nchw);
    }

    /** Runs {@code kernel} on {@code op}: elementwise kernels directly on NCHW-laid inputs where the pass allows. */
    static Value[] compute(GraphOperation op, Kernel kernel, Value[] in, SessionState session, RunState run) {
        Value[] physical = kernel.elementwise() && session.layoutOptimizer() ? inNchw(in) : null;
        if (physical == null) {
            return kernel.compute(new KernelContext(op, in, session, run));
        }
        Value[] out = kernel.compute(new KernelContext(op, physical, session, run));
        Value[] laid = new Value[out.length];
        for (int i = 0; i < out.length; i++) {
            Value v = out[i];
            boolean plain = v.layout() == Layout.LOGICAL && !v.isRef() && !v.isResource() && !v.isStrings();
            laid[i] = plain && v.physical().dim() == 4 ? Value.nchw(v.physical(), v.dtype()) : v;
        }
        return laid;
    }

    /**
     * The inputs of an elementwise op in NCHW when one of them is NCHW-laid and all are tensors of rank
     * at most 4; else {@code null} (the op then sees TF tensors). Rank-4 TF tensors are converted (once
     * per value), lower ranks broadcast against NHWC are permuted views (no copy).
     */
    private static Value[] inNchw(Value[] in) {
        boolean any = false;
        for (Value v : in) {
            if (v == null || v.isRef() || v.isResource() || v.isStrings() || v.shape().length > 4) {
                return null;
            }
            any |= v.layout() == Layout.NCHW;
        }
        if (!any) {
            return null;
        }
        Value[] out = new Value[in.length];
        for (int i = 0; i < in.length; i++) {
            Value v = in[i];
            Tensor t;
            if (v.layout() == Layout.NCHW || v.shape().length == 4) {
                t = v.nchwOfNhwc();
            } else {
                long[] s = v.shape();
                long[] four = {1, 1, 1, 1};
                System.arraycopy(s, 0, four, 4 - s.length, s.length);
                t = v.tensor().reshape(four).permute(0, 3, 1, 2);
            }
            out[i] = Value.of(t, v.dtype());
        }
        return out;
    }
}
