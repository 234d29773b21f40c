package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/** Returns its input; mirrors {@code torch.nn.Identity}. */
public class Identity extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}
