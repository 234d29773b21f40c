package dev.ember.tfcompat.runtime;

import dev.ember.engine.Tensor;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.tensorflow.ndarray.Shape;

/** Building blocks for kernels: common output rules and one-line kernel shapes. */
public final class Kernels {
    private Kernels() {
    }

    /** Computes outputs from a run-time context. */
    @FunctionalInterface
    public interface Compute {
        Value[] apply(KernelContext ctx);
    }

    /** Decides outputs at build time. */
    @FunctionalInterface
    public interface Outputs {
        OutputSpec[] apply(NodeView node);
    }

    /** A kernel from its two halves. */
    public static Kernel of(Outputs outputs, Compute compute) {
        return new Kernel() {
            @Override
            public OutputSpec[] outputs(NodeView node) {
                return outputs.apply(node);
            }

            @Override
            public Value[] compute(KernelContext ctx) {
                return compute.apply(ctx);
            }
        };
    }

    /** A stateful kernel from its two halves. */
    public static Kernel stateful(Outputs outputs, Compute compute) {
        return new Kernel() {
            @Override
            public OutputSpec[] outputs(NodeView node) {
                return outputs.apply(node);
            }

            @Override
            public Value[] compute(KernelContext ctx) {
                return compute.apply(ctx);
            }

            @Override
            public boolean stateful() {
                return true;
            }
        };
    }

    /**
     * {@code kernel} with TF's output argument names, one output each ({@code "y", "batch_mean", ...}),
     * so that FunctionDef bodies can name its outputs {@code node:arg:0}.
     */
    public static Kernel withOutputArgs(Kernel kernel, String... names) {
        java.util.List<OutputArg> args = new java.util.ArrayList<>();
        for (String n : names) {
            args.add(new OutputArg(n, 1));
        }
        java.util.List<OutputArg> fixed = java.util.List.copyOf(args);
        return new Delegating(kernel) {
            @Override
            public java.util.List<OutputArg> outputArgs(NodeView node, int numOutputs) {
                return fixed;
            }
        };
    }

    /** {@code kernel} whose outputs are all one list argument {@code name} ({@code RestoreV2}'s {@code tensors}). */
    public static Kernel withListOutput(Kernel kernel, String name) {
        return new Delegating(kernel) {
            @Override
            public java.util.List<OutputArg> outputArgs(NodeView node, int numOutputs) {
                return java.util.List.of(new OutputArg(name, numOutputs));
            }
        };
    }

    /** A kernel forwarding everything to another; subclasses override one aspect. */
    private abstract static class Delegating implements Kernel {
        private final Kernel inner;

        Delegating(Kernel inner) {
            this.inner = inner;
        }

        @Override
        public OutputSpec[] outputs(NodeView node) {
            return inner.outputs(node);
        }

        @Override
        public Value[] compute(KernelContext ctx) {
            return inner.compute(ctx);
        }

        @Override
        public boolean stateful() {
            return inner.stateful();
        }

        @Override
        public boolean elementwise() {
            return inner.elementwise();
        }
    }

    /** One output with input {@code i}'s type and shape. */
    public static Outputs sameAs(int i) {
        return n -> new OutputSpec[] {new OutputSpec(n.inputType(i), n.inputShape(i))};
    }

    /** One output with input 0's type and the broadcast of the inputs' static shapes. */
    public static Outputs broadcast() {
        return n -> {
            Shape s = n.inputShape(0);
            for (int i = 1; i < n.numInputs(); i++) {
                s = broadcastShapes(s, n.inputShape(i));
            }
            return new OutputSpec[] {new OutputSpec(n.inputType(0), s)};
        };
    }

    /** NumPy broadcasting of static shapes; unknown where not decidable. */
    public static Shape broadcastShapes(Shape a, Shape b) {
        if (a.isUnknown() || b.isUnknown()) {
            return Shape.unknown();
        }
        int rank = Math.max(a.numDimensions(), b.numDimensions());
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.numDimensions() ? 1 : a.size(i - (rank - a.numDimensions()));
            long db = i < rank - b.numDimensions() ? 1 : b.size(i - (rank - b.numDimensions()));
            out[i] = da == 1 ? db : db == 1 ? da : (da == -1 || db == -1) ? Math.max(da, db) : da;
        }
        return Shape.of(out);
    }

    /** An elementwise one-input kernel keeping type and shape. */
    public static Kernel unary(Function<Tensor, Tensor> f) {
        return elementwise(sameAs(0), ctx -> ctx.single(cast(f.apply(ctx.input(0)), ctx)));
    }

    /** An elementwise two-input kernel with broadcasting, keeping input 0's type. */
    public static Kernel binary(BiFunction<Tensor, Tensor, Tensor> f) {
        return elementwise(broadcast(), ctx -> ctx.single(cast(f.apply(ctx.input(0), ctx.input(1)), ctx)));
    }

    /** {@code t} in the engine dtype of the node's output 0 (TF keeps input types; the engine may promote). */
    public static Tensor cast(Tensor t, KernelContext ctx) {
        dev.ember.engine.DType want = dev.ember.tfcompat.internal.types.TypeInfo.of(ctx.outputType(0)).engine();
        return want == null || t.dtype() == want ? t : t.to(want);
    }

    /** An elementwise kernel from its two halves (see {@link Kernel#elementwise()}). */
    public static Kernel elementwise(Outputs outputs, Compute compute) {
        return new Kernel() {
            @Override
            public OutputSpec[] outputs(NodeView node) {
                return outputs.apply(node);
            }

            @Override
            public Value[] compute(KernelContext ctx) {
                return compute.apply(ctx);
            }

            @Override
            public boolean elementwise() {
                return true;
            }
        };
    }
}
