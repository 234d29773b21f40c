package dev.ember.parity.tfcompat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.OperationBuilder;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;

/**
 * Building real-TF graph nodes for op types TF-Java's {@code Ops} does not emit (e.g. {@code AddV2},
 * {@code Select} v1, {@code BatchMatMulV2}), and ordered output maps for parity cases (the first
 * output is the one whose gradients are compared).
 */
final class RawOps {
    private RawOps() {
    }

    /** A node of {@code type} on {@code inputs} with {@code attrs} (Long, Boolean, long[] or DataType values). */
    static Operand<?> raw(Ops tf, String type, Map<String, Object> attrs, Operand<?>... inputs) {
        OperationBuilder b = tf.scope().opBuilder(type, type);
        for (Operand<?> in : inputs) {
            b.addInput(in.asOutput());
        }
        attrs.forEach((k, v) -> {
            if (v instanceof Long) {
                b.setAttr(k, (Long) v);
            } else if (v instanceof Boolean) {
                b.setAttr(k, (Boolean) v);
            } else if (v instanceof long[]) {
                b.setAttr(k, (long[]) v);
            } else if (v instanceof org.tensorflow.proto.DataType) {
                b.setAttr(k, (org.tensorflow.proto.DataType) v);
            } else {
                throw new IllegalArgumentException(k + ": " + v);
            }
        });
        Output<?> out = b.build().output(0);
        return out;
    }

    /** A node of {@code type} without attributes. */
    static Operand<?> raw(Ops tf, String type, Operand<?>... inputs) {
        return raw(tf, type, Map.of(), inputs);
    }

    /** Named outputs in the given order: {@code outs("y", y, "z", z)}. */
    static Map<String, Operand<?>> outs(Object... nameValue) {
        Map<String, Operand<?>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], (Operand<?>) nameValue[i + 1]);
        }
        return m;
    }
}
