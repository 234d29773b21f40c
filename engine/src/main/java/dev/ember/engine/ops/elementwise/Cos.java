package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.UnaryOp;

/** Cosine; mirrors {@code torch.cos} ({@code CosBackward0}). */
public final class Cos extends Node {
    private final SavedTensor x;

    private Cos(Tensor x) {
        super(x);
        this.x = save(x);
    }

    public static Tensor apply(Tensor x) {
        Operands o = Operands.unaryFloating(UnaryOp.COS, x);
        return record(o.out, () -> new Cos(o.a), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.mul(x.get().sin()).neg()};
    }
}
