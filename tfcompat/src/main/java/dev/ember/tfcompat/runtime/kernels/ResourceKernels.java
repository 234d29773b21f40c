package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.Kernels.of;
import static dev.ember.tfcompat.runtime.Kernels.stateful;
import static dev.ember.tfcompat.runtime.Kernels.withOutputArgs;

import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import dev.ember.tfcompat.GraphOperation;
import dev.ember.tfcompat.exceptions.TFFailedPreconditionException;
import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.exceptions.TFNotFoundException;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import dev.ember.tfcompat.runtime.VariableSlot;
import java.util.Arrays;
import java.util.function.BinaryOperator;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * TF2 resource variables: {@code VarHandleOp} (keyed by {@code container}/{@code shared_name} in the
 * session, like TF's resource manager: every handle with the same pair is the same variable, an empty
 * {@code shared_name} included), {@code ReadVariableOp}, {@code AssignVariableOp},
 * {@code AssignAddVariableOp}, {@code AssignSubVariableOp}, {@code VarIsInitializedOp},
 * {@code DestroyResourceOp} and {@code ResourceGather}. Messages follow TF's.
 */
public final class ResourceKernels {
    private ResourceKernels() {
    }

    public static void register() {
        OpRegistry.register("VarHandleOp", withOutputArgs(stateful(
                n -> new OutputSpec[] {new OutputSpec(DataType.DT_RESOURCE, Shape.scalar())},
                ctx -> new Value[] {Value.resource(handle(ctx))}), "resource"));
        OpRegistry.register("ReadVariableOp", withOutputArgs(of(
                n -> {
                    DataType dtype = n.attrType("dtype");
                    checkHandleType(n, dtype, "read");
                    return new OutputSpec[] {new OutputSpec(dtype, declaredShape(n))};
                },
                ctx -> {
                    VariableSlot v = resource(ctx, "read");
                    return new Value[] {Value.of(ctx.run().readVariable(v), v.dtype())};
                }), "value"));
        OpRegistry.register("AssignVariableOp", stateful(
                n -> assignOutputs(n, true),
                ctx -> {
                    VariableSlot v = resource(ctx, null);
                    Tensor value = ctx.input(1);
                    if (ctx.attrBool("validate_shape", false) && !compatible(v.shape(), value.shape())) {
                        throw ctx.invalid("Trying to assign to variable with tensor with wrong shape. Expected "
                                + CoreKernels.shapeText(v.shape()) + " got " + Arrays.toString(value.shape()));
                    }
                    store(v, value);
                    return new Value[0];
                }));
        OpRegistry.register("AssignAddVariableOp", stateful(n -> assignOutputs(n, false), ctx -> update(ctx, Tensor::add)));
        OpRegistry.register("AssignSubVariableOp", stateful(n -> assignOutputs(n, false), ctx -> update(ctx, Tensor::sub)));
        OpRegistry.register("VarIsInitializedOp", withOutputArgs(of(
                n -> new OutputSpec[] {new OutputSpec(DataType.DT_BOOL, Shape.scalar())},
                ctx -> ctx.single(Tensor.scalar(slot(ctx, 0).isInitialized()))), "is_initialized"));
        OpRegistry.register("DestroyResourceOp", stateful(
                n -> new OutputSpec[0],
                ctx -> {
                    VariableSlot v = slot(ctx, 0);
                    if (!v.isInitialized() && !ctx.attrBool("ignore_lookup_error", true)) {
                        throw new TFNotFoundException("node '" + ctx.nodeName() + "' (DestroyResourceOp): Resource "
                                + "localhost/" + v.name() + " does not exist.");
                    }
                    v.reset();
                    return new Value[0];
                }));
        OpRegistry.register("ResourceGather", withOutputArgs(of(ResourceKernels::gatherOutputs,
                ResourceKernels::gather), "output"));
    }

    /** The session variable of a {@code VarHandleOp} node. */
    private static VariableSlot handle(KernelContext ctx) {
        return ctx.session().resource(ctx.attrString("container", ""), ctx.attrString("shared_name", ""),
                ctx.attrType("dtype"), ctx.attrShape("shape", Shape.unknown()));
    }

    /** The variable behind resource input {@code i}. */
    private static VariableSlot slot(KernelContext ctx, int i) {
        Value v = ctx.value(i);
        if (!v.isResource()) {
            throw ctx.invalid("input " + i + " must be a resource handle (a VarHandleOp output), got a "
                    + v.dtype() + " tensor");
        }
        return v.slot();
    }

    /** The variable behind input 0, checked against the node's {@code dtype}; {@code verb} "read" also needs a value. */
    private static VariableSlot resource(KernelContext ctx, String verb) {
        VariableSlot v = slot(ctx, 0);
        DataType want = ctx.attrType("dtype");
        if (want != v.dtype()) {
            throw ctx.invalid("Trying to " + (verb == null ? "assign" : verb) + " variable with wrong dtype. Expected "
                    + TypeInfo.of(v.dtype()).tfName() + " got " + TypeInfo.of(want).tfName());
        }
        if (verb != null && !v.isInitialized()) {
            throw new TFFailedPreconditionException("node '" + ctx.nodeName() + "' (" + ctx.opType()
                    + "): Could not find variable " + v.name() + ". This could mean that the variable has been deleted. "
                    + "In TF1, it can also mean the variable is uninitialized. Debug info: container=localhost, "
                    + "status error message=Resource localhost/" + v.name() + " does not exist.");
        }
        return v;
    }

