package dev.ember.tfcompat.runtime.kernels;

import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import dev.ember.tfcompat.exceptions.TFFailedPreconditionException;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.runtime.Kernels;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import dev.ember.tfcompat.runtime.VariableSlot;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * Optimizer update ops on TF1 reference variables ({@code ApplyGradientDescent}, {@code ApplyAdam}, ...).
 * Each entry lists TF's input names (the first {@code refs} are variables updated in place) and its
 * update written exactly as TF's CPU functor ({@code training_ops.cc}), in the same order of operations,
 * in the variable's own precision. The op's output is the updated variable, as TF forwards its ref.
 * Resource-variable forms ({@code ResourceApplyAdam}, ...) are not here: tfcompat has no resource variables yet.
 */
public final class TrainKernels {
    private TrainKernels() {
    }

    /** An update: reads its inputs by TF name and {@link Args#set sets} the new values of the ref inputs. */
    @FunctionalInterface
    private interface Update {
        void apply(Args a);
    }

    public static void register() {
        op("ApplyGradientDescent", 1, List.of("var", "alpha", "delta"), a ->
                a.set("var", a.get("var").sub(a.get("delta").mul(a.get("alpha")))));
        op("ApplyMomentum", 2, List.of("var", "accum", "lr", "grad", "momentum"), a -> {
            Tensor accum = a.get("accum").mul(a.get("momentum")).add(a.get("grad"));
            a.set("accum", accum);
            Tensor lr = a.get("lr");
            Tensor step = a.attrBool("use_nesterov", false)
                    ? a.get("grad").mul(lr).add(accum.mul(a.get("momentum")).mul(lr))
                    : accum.mul(lr);
            a.set("var", a.get("var").sub(step));
        });
        op("ApplyAdam", 3, List.of("var", "m", "v", "beta1_power", "beta2_power", "lr", "beta1", "beta2", "epsilon",
                "grad"), TrainKernels::adam);
        op("ApplyRMSProp", 3, List.of("var", "ms", "mom", "lr", "rho", "momentum", "epsilon", "grad"), a -> {
            Tensor g = a.get("grad");
            Tensor ms = a.get("ms").add(g.square().sub(a.get("ms")).mul(a.one().sub(a.get("rho"))));
            Tensor mom = a.get("mom").mul(a.get("momentum")).add(g.mul(a.get("lr")).div(ms.add(a.get("epsilon")).sqrt()));
            a.set("ms", ms);
            a.set("mom", mom);
            a.set("var", a.get("var").sub(mom));
        });
        op("ApplyCenteredRMSProp", 4, List.of("var", "mg", "ms", "mom", "lr", "rho", "momentum", "epsilon", "grad"),
                a -> {
                    Tensor g = a.get("grad");
                    Tensor decay = a.one().sub(a.get("rho"));
                    Tensor ms = a.get("ms").add(g.square().sub(a.get("ms")).mul(decay));
                    Tensor mg = a.get("mg").add(g.sub(a.get("mg")).mul(decay));
                    Tensor denom = ms.sub(mg.square()).add(a.get("epsilon"));
                    Tensor mom = a.get("mom").mul(a.get("momentum")).add(g.mul(a.get("lr")).div(denom.sqrt()));
                    a.set("ms", ms);
                    a.set("mg", mg);
                    a.set("mom", mom);
                    a.set("var", a.get("var").sub(mom));
                });
        op("ApplyAdagrad", 2, List.of("var", "accum", "lr", "grad"), a -> {
            Tensor g = a.get("grad");
            Tensor accum = a.attrBool("update_slots", true) ? a.get("accum").add(g.square()) : a.get("accum");
            a.set("accum", accum);
            a.set("var", a.get("var").sub(g.mul(a.get("lr")).mul(accum.rsqrt())));
        });
        op("ApplyAdagradV2", 2, List.of("var", "accum", "lr", "epsilon", "grad"), a -> {
            Tensor g = a.get("grad");
            Tensor accum = a.attrBool("update_slots", true) ? a.get("accum").add(g.square()) : a.get("accum");
            a.set("accum", accum);
            a.set("var", a.get("var").sub(g.mul(a.get("lr")).div(accum.sqrt().add(a.get("epsilon")))));
        });
        op("ApplyAdadelta", 3, List.of("var", "accum", "accum_update", "lr", "rho", "epsilon", "grad"), a -> {
            Tensor g = a.get("grad");
            Tensor rho = a.get("rho");
            Tensor eps = a.get("epsilon");
            Tensor accum = a.get("accum").mul(rho).add(g.square().mul(a.one().sub(rho)));
            Tensor update = a.get("accum_update").add(eps).sqrt().mul(accum.add(eps).rsqrt()).mul(g);
            a.set("accum", accum);
            a.set("var", a.get("var").sub(update.mul(a.get("lr"))));
            a.set("accum_update", a.get("accum_update").mul(rho).add(update.square().mul(a.one().sub(rho))));
        });
    }

