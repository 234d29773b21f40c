package dev.ember.engine.ops.shape;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Shapes;
import java.util.ArrayList;
import java.util.List;

/**
 * Tensors joined along an existing dimension; mirrors {@code torch.cat} ({@code CatBackward0}).
 * Inputs are promoted to their common dtype; as in PyTorch, 1-D empty tensors (shape {@code [0]})
 * are skipped whatever the other shapes are.
 */
public final class Cat extends Node {
    private final int dim;
    private final long[] sizes;
    private final boolean[] skippedInput;

    private Cat(Tensor[] inputs, int dim, long[] sizes) {
        super(inputs);
        this.dim = dim;
        this.sizes = sizes;
        this.skippedInput = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            skippedInput[i] = skipped(inputs[i]);
        }
    }

    /** {@code torch.cat(tensors, dim)}. */
    public static Tensor apply(List<Tensor> tensors, int dim) {
        if (tensors == null || tensors.isEmpty()) {
            throw new IllegalArgumentException("cat: expected a non-empty list of tensors");
        }
        Tensor[] ins = promoted("cat", tensors);
        Tensor ref = null;
        int refIndex = -1;
        for (int i = 0; i < ins.length; i++) {
            if (ins[i].dim() == 0) {
                throw new IllegalArgumentException("cat: zero-dimensional tensor (at position " + i
                        + ") cannot be concatenated");
            }
            if (ref == null && !skipped(ins[i])) {
                ref = ins[i];
                refIndex = i;
            }
        }
        if (ref == null) {
            return record(Tensor.zeros(ins[0].dtype(), 0), () -> new Cat(ins, 0, new long[ins.length]), ins);
        }
        int d = Shapes.dim("cat", dim, ref.dim());
        long[] refShape = ref.shape();
        long[] sizes = new long[ins.length];
        List<Array> parts = new ArrayList<>();
        for (int i = 0; i < ins.length; i++) {
            if (skipped(ins[i])) {
                continue;
            }
            check(ins[i], i, refShape, refIndex, d);
            sizes[i] = ins[i].shape()[d];
            parts.add(ins[i].array());
        }
        Tensor out = Tensor.wrap(Kernels.shape().cat(parts.toArray(new Array[0]), d));
        return record(out, () -> new Cat(ins, d, sizes), ins);
    }

    private static boolean skipped(Tensor t) {
        return t.dim() == 1 && t.numel() == 0;
    }

    private static void check(Tensor t, int i, long[] refShape, int refIndex, int d) {
        long[] s = t.shape();
        if (s.length != refShape.length) {
            throw new IllegalArgumentException("cat: tensors must have the same number of dimensions: tensor "
                    + refIndex + " has shape " + Shapes.str(refShape) + " but tensor " + i + " has shape "
                    + Shapes.str(s));
        }
        for (int k = 0; k < s.length; k++) {
            if (k != d && s[k] != refShape[k]) {
                throw new IllegalArgumentException("cat: sizes of tensors must match except in dimension " + d
                        + ": expected size " + refShape[k] + " but got size " + s[k] + " for tensor " + i
                        + " in the list (shapes " + Shapes.str(refShape) + " and " + Shapes.str(s) + ")");
            }
        }
    }

    /** The inputs converted (differentiably) to their common dtype; null entries are refused. */
    static Tensor[] promoted(String op, List<Tensor> tensors) {
        DType common = null;
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            if (t == null) {
                throw new IllegalArgumentException(op + ": tensor " + i + " in the list is null");
            }
            common = common == null ? t.dtype() : DType.promote(common, t.dtype());
        }
        Tensor[] out = new Tensor[tensors.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tensors.get(i).to(common);
        }
        return out;
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor[] grads = new Tensor[sizes.length];
        long offset = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (needsInputGrad(i)) {
                grads[i] = skippedInput[i] ? Tensor.zeros(g.dtype(), 0) : g.narrow(dim, offset, sizes[i]);
            }
            offset += sizes[i];
        }
        return grads;
    }
}
