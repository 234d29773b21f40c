package dev.ember.migrate.rules.eager;

/**
 * NHWC convolution, pooling and bias ops: read in TF's layout (strides {@code [1, sh, sw, 1]}, HWIO
 * kernels, SAME/VALID padding) and written as the engine's NCHW {@code Functional} calls, with TF's
 * SAME padding made explicit (asymmetric when TF pads more after).
 */
final class Convolutions {
    private Convolutions() {
    }

    static TfNode conv2d(Call c) {
        c.onlyOptions(4, "dataFormat", "dilations", "useCudnnOnGpu");
        Object fmt = c.option(4, "dataFormat");
        if (fmt != null && !"NHWC".equals(fmt)) {
            throw new Unsupported(c.x, "conv2d with data format " + fmt + " (only NHWC is converted)");
        }
        TfNode x = c.tf(0);
        TfNode f = c.tf(1);
        long[] strides = c.longs(2);
        String padding = c.string(3);
        long[] dil = new long[] {1, 1, 1, 1};
        if (c.option(4, "dilations") != null) {
            throw new Unsupported(c.x, "conv2d dilations are not converted yet");
        }
        check(c, strides, "strides");
        if (!padding.equals("SAME") && !padding.equals("VALID")) {
            throw new Unsupported(c.x, "conv2d padding " + padding + " (SAME and VALID are converted)");
        }
        TfNode n = c.make("conv2d", "Conv2D", x, f);
        n.attrs.put("strides", new long[] {strides[1], strides[2]});
        n.attrs.put("dilations", new long[] {dil[1], dil[2]});
        n.attrs.put("padding", padding);
        n.dtype = x.dtype;
        long[] xs = x.shape;
        long[] fs = f.shape;
        if (xs != null && xs.length == 4) {
            long kh = fs != null && fs.length == 4 ? fs[0] : -1;
            long kw = fs != null && fs.length == 4 ? fs[1] : -1;
            long o = fs != null && fs.length == 4 ? fs[3] : -1;
            n.shape = new long[] {xs[0], Shapes.convOut(xs[1], kh, strides[1], padding, 1),
                Shapes.convOut(xs[2], kw, strides[2], padding, 1), o};
        } else if (xs != null) {
            throw new Unsupported(c.x, "conv2d of a rank-" + xs.length + " input (NHWC is rank 4)");
        }
        return n;
    }

    static TfNode pool(Call c, String op, String tfType) {
        c.onlyOptions(4, "dataFormat");
        Object fmt = c.option(4, "dataFormat");
        if (fmt != null && !"NHWC".equals(fmt)) {
            throw new Unsupported(c.x, op + " with data format " + fmt + " (only NHWC is converted)");
        }
        TfNode x = c.tf(0);
        long[] ksize = c.longs(1);
        long[] strides = c.longs(2);
        String padding = c.string(3);
        check(c, ksize, "ksize");
        check(c, strides, "strides");
        if (!padding.equals("SAME") && !padding.equals("VALID")) {
            throw new Unsupported(c.x, op + " padding " + padding);
        }
        TfNode n = op.equals("maxPool") ? c.make(op, tfType, x, c.tf(1), c.tf(2)) : c.make(op, tfType, x);
        n.attrs.put("ksize", new long[] {ksize[1], ksize[2]});
        n.attrs.put("strides", new long[] {strides[1], strides[2]});
        n.attrs.put("padding", padding);
        n.dtype = x.dtype;
        if (x.shape != null && x.shape.length == 4) {
            n.shape = new long[] {x.shape[0], Shapes.convOut(x.shape[1], ksize[1], strides[1], padding, 1),
                Shapes.convOut(x.shape[2], ksize[2], strides[2], padding, 1), x.shape[3]};
        }
        return n;
    }

    private static void check(Call c, long[] v, String what) {
        if (v.length != 4 || v[0] != 1 || v[3] != 1) {
            throw new Unsupported(c.x, what + " " + java.util.Arrays.toString(v) + " (NHWC needs [1, h, w, 1])");
        }
    }

    // ---------------------------------------------------------------- emission

    static Code biasAdd(TfNode n, Emit e) {
        TfNode x = n.input(0);
        if (x.op.equals("conv2d") && e instanceof MethodEmitter m && m.fusable(x, n)) {
            return conv(x, e, e.in(n.input(1), Layout.PLAIN));
        }
        if (e.layoutOf(x) == Layout.CF) {
            return new Code(e.in(x, Layout.CF) + ".add(" + e.in(n.input(1), Layout.PLAIN) + ".view(-1, 1, 1))",
                    Layout.CF);
        }
        return Code.plain(e.in(x, Layout.PLAIN) + ".add(" + e.in(n.input(1), Layout.PLAIN) + ")");
    }

