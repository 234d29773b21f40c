package dev.ember.engine.ops;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.util.Random;

/** Deterministic random inputs for one case of a row, as tensors and as reference arrays. */
final class OpInputs {
    final NdRef[] refs;
    private final OpSpec spec;

    OpInputs(OpSpec spec, long[][] shapes, long seed) {
        this.spec = spec;
        Random rnd = new Random(seed);
        refs = new NdRef[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            NdRef r = NdRef.zeros(shapes[i]);
            for (int k = 0; k < r.data.length; k++) {
                r.data[k] = draw(rnd, spec.domainOf(i), i);
            }
            refs[i] = r;
        }
    }

    private double draw(Random rnd, OpSpec.Domain d, int i) {
        switch (d) {
            case POSITIVE: return 0.5 + 2 * rnd.nextDouble();
            case AWAY_FROM_ZERO: return (rnd.nextBoolean() ? 1 : -1) * (0.5 + 1.5 * rnd.nextDouble());
            case UNIT: return -0.9 + 1.8 * rnd.nextDouble();
            case INDEX: return rnd.nextInt((int) spec.indexHigh[i]);
            case BOOL: return rnd.nextBoolean() ? 1 : 0;
            default: {
                double v = -2 + 4 * rnd.nextDouble();
                return Math.abs(v) < 0.05 ? v + Math.copySign(0.1, v) : v;
            }
        }
    }

    /** Fresh tensors: floats in {@code dtype}, with requiresGrad when asked; indices int64; bools bool. */
    Tensor[] tensors(DType dtype, boolean requiresGrad) {
        Tensor[] t = new Tensor[refs.length];
        for (int i = 0; i < refs.length; i++) {
            OpSpec.Domain d = spec.domainOf(i);
            if (d == OpSpec.Domain.INDEX) {
                long[] v = new long[refs[i].data.length];
                for (int k = 0; k < v.length; k++) {
                    v[k] = (long) refs[i].data[k];
                }
                t[i] = Tensor.fromArray(v, refs[i].shape);
            } else if (d == OpSpec.Domain.BOOL) {
                boolean[] v = new boolean[refs[i].data.length];
                for (int k = 0; k < v.length; k++) {
                    v[k] = refs[i].data[k] != 0;
                }
                t[i] = Tensor.fromArray(v, refs[i].shape);
            } else {
                t[i] = Tensor.fromArray(refs[i].data.clone(), refs[i].shape).to(dtype);
                if (requiresGrad) {
                    t[i].requiresGrad_(true);
                }
            }
        }
        return t;
    }

    boolean isFloat(int i) {
        OpSpec.Domain d = spec.domainOf(i);
        return d != OpSpec.Domain.INDEX && d != OpSpec.Domain.BOOL;
    }
}
