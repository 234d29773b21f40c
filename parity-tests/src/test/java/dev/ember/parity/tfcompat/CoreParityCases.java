package dev.ember.parity.tfcompat;

import static dev.ember.parity.tfcompat.TfOpParity.input;

import dev.ember.parity.tfcompat.TfOpParity.In;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Parity cases for the core, state and math ops tfcompat has so far. */
final class CoreParityCases {
    private CoreParityCases() {
    }

    static List<TfOpParity> cases() {
        return List.of(
            TfOpParity.of("matmul").in(In.f32("a", 3, 4)).in(In.f32("b", 4, 2))
                .build(tf -> Map.of("y", tf.linalg.matMul(input("a"), input("b")))),
            TfOpParity.of("matmul transposed").in(In.f32("a", 4, 3)).in(In.f32("b", 2, 4))
                .build(tf -> Map.of("y", tf.linalg.matMul(input("a"), input("b"),
                        org.tensorflow.op.linalg.MatMul.transposeA(true), org.tensorflow.op.linalg.MatMul.transposeB(true)))),
            TfOpParity.of("add broadcast").in(In.f32("a", 2, 3)).in(In.f32("b", 3))
                .build(tf -> Map.of("y", tf.math.add(input("a"), input("b")))),
            TfOpParity.of("sub mul").in(In.f32("a", 2, 3)).in(In.f32("b", 2, 1))
                .build(tf -> Map.of("y", tf.math.mul(tf.math.sub(input("a"), input("b")), input("a")))),
            TfOpParity.of("constant").in(In.f32("a", 2, 2))
                .build(tf -> Map.of("y", tf.math.mul(input("a"), tf.constant(new float[][] {{1, -2}, {0.5f, 3}})))),
            TfOpParity.of("relu").in(In.f32("a", 3, 4))
                .build(tf -> Map.of("y", tf.nn.relu(input("a"))))
                .noTfGradientGraph("TF's gradient of Relu is ReluGrad, a kernel of the nn family (tf-nn branch)"),
            TfOpParity.of("cast float to int").in(In.f32("a", 3, 4).range(-5, 5))
                .build(tf -> Map.of("y", tf.dtypes.cast(input("a"), org.tensorflow.types.TInt32.class))).noGradients(),
            TfOpParity.of("stop gradient").in(In.f32("a", 2, 3))
                .build(tf -> {
                    Operand<TFloat32> a = input("a");
                    return Map.of("y", tf.math.mul(a, tf.stopGradient(a)));
                }));
    }
}
