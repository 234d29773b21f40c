package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.Kernels.stateful;

import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import dev.ember.tfcompat.runtime.VariableSlot;

/** Optimizer update ops ({@code ApplyGradientDescent}, ...): in-place updates of TF1 variables. */
public final class TrainKernels {
    private TrainKernels() {
    }

    public static void register() {
        OpRegistry.register("ApplyGradientDescent", stateful(
                n -> new OutputSpec[] {new OutputSpec(n.inputType(0), n.inputShape(0))},
                ctx -> {
                    VariableSlot var = ref(ctx, 0);
                    try (NoGrad ignored = NoGrad.enter()) {
                        Tensor alpha = ctx.input(1).detach();
                        Tensor delta = ctx.input(2).detach();
                        update(var, var.read().sub(delta.mul(alpha)));
                    }
                    return new Value[] {Value.ref(var)};
                }));
    }

    /** The variable behind ref input {@code i}; fails naming the node when it is not a variable. */
    static VariableSlot ref(KernelContext ctx, int i) {
        if (!ctx.value(i).isRef()) {
            throw ctx.invalid("input " + i + " must be a variable reference (a VariableV2 output)");
        }
        return ctx.value(i).slot();
    }

    /** Stores {@code value} in {@code var} in the variable's dtype. */
    static void update(VariableSlot var, Tensor value) {
        var.assign(value.to(TypeInfo.of(var.dtype()).engine()).detach());
    }
}
