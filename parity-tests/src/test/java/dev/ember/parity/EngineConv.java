package dev.ember.parity;

import dev.ember.engine.Tensor;

/**
 * A stride-1 VALID conv2d written with engine ops (narrow, permute, matmul), NCHW input and OIHW
 * weight: the engine has no conv2d on this branch, and this keeps the layout test honest (the TF
 * side uses TF's real Conv2D on NHWC/HWIO).
 */
final class EngineConv {
    private EngineConv() {
    }

    static Tensor conv2dValid(Tensor x, Tensor w) {
        long kh = w.size(2);
        long kw = w.size(3);
        long ho = x.size(2) - kh + 1;
        long wo = x.size(3) - kw + 1;
        Tensor acc = null;
        for (long i = 0; i < kh; i++) {
            for (long j = 0; j < kw; j++) {
                Tensor patch = x.narrow(2, i, ho).narrow(3, j, wo).permute(0, 2, 3, 1);   // N,Ho,Wo,Cin
                Tensor tap = w.select(3, j).select(2, i);                                    // Cout,Cin
                Tensor term = patch.matmul(tap.t());                                         // N,Ho,Wo,Cout
                acc = acc == null ? term : acc.add(term);
            }
        }
        return acc.permute(0, 3, 1, 2);
    }
}
