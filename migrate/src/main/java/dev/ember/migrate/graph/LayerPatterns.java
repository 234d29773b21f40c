package dev.ember.migrate.graph;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.migrate.graph.GraphConverter.Unsupported;
import dev.ember.migrate.graph.Val.Layout;
import dev.ember.tfcompat.checkpoint.Layouts;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * The graph patterns that become engine layers: {@code MatMul(x, W)[+BiasAdd]} to {@code Linear},
 * NHWC {@code Conv2D(x, K)[+BiasAdd]} to {@code Conv2d} (run in NCHW), {@code FusedBatchNorm*}
 * (inference) to {@code BatchNorm2d}. Weights are converted with {@link Layouts}: HWIO to OIHW,
 * Dense kernels transposed, and the first Linear after an NHWC flatten gets the flatten-order fix.
 */
final class LayerPatterns {
    private LayerPatterns() {
    }

    /** A BiasAdd/Add that adds a rank-1 weight of {@code channels} values to the node's only output use. */
    private record Bias(NodeDef node, NodeDef source, Tensor value) {
    }

    static void matMul(NodeDef n, GraphConverter g) {
        NodeDef w = g.weightInput(1);
        Tensor k = w == null ? null : g.weight(w);
        if (w == null || Attrs.bool(n, "transpose_a", false) || k.dim() != 2 || k.dtype() != DType.FLOAT32) {
            NodeConverters.genericMatMul(n, g);
            return;
        }
        Tensor weight = Attrs.bool(n, "transpose_b", false) ? k.contiguous() : Layouts.denseKernelToLinearWeight(k);
        long out = weight.size(0);
        long in = weight.size(1);
        Val x = g.in(0);
        String fix = "";
        if (x.layout() == Layout.FLAT_CHW && x.hwc()[0] * x.hwc()[1] * x.hwc()[2] == in) {
            long[] h = x.hwc();
            weight = Layouts.flattenOrderFix(weight, h[0], h[1], h[2]);
            fix = "; inputs reordered for the NCHW flatten (Layouts.flattenOrderFix " + h[0] + "x" + h[1] + "x" + h[2] + ")";
        } else {
            x = g.plain(x);
        }
        Bias b = bias(n, out, g);
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("weight", weight);
        if (b != null) {
            state.put("bias", b.value());
        }
        String doc = "{@code " + n.getName() + "}" + (b == null ? "" : " + {@code " + b.node().getName() + "}")
                + ": kernel {@code " + w.getName() + "} " + Arrays.toString(k.shape()) + " transposed"
                + (b == null ? "" : ", bias {@code " + b.source().getName() + "}") + fix + ".";
        String f = g.field(layerName(w, n, "linear"), "Linear",
                "registerModule(\"$NAME\", new Linear(" + in + ", " + out + (b == null ? ", false" : "") + "))", doc, state);
        finish(n, b, f, g.emit(last(n, b), "Linear", f + ".forward(" + x.expr() + ")", Layout.PLAIN,
                new long[] {x.dim(0), out}, DataType.DT_FLOAT, null), g);
    }

    static void conv2d(NodeDef n, GraphConverter g) {
        String format = Attrs.string(n, "data_format", "NHWC");
        if (!format.equals("NHWC")) {
            throw new Unsupported("data_format " + format + ": only NHWC convolutions are converted");
        }
        NodeDef w = g.weightInput(1);
        if (w == null) {
            throw new Unsupported("the filter must be a variable or a Const (a computed filter is not converted)");
        }
        Tensor k = g.weight(w);
        if (k.dim() != 4 || k.dtype() != DType.FLOAT32) {
            throw new Unsupported("filter '" + w.getName() + "' must be a float32 HWIO kernel, got " + k.dtype() + " "
                    + Arrays.toString(k.shape()));
        }
        long[] ks = k.shape();
        int[] stride = Attrs.hw(n, "strides", "Conv2D strides");
        int[] dilation = n.getAttrMap().containsKey("dilations") ? Attrs.hw(n, "dilations", "Conv2D dilations") : new int[] {1, 1};
        Val x = g.nchw(g.in(0));
        long c = x.dim(3);
        if (c > 0 && c % ks[2] != 0) {
            throw new Unsupported("input has " + c + " channels, not a multiple of the filter's " + ks[2]);
        }
        long groups = c > 0 ? c / ks[2] : 1;
        Padding p = Padding.of(n, x, new long[] {ks[0], ks[1]}, stride, dilation);
        String in = p.padded(n, x, 0, g);
        Bias b = bias(n, ks[3], g);
        StringBuilder opts = new StringBuilder("ConvOptions.defaults()");
        if (stride[0] != 1 || stride[1] != 1) {
            opts.append(".stride(").append(stride[0]).append(", ").append(stride[1]).append(')');
        }
        if (p.symmetric() && (p.top() != 0 || p.left() != 0)) {
            opts.append(".padding(").append(p.top()).append(", ").append(p.left()).append(')');
        }
        if (dilation[0] != 1 || dilation[1] != 1) {
            opts.append(".dilation(").append(dilation[0]).append(", ").append(dilation[1]).append(')');
        }
        if (groups != 1) {
            opts.append(".groups(").append(groups).append(')');
        }
        if (b == null) {
            opts.append(".bias(false)");
        }
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("weight", Layouts.hwioToOihw(k));
        if (b != null) {
            state.put("bias", b.value());
        }
        String doc = "{@code " + n.getName() + "}" + (b == null ? "" : " + {@code " + b.node().getName() + "}")
                + ": kernel {@code " + w.getName() + "} " + Arrays.toString(ks) + " HWIO -> OIHW"
                + (b == null ? "" : ", bias {@code " + b.source().getName() + "}") + ", padding " + Attrs.string(n, "padding", "?")
                + p.describe() + ".";
        String f = g.field(layerName(w, n, "conv"), "Conv2d", "registerModule(\"$NAME\", new Conv2d(" + ks[2] * groups + ", "
                + ks[3] + ", new int[] {" + ks[0] + ", " + ks[1] + "}, " + opts + "))", doc, state);
        long[] shape = {x.dim(0), p.outH(), p.outW(), ks[3]};
        finish(n, b, f, g.emit(last(n, b), "Conv2d", f + ".forward(" + in + ")", Layout.NCHW, shape, DataType.DT_FLOAT,
                null), g);
    }

