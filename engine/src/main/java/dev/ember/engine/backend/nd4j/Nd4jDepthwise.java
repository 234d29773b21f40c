package dev.ember.engine.backend.nd4j;

/**
 * Depthwise convolution ({@code groups == C}, weight {@code (C*m, 1, kH, kW)}, output channel
 * {@code o} reading input channel {@code o / m}) as a direct loop: libnd4j's
 * {@code depthwise_conv2d} runs at ~0.1 GFLOP/s (about 1 s for a 32x64x56x56 3x3 forward).
 */
final class Nd4jDepthwise {
    private final int n;
    private final int c;
    private final int h;
    private final int w;
    private final int o;
    private final int kh;
    private final int kw;
    private final int oh;
    private final int ow;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;

    Nd4jDepthwise(long[] in, long[] weight, long[] out, int[] stride, int[] padding, int[] dilation) {
        n = (int) in[0];
        c = (int) in[1];
        h = (int) in[2];
        w = (int) in[3];
        o = (int) weight[0];
        kh = (int) weight[2];
        kw = (int) weight[3];
        oh = (int) out[2];
        ow = (int) out[3];
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
    }

    void forward(NioValues x, NioValues wt, NioValues bias, NioValues y) {
        for (int b = 0; b < n; b++) {
            for (int oc = 0; oc < o; oc++) {
                int xBase = (b * c + oc / (o / c)) * h * w;
                int yBase = (b * o + oc) * oh * ow;
                double bv = bias == null ? 0 : bias.get(oc);
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double sum = bv;
                        for (int u = 0; u < kh; u++) {
                            int r = i * stride[0] - padding[0] + u * dilation[0];
                            if (r < 0 || r >= h) {
                                continue;
                            }
                            for (int v = 0; v < kw; v++) {
                                int col = j * stride[1] - padding[1] + v * dilation[1];
                                if (col >= 0 && col < w) {
                                    sum += x.get(xBase + r * w + col) * wt.get((oc * kh + u) * kw + v);
                                }
                            }
                        }
                        y.set(yBase + i * ow + j, sum);
                    }
                }
            }
        }
    }

    /** Both gradients; the weight gradient is summed in double before it is stored. */
    void backward(NioValues x, NioValues wt, NioValues g, NioValues gx, NioValues gw) {
        double[] acc = new double[o * kh * kw];
        for (int b = 0; b < n; b++) {
            for (int oc = 0; oc < o; oc++) {
                int xBase = (b * c + oc / (o / c)) * h * w;
                int gBase = (b * o + oc) * oh * ow;
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double gv = g.get(gBase + i * ow + j);
                        for (int u = 0; u < kh; u++) {
                            int r = i * stride[0] - padding[0] + u * dilation[0];
                            if (r < 0 || r >= h) {
                                continue;
                            }
                            for (int v = 0; v < kw; v++) {
                                int col = j * stride[1] - padding[1] + v * dilation[1];
                                if (col >= 0 && col < w) {
                                    int xi = xBase + r * w + col;
                                    int wi = (oc * kh + u) * kw + v;
                                    gx.set(xi, gx.get(xi) + gv * wt.get(wi));
                                    acc[wi] += gv * x.get(xi);
                                }
                            }
                        }
                    }
                }
            }
        }
        for (int i = 0; i < acc.length; i++) {
            gw.set(i, acc[i]);
        }
    }
}
