package dev.ember.parity;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Autograd;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradients on the engine side, named like the TF side's: {@code d<scalar>/d<name>}. What the
 * harness uses for declared gradients; usable directly in hand-written checks.
 */
public final class EngineGradients {
    private EngineGradients() {
    }

    /**
     * {@code Autograd.grad(scalar, wrt)} (mirrors {@code torch.autograd.grad}) as a map from
     * {@code d<scalarName>/d<name>} to the gradient, in the order of {@code wrt}. Fails, naming the
     * tensor, when the scalar has more than one element or a tensor does not influence it.
     */
    public static Map<String, Tensor> grad(String scalarName, Tensor scalar, Map<String, Tensor> wrt) {
        if (scalar == null) {
            throw new IllegalArgumentException("EngineGradients.grad: the engine side returned no '" + scalarName + "'");
        }
        if (scalar.numel() != 1) {
            throw new IllegalArgumentException("EngineGradients.grad: '" + scalarName + "' must be a scalar (one element) "
                    + "to take gradients of, got shape " + Arrays.toString(scalar.shape()));
        }
        if (!scalar.requiresGrad()) {
            throw new IllegalArgumentException("EngineGradients.grad: '" + scalarName + "' does not require grad: it "
                    + "does not depend on any of " + wrt.keySet() + " (or was computed under NoGrad/detach)");
        }
        String[] names = wrt.keySet().toArray(new String[0]);
        Tensor[] inputs = wrt.values().toArray(new Tensor[0]);
        for (int i = 0; i < names.length; i++) {
            if (!inputs[i].requiresGrad()) {
                throw new IllegalArgumentException("EngineGradients.grad: '" + names[i] + "' does not require grad");
            }
        }
        Tensor[] grads = Autograd.grad(new Tensor[] {scalar}, inputs, null, false, false, true);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (grads[i] == null) {
                throw new IllegalArgumentException("EngineGradients.grad: '" + scalarName + "' does not depend on '"
                        + names[i] + "' on the engine side, so it has no gradient");
            }
            out.put(Parity.gradientName(scalarName, names[i]), grads[i]);
        }
        return out;
    }
}