    private static Value[] update(KernelContext ctx, BinaryOperator<Tensor> op) {
        VariableSlot v = resource(ctx, "update");
        Tensor delta = ctx.input(1);
        Tensor old = v.read();
        if (!Arrays.equals(old.shape(), delta.shape())) {
            throw ctx.invalid("Cannot update variable with shape " + Arrays.toString(old.shape())
                    + " using a Tensor with shape " + Arrays.toString(delta.shape()) + ", shapes must be equal.");
        }
        try (NoGrad ignored = NoGrad.enter()) {
            store(v, op.apply(old, delta.to(old.dtype())));
        }
        return new Value[0];
    }

    private static void store(VariableSlot v, Tensor value) {
        try (NoGrad ignored = NoGrad.enter()) {
            v.assign(value.detach().to(TypeInfo.of(v.dtype()).engine()).clone());
        }
    }

    private static OutputSpec[] assignOutputs(NodeView n, boolean assign) {
        DataType dtype = n.attrType("dtype");
        if (n.inputType(1) != dtype) {
            throw n.invalid("the value is " + n.inputType(1) + " but dtype is " + dtype);
        }
        checkHandleType(n, dtype, assign ? "assign" : "update");
        Shape declared = declaredShape(n);
        Shape value = n.inputShape(1);
        if (!declared.isUnknown() && !value.isUnknown() && !compatible(declared, value.asArray())) {
            throw n.invalid("Shapes must be equal: the variable is " + CoreKernels.shapeText(declared)
                    + ", the value " + CoreKernels.shapeText(value));
        }
        return new OutputSpec[0];
    }

    /** At build time, when input 0 comes straight from a VarHandleOp: its dtype must be {@code dtype}. */
    private static void checkHandleType(NodeView n, DataType dtype, String verb) {
        GraphOperation h = n.inputOp(0);
        if (n.inputType(0) != DataType.DT_RESOURCE) {
            throw n.invalid("input 0 must be a resource handle, got " + n.inputType(0));
        }
        if (h.type().equals("VarHandleOp") && h.attrMap().get("dtype") != dtype) {
            throw n.invalid("Trying to " + verb + " variable with wrong dtype. Expected "
                    + TypeInfo.of((DataType) h.attrMap().get("dtype")).tfName() + " got " + TypeInfo.of(dtype).tfName());
        }
    }

    /** The declared shape of the variable behind input 0 when it comes straight from a VarHandleOp. */
    private static Shape declaredShape(NodeView n) {
        GraphOperation h = n.inputOp(0);
        Object s = h.type().equals("VarHandleOp") ? h.attrMap().get("shape") : null;
        return s instanceof Shape ? (Shape) s : Shape.unknown();
    }

    private static OutputSpec[] gatherOutputs(NodeView n) {
        DataType dtype = n.attrType("dtype");
        checkHandleType(n, dtype, "read");
        if (n.attrLong("batch_dims", 0) != 0) {
            throw n.invalid("batch_dims=" + n.attrLong("batch_dims", 0) + " is not supported by tfcompat (only 0)");
        }
        Shape var = declaredShape(n);
        Shape idx = n.inputShape(1);
        if (var.isUnknown() || idx.isUnknown()) {
            return new OutputSpec[] {OutputSpec.unknown(dtype)};
        }
        long[] out = new long[idx.numDimensions() + var.numDimensions() - 1];
        System.arraycopy(idx.asArray(), 0, out, 0, idx.numDimensions());
        for (int i = 1; i < var.numDimensions(); i++) {
            out[idx.numDimensions() + i - 1] = var.size(i);
        }
        return new OutputSpec[] {new OutputSpec(dtype, Shape.of(out))};
    }

    /** {@code ResourceGather}: rows of the variable at {@code indices} (axis 0), shape indices.shape + var.shape[1:]. */
    private static Value[] gather(KernelContext ctx) {
        if (ctx.attrLong("batch_dims", 0) != 0) {
            throw ctx.invalid("batch_dims=" + ctx.attrLong("batch_dims", 0) + " is not supported by tfcompat (only 0)");
        }
        VariableSlot v = resource(ctx, "read");
        Tensor params = ctx.run().readVariable(v);
        Tensor indices = ctx.input(1);
        if (params.dim() == 0) {
            throw ctx.invalid("params must be at least 1 dimensional");
        }
        long rows = params.size(0);
        long[] idx = indices.toLongArray();
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= rows) {
                throw new TFInvalidArgumentException("node '" + ctx.nodeName() + "' (ResourceGather): indices["
                        + i + "] = " + idx[i] + " is not in [0, " + rows + ")");
            }
        }
        long[] shape = new long[indices.dim() + params.dim() - 1];
        System.arraycopy(indices.shape(), 0, shape, 0, indices.dim());
        System.arraycopy(params.shape(), 1, shape, indices.dim(), params.dim() - 1);
        Tensor out = params.indexSelect(0, indices.reshape(-1).to(dev.ember.engine.DType.INT64)).reshape(shape);
        return new Value[] {Value.of(out, v.dtype())};
    }

    private static boolean compatible(Shape declared, long[] actual) {
        if (declared.isUnknown()) {
            return true;
        }
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
