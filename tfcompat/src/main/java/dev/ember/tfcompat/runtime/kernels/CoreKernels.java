package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.Kernels.of;
import static dev.ember.tfcompat.runtime.Kernels.sameAs;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Autograd;
import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.internal.types.TStringImpl;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.runtime.Kernel;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/** Graph plumbing: constants, placeholders, identity, no-ops, stop-gradient, and the gradients node. */
public final class CoreKernels {
    /** Ember's own op type for {@code Ops.gradients} / {@code Graph.addGradients}: engine autograd, not TF gradient ops. */
    public static final String GRADIENTS = "EmberGradients";

    private CoreKernels() {
    }

    public static void register() {
        OpRegistry.register("Const", of(
                n -> {
                    dev.ember.tfcompat.Tensor v = (dev.ember.tfcompat.Tensor) n.attr("value");
                    if (v == null) {
                        throw n.invalid("Const needs a 'value' attribute");
                    }
                    return new OutputSpec[] {new OutputSpec(v.dataType(), v.shape())};
                },
                CoreKernels::constant));
        OpRegistry.register("Placeholder", of(
                n -> new OutputSpec[] {new OutputSpec(n.attrType("dtype"), n.attrShape("shape", Shape.unknown()))},
                ctx -> {
                    Shape s = ctx.attrShape("shape", Shape.unknown());
                    throw new TFInvalidArgumentException("You must feed a value for placeholder tensor '"
                            + ctx.nodeName() + "' with dtype " + TypeInfo.of(ctx.attrType("dtype")).tfName()
                            + (s.isUnknown() ? "" : " and shape " + shapeText(s)));
                }));
        OpRegistry.register("PlaceholderWithDefault", of(sameAs(0), ctx -> new Value[] {ctx.value(0)}));
        Kernel identity = of(sameAs(0), ctx -> new Value[] {ctx.value(0).isRef()
                ? Value.of(ctx.input(0), ctx.inputType(0)) : ctx.value(0)});
        OpRegistry.register("Identity", identity);
        OpRegistry.register("Snapshot", identity);
        OpRegistry.register("IdentityN", dev.ember.tfcompat.runtime.Kernels.withListOutput(of(
                n -> {
                    OutputSpec[] out = new OutputSpec[n.numInputs()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = new OutputSpec(n.inputType(i), n.inputShape(i));
                    }
                    return out;
                },
                ctx -> {
                    Value[] out = new Value[ctx.numInputs()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = ctx.value(i).isRef() ? Value.of(ctx.input(i), ctx.inputType(i)) : ctx.value(i);
                    }
                    return out;
                }), "output"));
        OpRegistry.register("NoOp", of(n -> new OutputSpec[0], ctx -> new Value[0]));
        OpRegistry.register("StopGradient", of(sameAs(0), ctx -> ctx.single(ctx.input(0).detach())));
        OpRegistry.register(GRADIENTS, of(CoreKernels::gradientOutputs, CoreKernels::gradients));
    }

    private static Value[] constant(KernelContext ctx) {
        Object cached = ctx.op().runtimeCache();
        if (cached instanceof Value) {
            return new Value[] {(Value) cached};
        }
        dev.ember.tfcompat.Tensor v = (dev.ember.tfcompat.Tensor) ctx.attr("value");
        Value value = v instanceof TStringImpl
                ? Value.strings(((TStringImpl) v).data().clone(), v.shape().asArray())
                : Value.of(TypeInfo.toEngine(v), v.dataType());
        ctx.op().runtimeCache(value);
        return new Value[] {value};
    }

    private static OutputSpec[] gradientOutputs(dev.ember.tfcompat.runtime.NodeView n) {
        int ny = (int) n.attrLong("num_ys");
        int nx = (int) n.attrLong("num_xs");
        OutputSpec[] out = new OutputSpec[nx];
        for (int i = 0; i < nx; i++) {
            DataType t = n.inputType(ny + i);
            if (t != DataType.DT_FLOAT && t != DataType.DT_DOUBLE) {
                throw n.invalid("gradients: x " + i + " has type " + t + "; only float and double tensors have gradients");
            }
            out[i] = new OutputSpec(t, n.inputShape(ny + i));
        }
        return out;
    }

    /** tf.gradients: sum over ys of d(y)/d(x), by engine autograd on the values of this run. */
    private static Value[] gradients(KernelContext ctx) {
        int ny = (int) ctx.attrLong("num_ys");
        int nx = (int) ctx.attrLong("num_xs");
        boolean hasDx = ctx.numInputs() == 2 * ny + nx;
        java.util.List<Tensor> ys = new java.util.ArrayList<>();
        java.util.List<Tensor> dys = new java.util.ArrayList<>();
        for (int i = 0; i < ny; i++) {
            Tensor y = ctx.input(i);
            if (y.requiresGrad()) {
                ys.add(y);
                dys.add(hasDx ? ctx.input(ny + nx + i).to(y.dtype()) : Tensor.onesLike(y));
            }
        }
        Tensor[] xs = new Tensor[nx];
        for (int i = 0; i < nx; i++) {
            xs[i] = ctx.input(ny + i);
        }
        Tensor[] grads = new Tensor[nx];
        java.util.List<Integer> live = new java.util.ArrayList<>();
        for (int i = 0; i < nx; i++) {
            if (xs[i].requiresGrad()) {
                live.add(i);
            }
        }
        if (!ys.isEmpty() && !live.isEmpty()) {
            Tensor[] liveXs = live.stream().map(i -> xs[i]).toArray(Tensor[]::new);
            Tensor[] g = Autograd.grad(ys.toArray(new Tensor[0]), liveXs, dys.toArray(new Tensor[0]), true,
                    ctx.run().createGraph(), true);
            for (int k = 0; k < g.length; k++) {
                grads[live.get(k)] = g[k];
            }
        }
        Value[] out = new Value[nx];
        for (int i = 0; i < nx; i++) {
            // TF1 returns None for an x the ys do not depend on; a zero tensor keeps the fetch usable.
            Tensor g = grads[i] != null ? grads[i] : Tensor.zerosLike(xs[i].detach());
            out[i] = Value.of(g, ctx.outputType(i));
        }
        return out;
    }

    static String shapeText(Shape s) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < s.numDimensions(); i++) {
            sb.append(i == 0 ? "" : ",").append(s.size(i) < 0 ? "?" : Long.toString(s.size(i)));
        }
        return sb.append(']').toString();
    }
}