    static Code conv2dEmit(TfNode n, Emit e) {
        return conv(n, e, "null");
    }

    private static Code conv(TfNode n, Emit e, String bias) {
        String f = e.type("dev.ember.engine.nn.Functional");
        String x = e.in(n.input(0), Layout.CF);
        String w = e.in(n.input(1), Layout.OIHW);
        long[] s = (long[]) n.attr("strides");
        String padding = (String) n.attr("padding");
        long[] xs = n.input(0).shape;
        long[] fs = n.input(1).shape;
        boolean kernelKnown = fs != null && fs.length == 4 && fs[0] > 0 && fs[1] > 0;
        String head = f + ".conv2d(" + x + ", " + w + ", " + bias + ", ";
        if (padding.equals("VALID")) {
            return new Code(head + stride(s) + ", 0)", Layout.CF);
        }
        if (s[0] == 1 && s[1] == 1) {
            if (!kernelKnown) {
                return new Code(head + "new int[] {1}, \"same\", new int[] {1}, 1)", Layout.CF);
            }
            long[] ph = Shapes.samePadding(1, fs[0], 1, 1);
            long[] pw = Shapes.samePadding(1, fs[1], 1, 1);
            return new Code(head + padding(ph, pw, s), Layout.CF);
        }
        if (!kernelKnown || xs == null || xs.length != 4 || xs[1] < 0 || xs[2] < 0) {
            return e.refuse(n, "conv2d SAME with stride " + s[0] + "x" + s[1] + " needs static input and kernel sizes "
                    + "(TF pads asymmetrically); they are not known here");
        }
        return new Code(head + padding(Shapes.samePadding(xs[1], fs[0], s[0], 1), Shapes.samePadding(xs[2], fs[1], s[1], 1),
                s), Layout.CF);
    }

    /** The stride/padding tail of a conv2d call: short form when symmetric, explicit {top, bottom, left, right} else. */
    private static String padding(long[] ph, long[] pw, long[] s) {
        if (ph[0] == ph[1] && pw[0] == pw[1] && ph[0] == pw[0] && s[0] == s[1]) {
            return s[0] + ", " + ph[0] + ")";
        }
        return "new int[] {" + s[0] + ", " + s[1] + "}, new int[] {" + ph[0] + ", " + ph[1] + ", " + pw[0] + ", " + pw[1]
                + "}, new int[] {1}, 1)";
    }

    private static String stride(long[] s) {
        return s[0] == s[1] ? Long.toString(s[0]) : "new int[] {" + s[0] + ", " + s[1] + "}";
    }

    static Code poolEmit(TfNode n, Emit e) {
        String f = e.type("dev.ember.engine.nn.Functional");
        String x = e.in(n.input(0), Layout.CF);
        long[] k = (long[]) n.attr("ksize");
        long[] s = (long[]) n.attr("strides");
        boolean max = n.op.equals("maxPool");
        String call = max ? ".maxPool2d(" : ".avgPool2d(";
        long[] ph = {0, 0};
        long[] pw = {0, 0};
        if (n.attr("padding").equals("SAME")) {
            long[] xs = n.input(0).shape;
            if (xs == null || xs.length != 4 || xs[1] < 0 || xs[2] < 0) {
                return e.refuse(n, n.op + " SAME needs static input sizes (TF pads asymmetrically); they are not known "
                        + "here");
            }
            ph = Shapes.samePadding(xs[1], k[0], s[0], 1);
            pw = Shapes.samePadding(xs[2], k[1], s[1], 1);
        }
        boolean symmetric = ph[0] == ph[1] && pw[0] == pw[1] && ph[0] <= k[0] / 2 && pw[0] <= k[1] / 2;
        if (!symmetric) {
            if (!max) {
                return e.refuse(n, "avgPool SAME with asymmetric padding (TF averages over the valid cells only)");
            }
            x = f + ".pad(" + x + ", new long[] {" + pw[0] + ", " + pw[1] + ", " + ph[0] + ", " + ph[1]
                    + "}, Double.NEGATIVE_INFINITY)";
            ph = new long[] {0, 0};
            pw = new long[] {0, 0};
        }
        boolean square = k[0] == k[1] && s[0] == s[1];
        if (square && ph[0] == 0 && pw[0] == 0) {
            return new Code(f + call + x + ", " + k[0] + ", " + s[0] + ")", Layout.CF);
        }
        String arrays = "new int[] {" + k[0] + ", " + k[1] + "}, new int[] {" + s[0] + ", " + s[1] + "}, new int[] {"
                + ph[0] + ", " + pw[0] + "}";
        return new Code(f + call + x + ", " + arrays + (max ? ", new int[] {1}, false)" : ", false, false)"), Layout.CF);
    }
}