    /** TF's ApplyAdamNonCuda: alpha from the bias corrections, then m, v and var (nesterov uses the new m). */
    private static void adam(Args a) {
        Tensor one = a.one();
        Tensor alpha = a.get("lr").mul(one.sub(a.get("beta2_power")).sqrt()).div(one.sub(a.get("beta1_power")));
        Tensor g = a.get("grad");
        Tensor beta1 = a.get("beta1");
        Tensor m = a.get("m").add(g.sub(a.get("m")).mul(one.sub(beta1)));
        Tensor v = a.get("v").add(g.square().sub(a.get("v")).mul(one.sub(a.get("beta2"))));
        Tensor num = a.attrBool("use_nesterov", false) ? g.mul(one.sub(beta1)).add(beta1.mul(m)).mul(alpha) : m.mul(alpha);
        a.set("m", m);
        a.set("v", v);
        a.set("var", a.get("var").sub(num.div(v.sqrt().add(a.get("epsilon")))));
    }

    private static void op(String type, int refs, List<String> inputs, Update update) {
        OpRegistry.register(type, Kernels.stateful(n -> outputs(n, refs, inputs), ctx -> compute(ctx, refs, inputs, update)));
    }

    /** Build-time checks: input count, one float type T for all inputs, scalar hyper-parameters, grad shaped like var. */
    private static OutputSpec[] outputs(NodeView n, int refs, List<String> inputs) {
        n.expectInputs(inputs.size());
        DataType t = n.inputType(0);
        if (t != DataType.DT_FLOAT && t != DataType.DT_DOUBLE) {
            throw n.invalid("T=" + tfName(t) + " is not supported: " + n.opType() + " updates float or double variables");
        }
        for (int i = 1; i < inputs.size(); i++) {
            if (n.inputType(i) != t) {
                throw n.invalid("input '" + inputs.get(i) + "' has type " + tfName(n.inputType(i)) + " but 'var' has type "
                        + tfName(t) + " (all inputs of " + n.opType() + " share T)");
            }
            Shape s = n.inputShape(i);
            if (i >= refs && isScalarInput(inputs.get(i)) && !s.isUnknown() && s.numDimensions() != 0) {
                throw n.invalid(inputs.get(i) + " is not a scalar: " + text(s));
            }
            if (!isScalarInput(inputs.get(i)) && !sameKnownShape(n.inputShape(0), s)) {
                throw n.invalid("var and " + inputs.get(i) + " do not have the same shape: " + text(n.inputShape(0))
                        + " vs " + text(s));
            }
        }
        return new OutputSpec[] {new OutputSpec(t, n.inputShape(0))};
    }

    private static Value[] compute(KernelContext ctx, int refs, List<String> inputs, Update update) {
        Args a = new Args(ctx, refs, inputs);
        try (NoGrad ignored = NoGrad.enter()) {
            update.apply(a);
        }
        a.commit();
        return new Value[] {Value.ref(a.slots.get("var"))};
    }

    /** Names that are variables or per-element tensors; every other input is a scalar hyper-parameter. */
    private static boolean isScalarInput(String name) {
        return !List.of("var", "accum", "accum_update", "m", "v", "ms", "mom", "mg", "grad", "delta").contains(name);
    }

