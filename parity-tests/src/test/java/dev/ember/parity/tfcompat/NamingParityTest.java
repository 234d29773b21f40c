package dev.ember.parity.tfcompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same building sequence gives the same node names in TF-Java and tfcompat (string-named fetches rely on it). */
class NamingParityTest {

    @Test
    void namesMatchTfJava() {
        List<String> tf;
        try (org.tensorflow.Graph g = new org.tensorflow.Graph()) {
            org.tensorflow.op.Ops t = org.tensorflow.op.Ops.create(g);
            t.constant(1f);
            t.constant(2f);
            t.withName("x").constant(3f);
            t.withName("x").constant(4f);
            org.tensorflow.op.Ops conv = t.withSubScope("conv1");
            conv.withName("kernel").constant(5f);
            conv.withName("bias").constant(6f);
            t.withSubScope("conv1").withName("bias").constant(7f);
            conv.withSubScope("inner").constant(8f);
            t.withName("named").withSubScope("ignored").constant(9f);
            t.withControlDependencies(List.of()).constant(10f);
            t.variable(t.constant(13f));
            t.withName("w").variable(t.constant(14f));
            t.withSubScope("dense").withName("kernel").variable(t.constant(15f));
            t.withSubScope("dense").variable(t.constant(16f));
            org.tensorflow.op.Ops.create(g).constant(11f);
            org.tensorflow.op.Ops.create(g).withName("x").constant(12f);
            tf = names(g.operations());
        }
        List<String> ours;
        try (dev.ember.tfcompat.Graph g = new dev.ember.tfcompat.Graph()) {
            dev.ember.tfcompat.op.Ops t = dev.ember.tfcompat.op.Ops.create(g);
            t.constant(1f);
            t.constant(2f);
            t.withName("x").constant(3f);
            t.withName("x").constant(4f);
            dev.ember.tfcompat.op.Ops conv = t.withSubScope("conv1");
            conv.withName("kernel").constant(5f);
            conv.withName("bias").constant(6f);
            t.withSubScope("conv1").withName("bias").constant(7f);
            conv.withSubScope("inner").constant(8f);
            t.withName("named").withSubScope("ignored").constant(9f);
            t.withControlDependencies(List.of()).constant(10f);
            t.variable(t.constant(13f));
            t.withName("w").variable(t.constant(14f));
            t.withSubScope("dense").withName("kernel").variable(t.constant(15f));
            t.withSubScope("dense").variable(t.constant(16f));
            dev.ember.tfcompat.op.Ops.create(g).constant(11f);
            dev.ember.tfcompat.op.Ops.create(g).withName("x").constant(12f);
            ours = names(g.operations());
        }
        assertThat(ours).containsExactlyElementsOf(tf);
    }

    private static List<String> names(java.util.Iterator<? extends Object> ops) {
        List<String> out = new ArrayList<>();
        while (ops.hasNext()) {
            Object op = ops.next();
            out.add(op instanceof org.tensorflow.Operation ? ((org.tensorflow.Operation) op).name()
                    : ((dev.ember.tfcompat.Operation) op).name());
        }
        out.sort(null);
        return out;
    }
}
