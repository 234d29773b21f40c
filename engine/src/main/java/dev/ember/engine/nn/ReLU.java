package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/** {@code max(x, 0)} elementwise; mirrors {@code torch.nn.ReLU}. */
public class ReLU extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.relu();
    }
}
