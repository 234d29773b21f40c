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
import java.util.Arrays;
import java.util.function.BinaryOperator;
import org.tensorflow.ndarray.Shape;

/** TF1 reference variables ({@code VariableV2}) and their assignments. */
public final class StateKernels {
    private StateKernels() {
    }

    public static void register() {
        OpRegistry.register("VariableV2", stateful(
                n -> new OutputSpec[] {new OutputSpec(n.attrType("dtype"), n.attrShape("shape", Shape.unknown()))},
                ctx -> new Value[] {Value.ref(slot(ctx))}));
        OpRegistry.register("Assign", stateful(
                n -> new OutputSpec[] {new OutputSpec(n.inputType(0), n.inputShape(0))},
                ctx -> assign(ctx, null)));
        OpRegistry.register("AssignAdd", stateful(
                n -> new OutputSpec[] {new OutputSpec(n.inputType(0), n.inputShape(0))},
                ctx -> assign(ctx, Tensor::add)));
        OpRegistry.register("AssignSub", stateful(
                n -> new OutputSpec[] {new OutputSpec(n.inputType(0), n.inputShape(0))},
                ctx -> assign(ctx, Tensor::sub)));
        OpRegistry.register("IsVariableInitialized", stateful(
                n -> new OutputSpec[] {new OutputSpec(org.tensorflow.proto.DataType.DT_BOOL, Shape.scalar())},
                ctx -> ctx.single(Tensor.scalar(ctx.value(0).slot().isInitialized()))));
    }

    /** The session slot of a VariableV2 node (keyed by shared_name, else the node name). */
    static VariableSlot slot(KernelContext ctx) {
        String shared = ctx.attrString("shared_name", "");
        String name = shared.isEmpty() ? ctx.nodeName() : shared;
        return ctx.session().variable(name, ctx.attrType("dtype"), ctx.attrShape("shape", Shape.unknown()));
    }

    /** Assign-like update of the variable referenced by input 0; returns the new value (as a ref). */
    private static Value[] assign(KernelContext ctx, BinaryOperator<Tensor> update) {
        if (!ctx.value(0).isRef()) {
            throw ctx.invalid("input 0 must be a variable reference (a VariableV2 output)");
        }
        VariableSlot slot = ctx.value(0).slot();
        Tensor value = ctx.input(1);
        boolean validate = ctx.attrBool("validate_shape", true);
        Shape declared = slot.shape();
        if (validate && !declared.isUnknown() && !compatible(declared, value.shape())) {
            throw ctx.invalid("Assign requires shapes of both tensors to match. lhs shape= "
                    + CoreKernels.shapeText(declared) + " rhs shape= " + Arrays.toString(value.shape()));
        }
        try (NoGrad ignored = NoGrad.enter()) {
            // AssignAdd/AssignSub read the old value: an uninitialised variable fails there, as in TF.
            Tensor base = update == null ? value : update.apply(slot.read(), value);
            Tensor stored = base.detach().to(TypeInfo.of(slot.dtype()).engine()).clone();
            slot.assign(stored);
        }
        return new Value[] {Value.ref(slot)};
    }

    private static boolean compatible(Shape declared, long[] actual) {
        if (declared.numDimensions() != actual.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (declared.size(i) >= 0 && declared.size(i) != actual[i]) {
                return false;
            }
        }
        return true;
    }
}
