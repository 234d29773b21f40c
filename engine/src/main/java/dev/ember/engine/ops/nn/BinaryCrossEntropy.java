package dev.ember.engine.ops.nn;

import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.internal.Checks;
import dev.ember.engine.internal.Promotion;
import dev.ember.engine.internal.Shapes;
import java.util.Arrays;

/**
 * Unreduced binary cross entropy {@code -(t log(x) + (1 - t) log(1 - x))} of probabilities
 * {@code x}, each log clamped to {@code >= -100}; mirrors {@code F.binary_cross_entropy(x, t,
 * reduction='none')} ({@code BinaryCrossEntropyBackward0}). A primitive rather than a composite
 * because PyTorch's gradient is its own formula, {@code (x - t) / max(x (1 - x), 1e-12)}: finite
 * (often 0) where a saturated probability is exactly 0 or 1, where the derivative of the clamped
 * logs would be NaN or differ.
 */
public final class BinaryCrossEntropy extends Node {
    /** PyTorch's EPSILON is the float 1e-12 (9.99999996e-13 as a double). */
    private static final double EPSILON = 1e-12f;
    private static final double LOG_FLOOR = -100;
    private final SavedTensor x;
    private final SavedTensor t;

    private BinaryCrossEntropy(Tensor x, Tensor t) {
        super(x, t);
        this.x = save(x);
        this.t = save(t);
    }

    public static Tensor apply(Tensor input, Tensor target) {
        String op = "binaryCrossEntropy";
        Checks.floating(op, "input (probabilities)", input);
        Checks.floating(op, "target", target);
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException(op + ": target shape " + Shapes.str(target.shape())
                    + " must equal the input shape " + Shapes.str(input.shape()));
        }
        checkProbabilities(op, input);
        Tensor[] xt = Promotion.common(input, target);
        Tensor out;
        try (NoGrad ignored = NoGrad.enter()) {
            Tensor logX = xt[0].log().clampMin(LOG_FLOOR);
            Tensor log1mX = xt[0].neg().log1p().clampMin(LOG_FLOOR);
            out = xt[1].sub(1).mul(log1mX).sub(xt[1].mul(logX));
        }
        return record(out, () -> new BinaryCrossEntropy(xt[0], xt[1]), xt[0], xt[1]);
    }

    private static void checkProbabilities(String op, Tensor input) {
        double[] v = input.detach().toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0 && v[i] <= 1)) {
                throw new IllegalArgumentException(op + ": all elements of input should be probabilities in [0, 1], got "
                        + v[i] + " at flat index " + i + " (pass raw scores to binaryCrossEntropyWithLogits instead)");
            }
        }
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor xv = x.get();
        Tensor oneMinusX = xv.neg().add(1);
        return new Tensor[] {
            needsInputGrad(0) ? g.mul(xv.sub(t.get())).div(oneMinusX.mul(xv).clampMin(EPSILON)) : null,
            // PyTorch's target gradient: -logit(x), unclamped.
            needsInputGrad(1) ? g.mul(xv.div(oneMinusX).log().neg()) : null};
    }
}
