package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/** The logistic sigmoid {@code 1 / (1 + e^-x)} elementwise; mirrors {@code torch.nn.Sigmoid}. */
public class Sigmoid extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.sigmoid();
    }
}