    static void batchNorm(NodeDef n, GraphConverter g) {
        if (Attrs.bool(n, "is_training", true)) {
            throw new Unsupported("is_training=true normalises with batch statistics; convert-graph converts inference "
                    + "graphs (export the model with is_training=false)");
        }
        String format = Attrs.string(n, "data_format", "NHWC");
        if (!format.equals("NHWC")) {
            throw new Unsupported("data_format " + format + ": only NHWC batch norms are converted");
        }
        for (String c : g.consumersOf(n.getName())) {
            NodeDef consumer = g.node(c);
            for (String in : consumer == null ? List.<String>of() : g.dataInputs(consumer)) {
                if (in.startsWith(n.getName() + ":") && !in.equals(n.getName() + ":0")) {
                    throw new Unsupported("node '" + c + "' reads " + in + " (a batch statistic); only the normalised "
                            + "output is converted");
                }
            }
        }
        String[] roles = {"scale", "offset", "mean", "variance"};
        Tensor[] t = new Tensor[4];
        NodeDef[] src = new NodeDef[4];
        for (int i = 0; i < 4; i++) {
            src[i] = g.weightInput(i + 1);
            t[i] = src[i] == null ? null : g.weight(src[i]);
            if (t[i] == null || t[i].dim() != 1 || t[i].dtype() != DType.FLOAT32) {
                throw new Unsupported("its " + roles[i] + " must be a float32 vector variable or Const");
            }
        }
        Val x = g.nchw(g.in(0));
        float eps = n.getAttrMap().containsKey("epsilon") ? n.getAttrMap().get("epsilon").getF() : 1e-4f;
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("weight", t[0]);
        state.put("bias", t[1]);
        state.put("running_mean", t[2]);
        state.put("running_var", t[3]);
        state.put("num_batches_tracked", Tensor.scalar(0L));
        String doc = "{@code " + n.getName() + "} (" + n.getOp() + ", is_training=false): scale {@code " + src[0].getName()
                + "}, offset {@code " + src[1].getName() + "}, mean {@code " + src[2].getName() + "}, variance {@code "
                + src[3].getName() + "}, epsilon " + eps + " (TF's, not PyTorch's 1e-5).";
        String f = g.field(layerName(src[0], n, "bn"), "BatchNorm2d", "registerModule(\"$NAME\", new BatchNorm2d("
                + t[0].size(0) + ", " + eps + "f, 0.1))", doc, state);
        g.set(n.getName(), 0, g.emit(n.getName(), n.getOp(), f + ".forward(" + x.expr() + ")", Layout.NCHW, x.shape(),
                DataType.DT_FLOAT, null));
    }

    private static Bias bias(NodeDef producer, long channels, GraphConverter g) {
        NodeDef c = g.soleConsumer(producer.getName());
        if (c == null || !(c.getOp().equals("BiasAdd") || c.getOp().equals("Add") || c.getOp().equals("AddV2"))) {
            return null;
        }
        if (c.getOp().equals("BiasAdd") && !Attrs.string(c, "data_format", "NHWC").equals("NHWC")) {
            return null;
        }
        List<String> ins = g.dataInputs(c);
        String self = producer.getName() + ":0";
        int other = ins.get(0).equals(self) ? 1 : ins.get(1).equals(self) && !c.getOp().equals("BiasAdd") ? 0 : -1;
        if (other < 0 || ins.get(other).equals(self)) {
            return null;
        }
        NodeDef src = g.weightSource(ins.get(other).substring(0, ins.get(other).lastIndexOf(':')));
        if (src == null) {
            return null;
        }
        Tensor v = g.weight(src);
        return v.dim() == 1 && v.size(0) == channels && v.dtype() == DType.FLOAT32 ? new Bias(c, src, v) : null;
    }

    private static String last(NodeDef n, Bias b) {
        return b == null ? n.getName() : b.node().getName();
    }

    private static void finish(NodeDef n, Bias b, String field, Val y, GraphConverter g) {
        g.set(n.getName(), 0, y);
        if (b != null) {
            g.set(b.node().getName(), 0, y);
            g.absorb(b.node());
        }
    }

    /** The layer's field name: the weight's name scope ({@code dense/kernel} -> dense), else the op's, else {@code fallback}. */
    static String layerName(NodeDef weight, NodeDef op, String fallback) {
        for (String name : new String[] {weight.getName(), op.getName()}) {
            int slash = name.lastIndexOf('/');
            if (slash > 0) {
                return name.substring(0, slash);
            }
        }
        return fallback;
    }
}
