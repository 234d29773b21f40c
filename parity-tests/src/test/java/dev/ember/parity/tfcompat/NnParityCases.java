package dev.ember.parity.tfcompat;

import static dev.ember.parity.tfcompat.TfOpParity.input;

import dev.ember.parity.tfcompat.TfOpParity.In;
import dev.ember.tfcompat.runtime.OpRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.OperationBuilder;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.AvgPool;
import org.tensorflow.op.nn.BiasAdd;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.nn.Conv2dBackpropFilter;
import org.tensorflow.op.nn.Conv2dBackpropInput;
import org.tensorflow.op.nn.DepthwiseConv2dNative;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.op.nn.LocalResponseNormalization;
import org.tensorflow.types.TFloat32;

/**
 * Parity cases of the {@code tf.nn} kernels: activations and their gradient ops, softmax and the
 * cross-entropy losses, bias addition, convolutions (NHWC/NCHW, VALID/SAME/EXPLICIT, strides 1 and
 * 2, odd sizes with asymmetric SAME padding, dilations, depthwise multipliers, groups), pooling,
 * fused batch norm (training and inference), LRN, and a small NHWC CNN. TF's gradient op types
 * ({@code Conv2DBackpropInput}, {@code MaxPoolGrad}, {@code FusedBatchNormGradV3}, ...) also get
 * cases of their own, built directly, so they are checked even where TF's gradient graph is not run.
 *
 * <p>Where a case skips something, the reason is on the case. TF CPU facts found while writing them
 * (TF-Java 1.1.0 = TF 2.18 with oneDNN): Conv2D, DepthwiseConv2dNative, AvgPool, MaxPool (v1),
 * BiasAdd and FusedBatchNorm run NCHW on the CPU; MaxPoolV2 does not. TF's C++ gradient of Conv2D
 * drops {@code dilations} and {@code explicit_paddings} (the process aborts on a dilated Conv2D's
 * gradient), and MaxPool's drops {@code explicit_paddings}; ops without a C++ gradient
 * ({@code SparseSoftmaxCrossEntropyWithLogits}, FusedBatchNorm v1/v2, the *Grad ops) compare forward only.
 */
final class NnParityCases {
    private NnParityCases() {
    }

    /** The loss TfOpParity differentiates (sum(y * ones)) and its TF gradient graph need these kernels too. */
    private static final Set<String> LOSS_GRADIENT_TYPES = Set.of("Add", "BroadcastGradientArgs", "Cast", "Const", "Div",
            "DynamicStitch", "Fill", "Identity", "Maximum", "Mod", "Mul", "OnesLike", "Range", "Rank", "Reshape",
            "Shape", "Size", "Sum", "Tile", "ZerosLike", "ExpandDims", "Exp", "Sub", "Transpose");

    /** TF's gradient graph is run on the engine only when the registry has every kernel it uses. */
    private static TfOpParity tfGraph(TfOpParity c) {
        Set<String> missing = new TreeSet<>(LOSS_GRADIENT_TYPES);
        missing.removeAll(OpRegistry.types());
        return missing.isEmpty() ? c : c.noTfGradientGraph("TF's gradient graph (of the case's loss) needs "
                + "array/math kernels not in the registry yet: " + missing);
    }

    private static final String NO_TF_GRADIENT = "TF has no C++ gradient for this op (addGradients fails)";

    static List<TfOpParity> cases() {
        List<TfOpParity> all = new ArrayList<>();
        all.addAll(activations());
        all.addAll(losses());
        all.addAll(convolutions());
        all.addAll(pooling());
        all.addAll(normalisation());
        List<TfOpParity> gated = new ArrayList<>();
        for (TfOpParity c : all) {
            gated.add(tfGraph(c));
        }
        return gated;
    }

    // ---------------------------------------------------------------- helpers

