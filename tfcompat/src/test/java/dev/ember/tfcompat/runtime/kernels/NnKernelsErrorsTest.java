package dev.ember.tfcompat.runtime.kernels;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Session;
import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.core.Placeholder;
import dev.ember.tfcompat.op.nn.Conv2d;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.TInt32;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

/** Bad attributes and inputs of the {@code tf.nn} kernels: clear errors naming the node, at build or run time. */
class NnKernelsErrorsTest {
    private static final List<Long> ONES = List.of(1L, 1L, 1L, 1L);

    private static void atBuild(Consumer<Ops> build, String... parts) {
        try (Graph g = new Graph()) {
            var thrown = assertThatThrownBy(() -> build.accept(Ops.create(g))).isInstanceOf(TFInvalidArgumentException.class);
            for (String p : parts) {
                thrown.hasMessageContaining(p);
            }
        }
    }

    /** Builds with placeholders of unknown shape, feeds {@code x} of {@code shape}, and expects a run-time error. */
    private static void atRun(long[] shape, Function<Ops, Operand<?>> build, Placeholder<TFloat32>[] holder,
            String... parts) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            holder[0] = tf.withName("x").placeholder(TFloat32.class);
            Operand<?> y = build.apply(tf);
            var thrown = assertThatThrownBy(() -> s.runner().feed(holder[0], TFloat32.tensorOf(Shape.of(shape)))
                    .fetch(y).run()).isInstanceOf(TFInvalidArgumentException.class);
            for (String p : parts) {
                thrown.hasMessageContaining(p);
            }
        }
    }

    private static Operand<TFloat32> zeros(Ops tf, long... shape) {
        return tf.constantOf(TFloat32.tensorOf(Shape.of(shape)));
    }

    @Test
    void badDataFormatNamesNodeAndAttribute() {
        atBuild(tf -> tf.withName("conv").nn.conv2d(zeros(tf, 1, 5, 5, 3), zeros(tf, 3, 3, 3, 2), ONES, "SAME",
                Conv2d.dataFormat("NWHC")),
                "node 'conv' (Conv2D)", "Value for attr 'data_format' of \"NWHC\" is not in the list of allowed values: "
                        + "\"NHWC\", \"NCHW\"");
        atBuild(tf -> tf.withName("bias").nn.biasAdd(zeros(tf, 2, 3), zeros(tf, 3),
                dev.ember.tfcompat.op.nn.BiasAdd.dataFormat("CHWN")), "node 'bias' (BiasAdd)", "'data_format' of \"CHWN\"");
    }

    @Test
    void badPaddingStringNamesNodeAndAttribute() {
        atBuild(tf -> tf.withName("conv").nn.conv2d(zeros(tf, 1, 5, 5, 3), zeros(tf, 3, 3, 3, 2), ONES, "FULL"),
                "node 'conv' (Conv2D)", "Value for attr 'padding' of \"FULL\" is not in the list of allowed values: "
                        + "\"SAME\", \"VALID\", \"EXPLICIT\"");
        // pools have no EXPLICIT padding in AvgPool
        atBuild(tf -> tf.withName("pool").nn.avgPool(zeros(tf, 1, 4, 4, 1), List.of(1L, 2L, 2L, 1L), ONES, "EXPLICIT"),
                "node 'pool' (AvgPool)", "'padding' of \"EXPLICIT\" is not in the list of allowed values: \"SAME\", \"VALID\"");
    }

    @Test
    void channelMismatchAtBuildAndAtRunTime() {
        atBuild(tf -> tf.withName("conv").nn.conv2d(zeros(tf, 2, 5, 5, 3), zeros(tf, 3, 3, 2, 4), ONES, "SAME"),
                "node 'conv' (Conv2D)", "Depth of input (3) is not a multiple of input depth of filter (2)");
        atBuild(tf -> tf.withName("dw").nn.depthwiseConv2dNative(zeros(tf, 2, 5, 5, 3), zeros(tf, 3, 3, 2, 1), ONES,
                "SAME"), "node 'dw' (DepthwiseConv2dNative)", "input and filter must have the same depth: 3 vs 2");
        atBuild(tf -> tf.withName("conv").nn.conv2d(zeros(tf, 2, 5, 5, 4), zeros(tf, 3, 3, 2, 3), ONES, "SAME"),
                "Depth of output (3) is not a multiple of the number of groups (2)");
        @SuppressWarnings("unchecked")
        Placeholder<TFloat32>[] x = new Placeholder[1];
        atRun(new long[] {2, 5, 5, 3}, tf -> tf.withName("conv").nn.conv2d(x[0], zeros(tf, 3, 3, 2, 4), ONES, "SAME"),
                x, "node 'conv' (Conv2D)", "Depth of input (3) is not a multiple of input depth of filter (2)");
        atRun(new long[] {2, 5, 5, 3}, tf -> tf.withName("b").nn.biasAdd(x[0], zeros(tf, 4)), x,
                "node 'b' (BiasAdd)", "Must provide as many biases as the last dimension of the input tensor: [4] vs. "
                        + "[2,5,5,3]");
        atBuild(tf -> tf.withName("b").nn.biasAdd(zeros(tf, 2, 5), zeros(tf, 4)), "node 'b' (BiasAdd)",
                "Dimensions must be equal, but are 5 and 4");
        atRun(new long[] {2, 4, 4, 3}, tf -> tf.withName("bn").nn.fusedBatchNorm(x[0], zeros(tf, 2), zeros(tf, 3),
                zeros(tf, 0), zeros(tf, 0)).y(), x, "node 'bn' (FusedBatchNormV3)",
                "scale must have the same number of elements as the channels of x, got 2 and 3");
    }

    @Test
    void windowAttributesAreCheckedLikeTf() {
        atBuild(tf -> tf.withName("conv").nn.conv2d(zeros(tf, 2, 5, 5, 3), zeros(tf, 3, 3, 3, 4),
                List.of(2L, 1L, 1L, 1L), "SAME"), "node 'conv' (Conv2D)",
                "Current implementation does not yet support strides in the batch and depth dimensions.");
        atBuild(tf -> tf.withName("conv").nn.conv2d(zeros(tf, 2, 5, 5, 3), zeros(tf, 3, 3, 3, 4), List.of(1L, 1L, 1L),
                "SAME"), "Sliding window strides field must specify 4 dimensions");
        atBuild(tf -> tf.withName("conv").nn.conv2d(zeros(tf, 2, 5, 5, 3), zeros(tf, 3, 3, 3, 4), ONES, "EXPLICIT",
                Conv2d.explicitPaddings(1L, 1L)), "explicit_paddings attribute must contain 8 values, but got: 2");
        // TF allows an empty output (size 0); one less is the error
        atBuild(tf -> tf.withName("conv").nn.conv2d(zeros(tf, 2, 1, 1, 3), zeros(tf, 3, 3, 3, 4), ONES, "VALID"),
                "Computed output size would be negative: -1 [input_size: 1, effective_filter_size: 3, stride: 1]");
        atBuild(tf -> tf.withName("pool").nn.maxPool(zeros(tf, 1, 4, 4, 2), tf.constant(new int[] {1, 1, 1, 2}),
                tf.constant(new int[] {1, 1, 1, 1}), "VALID"), "node 'pool' (MaxPoolV2)", "pooling across depth");
    }

    @Test
    void sparseLabelOutOfRangeIsTfsError() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TInt32> labels = tf.placeholder(TInt32.class);
            var xent = tf.withName("xent").nn.sparseSoftmaxCrossEntropyWithLogits(zeros(tf, 3, 4), labels);
            assertThatThrownBy(() -> s.runner().feed(labels, TInt32.vectorOf(0, 7, 1)).fetch(xent.loss()).run())
                    .isInstanceOf(TFInvalidArgumentException.class)
                    .hasMessage("node 'xent' (SparseSoftmaxCrossEntropyWithLogits): Received a label value of 7 which is "
                            + "outside the valid range of [0, 4).  Label values: 0 7 1");
            assertThatThrownBy(() -> s.runner().feed(labels, TInt32.vectorOf(0, -1, 1)).fetch(xent.loss()).run())
                    .hasMessageContaining("Received a label value of -1");
        }
    }

    @Test
    void outBackpropOfTheWrongSizeIsRefused() {
        @SuppressWarnings("unchecked")
        Placeholder<TFloat32>[] x = new Placeholder[1];
        atRun(new long[] {2, 3, 3, 4}, tf -> tf.withName("dx").nn.conv2dBackpropInput(tf.constant(new int[] {2, 5, 5, 3}),
                zeros(tf, 3, 3, 3, 4), x[0], ONES, "SAME"), x, "node 'dx' (Conv2DBackpropInput)",
                "Size of out_backprop doesn't match computed: actual = [2,4,3,3], computed = [2,4,5,5]");
    }
}