    private static boolean sameKnownShape(Shape a, Shape b) {
        if (a.isUnknown() || b.isUnknown()) {
            return true;
        }
        if (a.numDimensions() != b.numDimensions()) {
            return false;
        }
        for (int i = 0; i < a.numDimensions(); i++) {
            if (a.size(i) >= 0 && b.size(i) >= 0 && a.size(i) != b.size(i)) {
                return false;
            }
        }
        return true;
    }

    private static String tfName(DataType t) {
        return TypeInfo.isSupported(t) ? TypeInfo.of(t).tfName() : t.toString();
    }

    private static String text(Shape s) {
        return s.isUnknown() ? "<unknown>" : CoreKernels.shapeText(s);
    }

    /** The inputs of one update by TF name, checked at run time as TF's kernels check them. */
    private static final class Args {
        private final KernelContext ctx;
        private final Map<String, Tensor> values = new HashMap<>();
        private final Map<String, VariableSlot> slots = new LinkedHashMap<>();
        private final Map<String, Tensor> updates = new LinkedHashMap<>();

        Args(KernelContext ctx, int refs, List<String> names) {
            this.ctx = ctx;
            for (int i = 0; i < refs; i++) {
                slots.put(names.get(i), ref(ctx, i, names.get(i)));
            }
            for (int i = 0; i < refs; i++) {
                VariableSlot s = slots.get(names.get(i));
                if (!s.isInitialized()) {
                    throw new TFFailedPreconditionException("Attempting to use uninitialized variables: "
                            + ctx.op().input(i).op().name() + " (input '" + names.get(i) + "' of node '" + ctx.nodeName()
                            + "' (" + ctx.opType() + "); run its initializer first: session.initialize())");
                }
                values.put(names.get(i), s.read().detach());
            }
            long[] varShape = values.get("var").shape();
            for (int i = refs; i < names.size(); i++) {
                values.put(names.get(i), ctx.input(i).detach());
            }
            for (int i = 1; i < names.size(); i++) {
                String n = names.get(i);
                long[] shape = values.get(n).shape();
                if (isScalarInput(n) && shape.length != 0) {
                    throw ctx.invalid(n + " is not a scalar: " + Arrays.toString(shape));
                }
                if (!isScalarInput(n) && !Arrays.equals(shape, varShape)) {
                    throw ctx.invalid("var and " + n + " do not have the same shape: " + Arrays.toString(varShape)
                            + " vs " + Arrays.toString(shape));
                }
            }
        }

        Tensor get(String name) {
            Tensor t = updates.get(name);
            return t != null ? t : values.get(name);
        }

        /** Records the new value of ref input {@code name}; stored when the whole update has been computed. */
        void set(String name, Tensor value) {
            if (!slots.containsKey(name)) {
                throw new IllegalStateException(name + " is not a variable input of " + ctx.opType());
            }
            updates.put(name, value);
        }

        /** The scalar 1 in the variable's type (TF's {@code static_cast<T>(1)}). */
        Tensor one() {
            return Tensor.scalar(1.0, values.get("var").dtype());
        }

        boolean attrBool(String name, boolean fallback) {
            return ctx.attrBool(name, fallback);
        }

        void commit() {
            updates.forEach((name, value) -> {
                VariableSlot slot = slots.get(name);
                slot.assign(value.detach().to(TypeInfo.of(slot.dtype()).engine()).contiguous());
            });
        }
    }

    /** The variable behind ref input {@code i}; fails naming the node and the input when it is not a TF1 variable. */
    static VariableSlot ref(KernelContext ctx, int i, String name) {
        Value v = ctx.value(i);
        if (v.isResource()) {
            throw ctx.invalid("input '" + name + "' is a resource variable; " + ctx.opType() + " updates TF1 reference "
                    + "variables (VariableV2) and tfcompat has no Resource" + ctx.opType() + " yet");
        }
        if (!v.isRef()) {
            throw ctx.invalid("input '" + name + "' must be a variable reference (a VariableV2 output), got a tensor from '"
                    + ctx.op().input(i).op().name() + "' (" + ctx.op().input(i).op().type() + ")");
        }
        return v.slot();
    }
}