    /** Named outputs in order (output 0 is the one whose gradient is checked). */
    private static Map<String, Operand<?>> outs(Object... nameAndOperand) {
        Map<String, Operand<?>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndOperand.length; i += 2) {
            m.put((String) nameAndOperand[i], (Operand<?>) nameAndOperand[i + 1]);
        }
        return m;
    }

    /** A node of any TF op type (for ops TF-Java's {@code Ops} has no method for). */
    static Operation raw(Ops tf, String type, List<Operand<?>> inputs, Object... attrs) {
        OperationBuilder b = tf.scope().opBuilder(type, type);
        for (Operand<?> in : inputs) {
            b.addInput(in.asOutput());
        }
        for (int i = 0; i < attrs.length; i += 2) {
            String name = (String) attrs[i];
            Object v = attrs[i + 1];
            if (v instanceof String) {
                b.setAttr(name, (String) v);
            } else if (v instanceof long[]) {
                b.setAttr(name, (long[]) v);
            } else if (v instanceof Boolean) {
                b.setAttr(name, (Boolean) v);
            } else if (v instanceof Float) {
                b.setAttr(name, (Float) v);
            } else if (v instanceof Long) {
                b.setAttr(name, (Long) v);
            } else {
                throw new IllegalArgumentException(name + ": " + v);
            }
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32> out(Operation op, int i) {
        return (Operand<TFloat32>) (Operand<?>) op.output(i);
    }

    private static Operand<TFloat32> x() {
        return input("x");
    }

    private static List<Long> l(long... v) {
        List<Long> out = new ArrayList<>();
        for (long x : v) {
            out.add(x);
        }
        return out;
    }

    private static TfOpParity unary(String name, long[] shape, double lo, double hi,
            Function<Ops, Operand<?>> f) {
        return TfOpParity.of(name).in(In.f32("x", shape).range(lo, hi)).build(tf -> outs("y", f.apply(tf)));
    }

    /** A gradient op {@code type(a, b)} of two same-shaped float inputs, built directly. */
    private static TfOpParity gradOp(String type, double lo, double hi, Object... attrs) {
        return TfOpParity.of(type).in(In.f32("a", 3, 4).range(lo, hi)).in(In.f32("b", 3, 4).range(lo, hi))
                .build(tf -> outs("y", out(raw(tf, type, List.of(input("a"), input("b")), attrs), 0))).noGradients();
    }

    // ---------------------------------------------------------------- activations

    static List<TfOpParity> activations() {
        long[] s = {3, 4};
        long[] img = {2, 3, 4, 5};
        return List.of(
            unary("relu6", s, -3, 9, tf -> tf.nn.relu6(x())),
            unary("relu6 image", img, -3, 9, tf -> tf.nn.relu6(x())),
            unary("elu", s, -3, 3, tf -> tf.nn.elu(x())),
            unary("selu", s, -3, 3, tf -> tf.nn.selu(x())),
            unary("leaky relu default alpha", s, -3, 3, tf -> tf.nn.leakyRelu(x())),
            unary("leaky relu alpha 0.3", s, -3, 3, tf -> tf.nn.leakyRelu(x(), LeakyRelu.alpha(0.3f))),
            unary("softsign", s, -3, 3, tf -> tf.nn.softsign(x())),
            gradOp("ReluGrad", -2, 2),
            gradOp("Relu6Grad", -3, 9),
            gradOp("EluGrad", -1, 2),
            gradOp("SeluGrad", -1.5, 2),
            gradOp("LeakyReluGrad", -2, 2, "alpha", 0.3f),
            gradOp("SoftsignGrad", -2, 2),
            gradOp("SigmoidGrad", 0, 1),
            gradOp("TanhGrad", -1, 1));
    }

    // ---------------------------------------------------------------- softmax and losses

    static List<TfOpParity> losses() {
        return List.of(
            unary("softmax", new long[] {3, 5}, -3, 3, tf -> tf.nn.softmax(x())),
            unary("softmax rank 3", new long[] {2, 3, 4}, -3, 3, tf -> tf.nn.softmax(x())),
            unary("log softmax", new long[] {3, 5}, -3, 3, tf -> tf.nn.logSoftmax(x())),
            // TF's C++ LogSoftmax gradient sums over axis 1, so it fails on a vector
            unary("log softmax rank 1", new long[] {6}, -3, 3, tf -> tf.nn.logSoftmax(x())).noGradients(),
            unary("l2 loss", new long[] {3, 4}, -2, 2, tf -> tf.nn.l2Loss(x())),
            TfOpParity.of("softmax cross entropy (labels not normalised)").in(In.f32("x", 3, 5))
                .in(In.f32("labels", 3, 5).range(0, 1))
                .build(tf -> {
                    var r = tf.nn.softmaxCrossEntropyWithLogits(x(), input("labels"));
                    return outs("loss", r.loss(), "backprop", r.backprop());
                }),
            TfOpParity.of("softmax cross entropy backprop output").in(In.f32("x", 3, 5))
                .in(In.f32("labels", 3, 5).range(0, 1))
                .build(tf -> {
                    var r = tf.nn.softmaxCrossEntropyWithLogits(x(), input("labels"));
                    return outs("backprop", r.backprop(), "loss", r.loss());
                }),
            // labels are a constant: TF's C++ gradient gives broadcast labels a gradient of the broadcast shape
            TfOpParity.of("softmax cross entropy broadcast labels").in(In.f32("x", 3, 5))
                .build(tf -> {
                    var r = tf.nn.softmaxCrossEntropyWithLogits(x(), tf.constant(new float[][] {{0.1f, 0.2f, 0, 0.5f, 0.2f}}));
                    return outs("loss", r.loss(), "backprop", r.backprop());
                }),
            TfOpParity.of("sparse softmax cross entropy int32").in(In.f32("x", 4, 5)).in(In.i32("labels", 0, 5, 4))
                .build(tf -> {
                    var r = tf.nn.sparseSoftmaxCrossEntropyWithLogits(x(), input("labels"));
                    return outs("loss", r.loss(), "backprop", r.backprop());
                }).noGradients(),
            TfOpParity.of("sparse softmax cross entropy int64").in(In.f32("x", 4, 5)).in(In.i64("labels", 0, 5, 4))
                .build(tf -> {
                    var r = tf.nn.sparseSoftmaxCrossEntropyWithLogits(x(), input("labels"));
                    return outs("loss", r.loss(), "backprop", r.backprop());
                }).noGradients());
    }

    // ---------------------------------------------------------------- convolutions

    private static TfOpParity conv(String name, long[] x, long[] f, List<Long> strides, String padding,
            Conv2d.Options... options) {
        return TfOpParity.of("conv2d " + name).in(In.f32("x", x)).in(In.f32("f", f))
                .build(tf -> outs("y", tf.nn.conv2d(x(), input("f"), strides, padding, options)));
    }

    private static TfOpParity depthwise(String name, long[] x, long[] f, List<Long> strides, String padding,
            DepthwiseConv2dNative.Options... options) {
        return TfOpParity.of("depthwise " + name).in(In.f32("x", x)).in(In.f32("f", f))
                .build(tf -> outs("y", tf.nn.depthwiseConv2dNative(x(), input("f"), strides, padding, options)));
    }

    static List<TfOpParity> convolutions() {
        String dilationGradient = "forward only: TF's C++ Conv2D gradient drops dilations (the TF process aborts)";
        List<TfOpParity> c = new ArrayList<>(List.of(
            conv("NHWC VALID stride 1", new long[] {2, 6, 6, 3}, new long[] {3, 3, 3, 4}, l(1, 1, 1, 1), "VALID"),
            conv("NHWC SAME stride 1", new long[] {2, 5, 5, 3}, new long[] {3, 3, 3, 4}, l(1, 1, 1, 1), "SAME"),
            conv("NHWC SAME even kernel (pad 0 before, 1 after)", new long[] {2, 5, 5, 3}, new long[] {2, 2, 3, 4},
                    l(1, 1, 1, 1), "SAME"),
            conv("NHWC SAME stride 2 even size (asymmetric)", new long[] {2, 6, 6, 3}, new long[] {3, 3, 3, 4},
                    l(1, 2, 2, 1), "SAME"),
            conv("NHWC SAME stride 2 odd size", new long[] {2, 7, 5, 3}, new long[] {3, 3, 3, 2}, l(1, 2, 2, 1), "SAME"),
            conv("NHWC VALID stride 2 odd size", new long[] {1, 7, 6, 2}, new long[] {3, 2, 2, 3}, l(1, 2, 2, 1), "VALID"),
            conv("NCHW SAME stride 2", new long[] {2, 3, 6, 6}, new long[] {3, 3, 3, 4}, l(1, 1, 2, 2), "SAME",
                    Conv2d.dataFormat("NCHW")),
            conv("NCHW VALID stride 1", new long[] {2, 3, 5, 6}, new long[] {2, 3, 3, 2}, l(1, 1, 1, 1), "VALID",
                    Conv2d.dataFormat("NCHW")),
            conv("grouped (4 input channels, filter depth 2)", new long[] {2, 5, 5, 4}, new long[] {3, 3, 2, 4},
                    l(1, 1, 1, 1), "SAME"),
            conv("dilations 2 SAME", new long[] {2, 7, 7, 3}, new long[] {3, 3, 3, 2}, l(1, 1, 1, 1), "SAME",
                    Conv2d.dilations(l(1, 2, 2, 1))).noGradients(),
            conv("dilations 2 VALID NCHW", new long[] {1, 2, 7, 6}, new long[] {2, 2, 2, 3}, l(1, 1, 1, 1), "VALID",
                    Conv2d.dilations(l(1, 1, 2, 2)), Conv2d.dataFormat("NCHW")).noGradients(),
            conv("EXPLICIT paddings", new long[] {2, 5, 5, 3}, new long[] {3, 3, 3, 4}, l(1, 2, 1, 1), "EXPLICIT",
                    Conv2d.explicitPaddings(l(0, 0, 1, 2, 0, 1, 0, 0))).noGradients(),
            depthwise("multiplier 1 NHWC SAME stride 2", new long[] {2, 6, 6, 3}, new long[] {3, 3, 3, 1}, l(1, 2, 2, 1),
                    "SAME"),
            depthwise("multiplier 2 NHWC VALID", new long[] {2, 5, 6, 3}, new long[] {3, 2, 3, 2}, l(1, 1, 1, 1), "VALID"),
            depthwise("multiplier 2 NCHW SAME stride 2", new long[] {2, 3, 7, 6}, new long[] {3, 3, 3, 2},
                    l(1, 1, 2, 2), "SAME", DepthwiseConv2dNative.dataFormat("NCHW")),
            // forward only: TF's CPU depthwise backprop kernels ignore dilations (see the grouped cases below)
            depthwise("multiplier 2 dilations 2", new long[] {1, 7, 7, 2}, new long[] {2, 2, 2, 2}, l(1, 1, 1, 1), "SAME",
                    DepthwiseConv2dNative.dilations(l(1, 2, 2, 1))).noGradients(),
            conv("grouped dilations 2 (dilated depthwise as a grouped conv)", new long[] {1, 7, 7, 2},
                    new long[] {2, 2, 1, 4}, l(1, 1, 1, 1), "SAME", Conv2d.dilations(l(1, 2, 2, 1))).noGradients(),
            depthwise("EXPLICIT paddings", new long[] {2, 5, 5, 2}, new long[] {3, 3, 2, 2}, l(1, 2, 2, 1), "EXPLICIT",
                    DepthwiseConv2dNative.explicitPaddings(l(0, 0, 2, 0, 1, 1, 0, 0)))));
        c.addAll(convolutionGradients(dilationGradient));
        return c;
    }

    private static List<TfOpParity> convolutionGradients(String dilationGradient) {
        return List.of(
            TfOpParity.of("conv2d backprop input NHWC SAME stride 2").in(In.f32("dy", 2, 3, 3, 4)).in(In.f32("f", 3, 3, 3, 4))
                .build(tf -> outs("dx", tf.nn.conv2dBackpropInput(tf.constant(new int[] {2, 6, 5, 3}), input("f"),
                        input("dy"), l(1, 2, 2, 1), "SAME"))),
            TfOpParity.of("conv2d backprop input spatial sizes only").in(In.f32("dy", 2, 4, 3, 4)).in(In.f32("f", 3, 3, 3, 4))
                .build(tf -> outs("dx", tf.nn.conv2dBackpropInput(tf.constant(new int[] {7, 5}), input("f"),
                        input("dy"), l(1, 2, 2, 1), "SAME"))),
            TfOpParity.of("conv2d backprop input NCHW VALID stride 2").in(In.f32("dy", 2, 4, 3, 2)).in(In.f32("f", 3, 3, 3, 4))
                .build(tf -> outs("dx", tf.nn.conv2dBackpropInput(tf.constant(new int[] {2, 3, 8, 6}), input("f"),
                        input("dy"), l(1, 1, 2, 2), "VALID", Conv2dBackpropInput.dataFormat("NCHW")))),
            TfOpParity.of("conv2d backprop input dilations 2").in(In.f32("dy", 1, 5, 5, 2)).in(In.f32("f", 2, 2, 3, 2))
                .build(tf -> outs("dx", tf.nn.conv2dBackpropInput(tf.constant(new int[] {1, 7, 7, 3}), input("f"),
                        input("dy"), l(1, 1, 1, 1), "VALID", Conv2dBackpropInput.dilations(l(1, 2, 2, 1))))),
            TfOpParity.of("conv2d backprop input EXPLICIT").in(In.f32("dy", 2, 3, 4, 4)).in(In.f32("f", 3, 3, 3, 4))
                .build(tf -> outs("dx", tf.nn.conv2dBackpropInput(tf.constant(new int[] {2, 5, 5, 3}), input("f"),
                        input("dy"), l(1, 2, 1, 1), "EXPLICIT",
                        Conv2dBackpropInput.explicitPaddings(l(0, 0, 1, 2, 0, 1, 0, 0))))),
            TfOpParity.of("conv2d backprop filter NHWC SAME stride 2").in(In.f32("x", 2, 6, 5, 3)).in(In.f32("dy", 2, 3, 3, 4))
                .build(tf -> outs("df", tf.nn.conv2dBackpropFilter(x(), tf.constant(new int[] {3, 3, 3, 4}),
                        input("dy"), l(1, 2, 2, 1), "SAME"))).noGradients(),
            TfOpParity.of("conv2d backprop filter NCHW VALID").in(In.f32("x", 2, 3, 6, 6)).in(In.f32("dy", 2, 4, 4, 2))
                .build(tf -> outs("df", tf.nn.conv2dBackpropFilter(x(), tf.constant(new int[] {3, 3, 3, 4}),
                        input("dy"), l(1, 1, 1, 2), "VALID", Conv2dBackpropFilter.dataFormat("NCHW")))).noGradients(),
            TfOpParity.of("conv2d backprop filter dilations 2").in(In.f32("x", 1, 7, 7, 3)).in(In.f32("dy", 1, 5, 5, 2))
                .build(tf -> outs("df", tf.nn.conv2dBackpropFilter(x(), tf.constant(new int[] {2, 2, 3, 2}),
                        input("dy"), l(1, 1, 1, 1), "VALID", Conv2dBackpropFilter.dilations(l(1, 2, 2, 1)))))
                .noGradients(),
            TfOpParity.of("conv2d backprop filter EXPLICIT").in(In.f32("x", 2, 5, 5, 3)).in(In.f32("dy", 2, 3, 4, 4))
                .build(tf -> outs("df", tf.nn.conv2dBackpropFilter(x(), tf.constant(new int[] {3, 3, 3, 4}),
                        input("dy"), l(1, 2, 1, 1), "EXPLICIT",
                        Conv2dBackpropFilter.explicitPaddings(l(0, 0, 1, 2, 0, 1, 0, 0))))).noGradients(),
            TfOpParity.of("conv2d backprop filter grouped").in(In.f32("x", 2, 5, 5, 4)).in(In.f32("dy", 2, 5, 5, 6))
                .build(tf -> outs("df", tf.nn.conv2dBackpropFilter(x(), tf.constant(new int[] {3, 3, 2, 6}),
                        input("dy"), l(1, 1, 1, 1), "SAME"))).noGradients(),
            TfOpParity.of("depthwise backprop input multiplier 2").in(In.f32("dy", 2, 3, 3, 6)).in(In.f32("f", 3, 3, 3, 2))
                .build(tf -> outs("dx", tf.nn.depthwiseConv2dNativeBackpropInput(tf.constant(new int[] {2, 6, 5, 3}),
                        input("f"), input("dy"), l(1, 2, 2, 1), "SAME"))).noGradients(),
            TfOpParity.of("depthwise backprop filter multiplier 2").in(In.f32("x", 2, 6, 5, 3)).in(In.f32("dy", 2, 3, 3, 6))
                .build(tf -> outs("df", tf.nn.depthwiseConv2dNativeBackpropFilter(x(), tf.constant(new int[] {3, 3, 3, 2}),
                        input("dy"), l(1, 2, 2, 1), "SAME"))).noGradients(),
            // TF's CPU depthwise backprop kernels ignore dilations (their results are not the gradient of TF's
            // own dilated depthwise forward, checked by finite differences): the dilated depthwise gradient is
            // compared as the equivalent grouped convolution gradient (filter [kh, kw, 1, C*M], groups C)
            TfOpParity.of("conv2d backprop input grouped dilations 2 (dilated depthwise)").in(In.f32("dy", 1, 7, 7, 4))
                .in(In.f32("f", 2, 2, 1, 4))
                .build(tf -> outs("dx", tf.nn.conv2dBackpropInput(tf.constant(new int[] {1, 7, 7, 2}), input("f"),
                        input("dy"), l(1, 1, 1, 1), "SAME", Conv2dBackpropInput.dilations(l(1, 2, 2, 1))))),
            TfOpParity.of("conv2d backprop filter grouped dilations 2 (dilated depthwise)").in(In.f32("x", 1, 7, 7, 2))
                .in(In.f32("dy", 1, 7, 7, 4))
                .build(tf -> outs("df", tf.nn.conv2dBackpropFilter(x(), tf.constant(new int[] {2, 2, 1, 4}),
                        input("dy"), l(1, 1, 1, 1), "SAME", Conv2dBackpropFilter.dilations(l(1, 2, 2, 1)))))
                .noGradients(),
            TfOpParity.of("depthwise backprop filter NCHW multiplier 1").in(In.f32("x", 2, 3, 5, 5)).in(In.f32("dy", 2, 3, 3, 3))
                .build(tf -> outs("df", tf.nn.depthwiseConv2dNativeBackpropFilter(x(), tf.constant(new int[] {3, 3, 3, 1}),
                        input("dy"), l(1, 1, 1, 1), "VALID",
                        org.tensorflow.op.nn.DepthwiseConv2dNativeBackpropFilter.dataFormat("NCHW")))).noGradients(),
            TfOpParity.of("bias add NHWC").in(In.f32("x", 2, 3, 4, 5)).in(In.f32("b", 5))
                .build(tf -> outs("y", tf.nn.biasAdd(x(), input("b")))),
            TfOpParity.of("bias add NCHW").in(In.f32("x", 2, 5, 3, 4)).in(In.f32("b", 5))
                .build(tf -> outs("y", tf.nn.biasAdd(x(), input("b"), BiasAdd.dataFormat("NCHW")))),
            TfOpParity.of("bias add rank 2").in(In.f32("x", 4, 3)).in(In.f32("b", 3))
                .build(tf -> outs("y", tf.nn.biasAdd(x(), input("b")))),
            TfOpParity.of("bias add v1").in(In.f32("x", 2, 3, 4)).in(In.f32("b", 4))
                .build(tf -> outs("y", out(raw(tf, "BiasAddV1", List.of(x(), input("b"))), 0))).noGradients(),
            TfOpParity.of("bias add grad NHWC").in(In.f32("x", 2, 3, 4, 5))
                .build(tf -> outs("db", tf.nn.biasAddGrad(x()))).noGradients(),
            TfOpParity.of("bias add grad NCHW").in(In.f32("x", 2, 5, 3, 4))
                .build(tf -> outs("db", tf.nn.biasAddGrad(x(), org.tensorflow.op.nn.BiasAddGrad.dataFormat("NCHW"))))
                .noGradients());
    }

    // ---------------------------------------------------------------- pooling

    private static TfOpParity maxPoolV2(String name, long[] x, int[] k, int[] s, String padding) {
        return TfOpParity.of("max pool " + name).in(In.f32("x", x))
                .build(tf -> outs("y", tf.nn.maxPool(x(), tf.constant(k), tf.constant(s), padding)));
    }

    private static TfOpParity maxPoolV1(String name, long[] x, long[] k, long[] s, String padding, Object... attrs) {
        Object[] all = new Object[attrs.length + 6];
        all[0] = "ksize";
        all[1] = k;
        all[2] = "strides";
        all[3] = s;
        all[4] = "padding";
        all[5] = padding;
        System.arraycopy(attrs, 0, all, 6, attrs.length);
        return TfOpParity.of("max pool v1 " + name).in(In.f32("x", x))
                .build(tf -> outs("y", out(raw(tf, "MaxPool", List.of(x()), all), 0)));
    }

    private static TfOpParity avgPool(String name, long[] x, long[] k, long[] s, String padding, AvgPool.Options... o) {
        return TfOpParity.of("avg pool " + name).in(In.f32("x", x))
                .build(tf -> outs("y", tf.nn.avgPool(x(), l(k), l(s), padding, o)));
    }

    static List<TfOpParity> pooling() {
        return List.of(
            maxPoolV2("SAME k3 s2 even size (asymmetric)", new long[] {2, 6, 6, 3}, new int[] {1, 3, 3, 1},
                    new int[] {1, 2, 2, 1}, "SAME"),
            maxPoolV2("SAME k2 s2 odd size", new long[] {2, 5, 7, 3}, new int[] {1, 2, 2, 1}, new int[] {1, 2, 2, 1}, "SAME"),
            maxPoolV2("VALID k3 s2", new long[] {2, 7, 6, 2}, new int[] {1, 3, 3, 1}, new int[] {1, 2, 2, 1}, "VALID"),
            maxPoolV2("SAME k3x2 s1", new long[] {1, 5, 5, 2}, new int[] {1, 3, 2, 1}, new int[] {1, 1, 1, 1}, "SAME"),
            // MaxPoolV2 (TF-Java's tf.nn.maxPool) has no NCHW case: TF's CPU kernel refuses it ("MaxPoolingV2Op only
            // supports NHWC or NCHW_VECT_C"); the NCHW pooling path is the same for v1, compared here
            maxPoolV1("NHWC SAME k3 s2", new long[] {2, 6, 5, 3}, new long[] {1, 3, 3, 1}, new long[] {1, 2, 2, 1}, "SAME"),
            maxPoolV1("NCHW SAME k3 s2", new long[] {2, 3, 6, 6}, new long[] {1, 1, 3, 3}, new long[] {1, 1, 2, 2}, "SAME",
                    "data_format", "NCHW"),
            maxPoolV1("EXPLICIT", new long[] {2, 5, 5, 3}, new long[] {1, 3, 3, 1}, new long[] {1, 2, 2, 1}, "EXPLICIT",
                    "explicit_paddings", new long[] {0, 0, 1, 1, 0, 1, 0, 0})
                .noGradients(),
            avgPool("SAME k3 s2 even size (asymmetric)", new long[] {2, 6, 6, 3}, new long[] {1, 3, 3, 1},
                    new long[] {1, 2, 2, 1}, "SAME"),
            avgPool("SAME k2 s1 (pad after only)", new long[] {2, 5, 4, 3}, new long[] {1, 2, 2, 1},
                    new long[] {1, 1, 1, 1}, "SAME"),
            avgPool("SAME k3 s1 (symmetric)", new long[] {1, 5, 5, 2}, new long[] {1, 3, 3, 1},
                    new long[] {1, 1, 1, 1}, "SAME"),
            avgPool("VALID k2 s2", new long[] {2, 6, 5, 3}, new long[] {1, 2, 2, 1}, new long[] {1, 2, 2, 1}, "VALID"),
            avgPool("NCHW SAME k3 s2", new long[] {2, 3, 6, 6}, new long[] {1, 1, 3, 3}, new long[] {1, 1, 2, 2}, "SAME",
                    AvgPool.dataFormat("NCHW")),
            TfOpParity.of("max pool grad v2 (direct)").in(In.f32("x", 2, 6, 6, 3)).in(In.f32("g", 2, 3, 3, 3))
                .build(tf -> {
                    var k = tf.constant(new int[] {1, 3, 3, 1});
                    var s = tf.constant(new int[] {1, 2, 2, 1});
                    var y = tf.nn.maxPool(x(), k, s, "SAME");
                    return outs("dx", tf.nn.maxPoolGrad(x(), y, input("g"), k, s, "SAME"));
                }).noGradients(),
            TfOpParity.of("max pool grad v1 NCHW (direct)").in(In.f32("x", 2, 3, 6, 5)).in(In.f32("g", 2, 3, 3, 3))
                .build(tf -> {
                    Object[] a = {"ksize", new long[] {1, 1, 3, 3}, "strides", new long[] {1, 1, 2, 2}, "padding", "SAME",
                        "data_format", "NCHW"};
                    Operand<TFloat32> y = out(raw(tf, "MaxPool", List.of(x()), a), 0);
                    return outs("dx", out(raw(tf, "MaxPoolGrad", List.of(x(), y, input("g")), a), 0));
                }).noGradients(),
            TfOpParity.of("max pool grad grad v2 (direct)").in(In.f32("x", 2, 6, 5, 3)).in(In.f32("gg", 2, 6, 5, 3))
                .build(tf -> {
                    var k = tf.constant(new int[] {1, 3, 3, 1});
                    var s = tf.constant(new int[] {1, 2, 2, 1});
                    var y = tf.nn.maxPool(x(), k, s, "SAME");
                    return outs("ddy", tf.nn.maxPoolGradGrad(x(), y, input("gg"), k, s, "SAME"));
                }).noGradients(),
            // NHWC: TF's CPU MaxPoolGradGrad refuses NCHW ("only supports NHWC on device type CPU")
            TfOpParity.of("max pool grad grad v1 (direct)").in(In.f32("x", 2, 6, 5, 3)).in(In.f32("gg", 2, 6, 5, 3))
                .build(tf -> {
                    Object[] a = {"ksize", new long[] {1, 2, 2, 1}, "strides", new long[] {1, 2, 2, 1}, "padding", "VALID"};
                    Operand<TFloat32> y = out(raw(tf, "MaxPool", List.of(x()), a), 0);
                    return outs("ddy", out(raw(tf, "MaxPoolGradGrad", List.of(x(), y, input("gg")), a), 0));
                }).noGradients(),
            TfOpParity.of("avg pool grad (direct)").in(In.f32("g", 2, 3, 3, 3))
                .build(tf -> outs("dx", tf.nn.avgPoolGrad(tf.constant(new int[] {2, 6, 5, 3}), input("g"),
                        l(1, 3, 3, 1), l(1, 2, 2, 1), "SAME"))).noGradients(),
            TfOpParity.of("avg pool grad NCHW VALID (direct)").in(In.f32("g", 2, 3, 2, 3))
                .build(tf -> outs("dx", tf.nn.avgPoolGrad(tf.constant(new int[] {2, 3, 5, 7}), input("g"),
                        l(1, 1, 2, 3), l(1, 1, 2, 2), "VALID", org.tensorflow.op.nn.AvgPoolGrad.dataFormat("NCHW"))))
                .noGradients());
    }

    // ---------------------------------------------------------------- normalisation

    private static TfOpParity batchNorm(String name, long[] x, String format, boolean training, float factor) {
        // TF's 5-D inference kernel (Eigen) leaves the reserve spaces uninitialised: not compared there
        boolean reserves = training || x.length == 4;
        return TfOpParity.of("fused batch norm v3 " + name).in(In.f32("x", x)).in(In.f32("scale", 3))
                .in(In.f32("offset", 3))
                .build(tf -> {
                    var bn = tf.nn.fusedBatchNorm(x(), input("scale"), input("offset"),
                            tf.constant(new float[] {0.1f, -0.2f, 0.3f}), tf.constant(new float[] {0.5f, 1.5f, 2f}),
                            FusedBatchNorm.isTraining(training), FusedBatchNorm.dataFormat(format),
                            FusedBatchNorm.epsilon(0.001f), FusedBatchNorm.exponentialAvgFactor(factor));
                    return reserves
                            ? outs("y", bn.y(), "batch_mean", bn.batchMean(), "batch_variance", bn.batchVariance(),
                                    "reserve_space_1", bn.reserveSpace1(), "reserve_space_2", bn.reserveSpace2(),
                                    "reserve_space_3", bn.reserveSpace3())
                            : outs("y", bn.y(), "batch_mean", bn.batchMean(), "batch_variance", bn.batchVariance());
                });
    }

    private static TfOpParity batchNormOld(String type, boolean training) {
        return TfOpParity.of(type + (training ? " training" : " inference")).in(In.f32("x", 2, 4, 3, 3))
                .build(tf -> {
                    Operation op = raw(tf, type, List.of(x(), tf.constant(new float[] {1, 2, 0.5f}),
                            tf.constant(new float[] {0, 1, -1}), tf.constant(new float[] {0.1f, -0.2f, 0.3f}),
                            tf.constant(new float[] {0.5f, 1.5f, 2f})), "is_training", training);
                    return outs("y", out(op, 0), "batch_mean", out(op, 1), "batch_variance", out(op, 2),
                            "reserve_space_1", out(op, 3), "reserve_space_2", out(op, 4));
                }).noGradients();
    }

    private static TfOpParity batchNormGrad(String name, boolean training, String format, long[] x) {
        return batchNormGrad("FusedBatchNormGradV3", name, training, format, x);
    }

    private static TfOpParity batchNormGrad(String type, String name, boolean training, String format, long[] x) {
        boolean v3 = type.endsWith("V3");
        return TfOpParity.of(type + " " + name).in(In.f32("dy", x)).in(In.f32("x", x))
                .in(In.f32("scale", 3)).in(In.f32("mean", 3)).in(In.f32("var", 3).range(0.5, 2))
                .build(tf -> {
                    List<Operand<?>> in = new ArrayList<>(List.of(input("dy"), x(), input("scale"), input("mean"),
                            input("var")));
                    if (v3) {
                        in.add(tf.constant(new float[0]));
                    }
                    Operation op = raw(tf, type, in, "is_training", training, "epsilon", 0.01f, "data_format", format);
                    return outs("dx", out(op, 0), "dscale", out(op, 1), "doffset", out(op, 2),
                            "reserve_space_4", out(op, 3), "reserve_space_5", out(op, 4));
                }).noGradients();
    }

    static List<TfOpParity> normalisation() {
        return List.of(
            batchNorm("NHWC training", new long[] {2, 4, 3, 3}, "NHWC", true, 1f),
            batchNorm("NHWC inference", new long[] {2, 4, 3, 3}, "NHWC", false, 1f),
            batchNorm("NCHW training", new long[] {2, 3, 4, 5}, "NCHW", true, 1f),
            batchNorm("NCHW inference", new long[] {2, 3, 4, 5}, "NCHW", false, 1f),
            batchNorm("NHWC training exponential_avg_factor 0.25", new long[] {3, 2, 5, 3}, "NHWC", true, 0.25f),
            batchNorm("NDHWC (5-D) training", new long[] {2, 2, 3, 2, 3}, "NDHWC", true, 1f),
            batchNorm("NCDHW (5-D) inference", new long[] {2, 3, 2, 3, 2}, "NCDHW", false, 1f),
            batchNormOld("FusedBatchNorm", true),
            batchNormOld("FusedBatchNormV2", false),
            batchNormGrad("training NHWC", true, "NHWC", new long[] {2, 4, 3, 3}),
            batchNormGrad("inference NHWC", false, "NHWC", new long[] {2, 4, 3, 3}),
            batchNormGrad("training NCHW", true, "NCHW", new long[] {2, 3, 4, 3}),
            batchNormGrad("FusedBatchNormGrad", "training NHWC", true, "NHWC", new long[] {2, 2, 3, 3}),
            batchNormGrad("FusedBatchNormGradV2", "inference NCHW", false, "NCHW", new long[] {2, 3, 2, 3}),
            unary("lrn defaults", new long[] {2, 3, 3, 7}, -2, 2, tf -> tf.nn.localResponseNormalization(x())),
            // TF's C++ LRN gradient drops the attributes (its LRNGrad uses the defaults): forward only here,
            // the gradient op with these attributes is the direct LRNGrad case below
            unary("lrn radius 2 bias 2 alpha 0.5 beta 0.75", new long[] {2, 3, 2, 6}, -2, 2,
                    tf -> tf.nn.localResponseNormalization(x(), LocalResponseNormalization.depthRadius(2L),
                            LocalResponseNormalization.bias(2f), LocalResponseNormalization.alpha(0.5f),
                            LocalResponseNormalization.beta(0.75f))).noGradients(),
            TfOpParity.of("lrn grad (direct)").in(In.f32("g", 2, 3, 3, 6)).in(In.f32("x", 2, 3, 3, 6))
                .build(tf -> {
                    Operand<TFloat32> y = tf.nn.localResponseNormalization(x(), LocalResponseNormalization.depthRadius(2L),
                            LocalResponseNormalization.bias(2f), LocalResponseNormalization.alpha(0.5f),
                            LocalResponseNormalization.beta(0.75f));
                    return outs("dx", out(raw(tf, "LRNGrad", List.of(input("g"), x(), y), "depth_radius", 2L,
                            "bias", 2f, "alpha", 0.5f, "beta", 0.75f), 0));
                }).noGradients(),
            TfOpParity.of("small NHWC CNN: conv, bias, relu, max pool, conv, batch norm, avg pool")
                .in(In.f32("x", 2, 8, 8, 3)).in(In.f32("f1", 3, 3, 3, 4)).in(In.f32("b1", 4))
                .in(In.f32("f2", 3, 3, 4, 3))
                .build(tf -> {
                    Operand<TFloat32> h = tf.nn.conv2d(x(), input("f1"), l(1, 1, 1, 1), "SAME");
                    h = tf.nn.relu(tf.nn.biasAdd(h, input("b1")));
                    h = tf.nn.maxPool(h, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
                    h = tf.nn.conv2d(h, input("f2"), l(1, 2, 2, 1), "SAME");
                    var bn = tf.nn.fusedBatchNorm(h, tf.constant(new float[] {1, 0.5f, 2}), tf.constant(new float[] {0, 1, 0}),
                            tf.constant(new float[0]), tf.constant(new float[0]));
                    h = tf.nn.elu(bn.y());
                    return outs("y", tf.nn.avgPool(h, l(1, 2, 2, 1), l(1, 1, 1, 1), "SAME"));
                }));
    }
}
