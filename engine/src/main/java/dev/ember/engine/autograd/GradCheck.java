package dev.ember.engine.autograd;

import dev.ember.engine.DType;
import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Compares analytical gradients with central finite differences in float64; mirrors
 * {@code torch.autograd.gradcheck} (eps 1e-6, atol 1e-5, rtol 1e-3). Inputs must be float64;
 * those with {@code requiresGrad} are checked. Throws {@link AssertionError} naming the input,
 * the Jacobian entry and both values on a mismatch.
 */
public final class GradCheck {
    private GradCheck() {
    }

    /** Checks {@code fn} at {@code inputs} with PyTorch's default tolerances. Returns true or throws. */
    public static boolean check(Function<Tensor[], Tensor> fn, Tensor... inputs) {
        return check(fn, 1e-6, 1e-5, 1e-3, inputs);
    }

    /** Checks {@code fn} at {@code inputs}; see the class comment. */
    public static boolean check(Function<Tensor[], Tensor> fn, double eps, double atol, double rtol, Tensor... inputs) {
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].requiresGrad() && inputs[i].dtype() != DType.FLOAT64) {
                throw new IllegalArgumentException("GradCheck: input " + i + " is " + inputs[i].dtype()
                        + "; gradcheck needs float64 inputs for meaningful finite differences");
            }
        }
        Tensor out = fn.apply(inputs);
        int outN = (int) out.numel();
        for (int i = 0; i < inputs.length; i++) {
            if (!inputs[i].requiresGrad()) {
                continue;
            }
            double[][] numeric = numericalJacobian(fn, inputs, i, outN, eps);
            double[][] analytic = analyticalJacobian(fn, inputs, i, outN);
            for (int r = 0; r < numeric.length; r++) {
                for (int c = 0; c < outN; c++) {
                    double n = numeric[r][c];
                    double a = analytic[r][c];
                    if (!(Math.abs(a - n) <= atol + rtol * Math.abs(n))) {
                        throw new AssertionError("GradCheck: Jacobian mismatch for input " + i + " (shape "
                                + Arrays.toString(inputs[i].shape()) + "), input element " + r + ", output element "
                                + c + ": numerical " + n + " vs analytical " + a);
                    }
                }
            }
        }
        return true;
    }

    private static double[][] numericalJacobian(Function<Tensor[], Tensor> fn, Tensor[] inputs, int which, int outN,
            double eps) {
        double[] base = inputs[which].detach().toDoubleArray();
        double[][] jac = new double[base.length][outN];
        try (NoGrad ignored = NoGrad.enter()) {
            for (int r = 0; r < base.length; r++) {
                double[] plus = evalWith(fn, inputs, which, base, r, eps);
                double[] minus = evalWith(fn, inputs, which, base, r, -eps);
                for (int c = 0; c < outN; c++) {
                    jac[r][c] = (plus[c] - minus[c]) / (2 * eps);
                }
            }
        }
        return jac;
    }

    private static double[] evalWith(Function<Tensor[], Tensor> fn, Tensor[] inputs, int which, double[] base, int r,
            double delta) {
        double[] v = base.clone();
        v[r] += delta;
        Tensor[] args = inputs.clone();
        args[which] = Tensor.fromArray(v, inputs[which].shape());
        return fn.apply(args).detach().to(DType.FLOAT64).toDoubleArray();
    }

    private static double[][] analyticalJacobian(Function<Tensor[], Tensor> fn, Tensor[] inputs, int which, int outN) {
        int inN = (int) inputs[which].numel();
        double[][] jac = new double[inN][outN];
        for (int c = 0; c < outN; c++) {
            Tensor out = fn.apply(inputs);
            if (!out.requiresGrad()) {
                continue;
            }
            double[] onehot = new double[outN];
            onehot[c] = 1;
            Tensor g = Tensor.fromArray(onehot, out.shape()).to(out.dtype());
            Tensor[] grads = Autograd.grad(new Tensor[] {out}, new Tensor[] {inputs[which]}, new Tensor[] {g},
                    false, false, true);
            if (grads[0] == null) {
                continue;
            }
            double[] gv = grads[0].toDoubleArray();
            for (int r = 0; r < inN; r++) {
                jac[r][c] = gv[r];
            }
        }
        return jac;
    }
}
