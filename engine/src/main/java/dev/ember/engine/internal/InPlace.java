package dev.ember.engine.internal;

import dev.ember.engine.DType;
import dev.ember.engine.GradMode;
import dev.ember.engine.Tensor;
import dev.ember.engine.backend.Kernels;
import java.util.Arrays;
import java.util.function.BinaryOperator;

/**
 * In-place ops ({@code add_}, {@code mul_}, {@code copy_}, ...). Without autograd they write
 * straight into the storage. When the result needs a gradient they compute the out-of-place op
 * (which records its node against the old history), write the result into this tensor and move
 * the tensor onto the new node, as PyTorch rebases history. Either way the version counter is
 * bumped, so a node that saved this tensor fails clearly if backward needs the old values.
 */
public final class InPlace {
    private InPlace() {
    }

    /** {@code self = op(self, other)} in place. */
    public static Tensor apply(Tensor self, String name, Tensor other, BinaryOperator<Tensor> op) {
        boolean track = GradMode.isEnabled() && (self.requiresGrad() || other.requiresGrad());
        if (track) {
            checkTrackable(self, name);
            // The op may save its operand for backward (mul_ saves self); computing on a clone keeps
            // that saved value intact when the result is written back into self, as PyTorch allows.
            Tensor result = op.apply(self.clone(), other);
            return adopt(self, name, result);
        }
        Tensor result;
        try (var ignored = dev.ember.engine.NoGrad.enter()) {
            result = op.apply(self, other);
        }
        checkResult(self, name, result);
        Kernels.elementwise().assign(self.array(), result.array());
        self.bumpVersion();
        return self;
    }

    /** {@code self = unary(self)} in place, e.g. {@code clamp_}, {@code relu_}. */
    public static Tensor applyUnary(Tensor self, String name, java.util.function.UnaryOperator<Tensor> op) {
        if (GradMode.isEnabled() && self.requiresGrad()) {
            checkTrackable(self, name);
            return adopt(self, name, op.apply(self));
        }
        Tensor result;
        try (var ignored = dev.ember.engine.NoGrad.enter()) {
            result = op.apply(self);
        }
        checkResult(self, name, result);
        Kernels.elementwise().assign(self.array(), result.array());
        self.bumpVersion();
        return self;
    }

    /** {@code self[...] = src} broadcast and cast; mirrors {@code copy_}. */
    public static Tensor copy(Tensor self, Tensor src) {
        Shapes.broadcast("copy_", self.shape(), src.shape());
        long[] target = Shapes.broadcast("copy_", self.shape(), src.shape());
        if (!Arrays.equals(target, self.shape())) {
            throw new IllegalArgumentException("copy_: source of shape " + Shapes.str(src.shape())
                    + " cannot be broadcast to the destination shape " + Shapes.str(self.shape()));
        }
        if (GradMode.isEnabled() && (self.requiresGrad() || src.requiresGrad())) {
            checkTrackable(self, "copy_");
            Tensor result = src.to(self.dtype()).broadcastTo(self.shape()).clone();
            return adopt(self, "copy_", result);
        }
        Kernels.elementwise().assign(self.array(), src.array());
        self.bumpVersion();
        return self;
    }

    /** Sets every element to {@code value}. */
    public static Tensor fill(Tensor self, double value) {
        if (GradMode.isEnabled() && self.requiresGrad()) {
            checkTrackable(self, "fill_");
            // Zero gradient to the old values, as PyTorch's fill_ backward.
            return adopt(self, "fill_", self.mul(0.0).add(value));
        }
        Kernels.elementwise().fill(self.array(), value);
        self.bumpVersion();
        return self;
    }

    private static void checkTrackable(Tensor self, String name) {
        if (self.isLeaf() && self.requiresGrad()) {
            throw new IllegalStateException(name + ": a leaf tensor that requires grad is being used in an in-place "
                    + "operation; wrap the update in NoGrad (as optimizers do) or use the out-of-place op");
        }
        if (self.base() != null) {
            throw new UnsupportedOperationException(name + " on a view while recording gradients is not supported "
                    + "by Ember (PyTorch's CopySlices); use the out-of-place op, or clone() the view first");
        }
    }

    private static void checkResult(Tensor self, String name, Tensor result) {
        if (!Arrays.equals(result.shape(), self.shape())) {
            throw new IllegalArgumentException(name + ": output with shape " + Shapes.str(self.shape())
                    + " doesn't match the broadcast shape " + Shapes.str(result.shape()));
        }
        if (result.dtype() != self.dtype() && !canCast(result.dtype(), self.dtype())) {
            throw new IllegalArgumentException(name + ": result type " + result.dtype()
                    + " can't be cast to the desired output type " + self.dtype());
        }
    }

    private static boolean canCast(DType from, DType to) {
        return !(from.isFloatingPoint() && !to.isFloatingPoint()) && !(to == DType.BOOL && from != DType.BOOL);
    }

    private static Tensor adopt(Tensor self, String name, Tensor result) {
        checkResult(self, name, result);
        Tensor r = result.dtype() == self.dtype() ? result : result.to(self.dtype());
        Kernels.elementwise().assign(self.array(), r.array());
        self.bumpVersion();
        if (r.gradFn() != null) {
            self.attachGradFn(r.gradFn(), 0);
        }
        return self;
    }
}
