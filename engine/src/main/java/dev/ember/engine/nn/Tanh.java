package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/** The hyperbolic tangent elementwise; mirrors {@code torch.nn.Tanh}. */
public class Tanh extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.tanh();
    }
}
