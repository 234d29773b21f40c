package dev.ember.parity.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

/**
 * TF1-style optimizers on a {@link TfModel}'s graph, as {@code tf.train.MomentumOptimizer} and
 * {@code tf.train.AdamOptimizer} build them: gradients from {@code Graph.addGradients}, one
 * {@code ApplyMomentum} / {@code ApplyAdam} per variable with its slot variables named like TF1
 * ({@code conv2d/kernel/Momentum}, {@code conv2d/kernel/Adam}, {@code conv2d/kernel/Adam_1}) and
 * Adam's {@code beta1_power}/{@code beta2_power} advanced after the updates. In training mode the
 * BatchNorm moving statistics are assigned too (Keras' update ops).
 *
 * <p>Every update waits for every gradient (control dependencies): the reads of {@code VariableV2}
 * alias the variable's buffer, so without them an update could land before a gradient that reads
 * the same variable was computed.
 */
public final class TfOptimizer {
    private final Op step;
    private final Map<String, Map<String, Variable<TFloat32>>> slots;

    private TfOptimizer(Op step, Map<String, Map<String, Variable<TFloat32>>> slots) {
        this.step = step;
        this.slots = slots;
    }

    /** The op running one training step. */
    public Op step() {
        return step;
    }

    /** Slot variables per trainable variable name: slot name ({@code Momentum}, {@code Adam}, ...) -> variable. */
    public Map<String, Map<String, Variable<TFloat32>>> slots() {
        return slots;
    }

    /** {@code tf.train.MomentumOptimizer(lr, momentum)}: {@code accum = m * accum + g; var -= lr * accum}. */
    public static TfOptimizer momentum(TfModel m, float lr, float momentum) {
        Ops tf = m.tf;
        List<Output<?>> grads = gradients(m);
        Ops after = tf.withControlDependencies(asOps(grads));
        List<Op> updates = new ArrayList<>(movingUpdates(m, after));
        Map<String, Map<String, Variable<TFloat32>>> slots = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, Variable<TFloat32>> e : m.trainable.entrySet()) {
            Variable<TFloat32> accum = slot(m, e.getKey(), "Momentum", e.getValue());
            slots.put(e.getKey(), Map.of("Momentum", accum));
            updates.add(after.train.applyMomentum(e.getValue(), accum, tf.constant(lr), grad(grads, i++),
                    tf.constant(momentum)));
        }
        return new TfOptimizer(tf.withControlDependencies(updates).noOp(), slots);
    }

    /**
     * {@code tf.train.AdamOptimizer(lr, beta1, beta2, epsilon)}: {@code ApplyAdam} with
     * {@code lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)}, {@code m += (g - m)(1 - beta1)},
     * {@code v += (g^2 - v)(1 - beta2)}, {@code var -= lr_t * m / (sqrt(v) + epsilon)}; the powers
     * are float32 variables multiplied by beta after each step.
     */
    public static TfOptimizer adam(TfModel m, float lr, float beta1, float beta2, float epsilon) {
        Ops tf = m.tf;
        List<Output<?>> grads = gradients(m);
        Ops after = tf.withControlDependencies(asOps(grads));
        Ops init = tf.withInitScope();
        Variable<TFloat32> beta1Power = tf.withName("beta1_power").variable(init.constant(beta1));
        Variable<TFloat32> beta2Power = tf.withName("beta2_power").variable(init.constant(beta2));
        List<Op> applies = new ArrayList<>();
        Map<String, Map<String, Variable<TFloat32>>> slots = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, Variable<TFloat32>> e : m.trainable.entrySet()) {
            Variable<TFloat32> mSlot = slot(m, e.getKey(), "Adam", e.getValue());
            Variable<TFloat32> vSlot = slot(m, e.getKey(), "Adam_1", e.getValue());
            Map<String, Variable<TFloat32>> s = new LinkedHashMap<>();
            s.put("Adam", mSlot);
            s.put("Adam_1", vSlot);
            slots.put(e.getKey(), s);
            applies.add(after.train.applyAdam(e.getValue(), mSlot, vSlot, beta1Power, beta2Power, tf.constant(lr),
                    tf.constant(beta1), tf.constant(beta2), tf.constant(epsilon), grad(grads, i++)));
        }
        Ops afterApplies = tf.withControlDependencies(applies);
        List<Op> updates = new ArrayList<>(movingUpdates(m, after));
        updates.add(afterApplies.assign(beta1Power, afterApplies.math.mul(beta1Power, tf.constant(beta1))));
        updates.add(afterApplies.assign(beta2Power, afterApplies.math.mul(beta2Power, tf.constant(beta2))));
        return new TfOptimizer(tf.withControlDependencies(updates).noOp(), slots);
    }

    private static List<Output<?>> gradients(TfModel m) {
        List<Output<?>> xs = new ArrayList<>();
        m.trainable.keySet().forEach(n -> xs.add(m.reads.get(n).asOutput()));
        Output<?>[] g = m.graph.addGradients(m.loss.asOutput(), xs.toArray(new Output<?>[0]));
        return List.of(g);
    }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32> grad(List<Output<?>> grads, int i) {
        return (Operand<TFloat32>) grads.get(i);
    }

    private static List<Op> asOps(List<Output<?>> outputs) {
        List<Op> ops = new ArrayList<>();
        for (Output<?> o : outputs) {
            ops.add(o::op);
        }
        return ops;
    }

    private static List<Op> movingUpdates(TfModel m, Ops after) {
        List<Op> out = new ArrayList<>();
        m.movingUpdates.forEach((n, value) -> out.add(after.assign(m.variables.get(n), value)));
        return out;
    }

    /**
     * A zero-initialised slot {@code <var>/<slot>} shaped like {@code var}. Built with the raw op
     * builder because TF-Java's scopes would rename {@code conv2d/kernel/...} to {@code conv2d/kernel_1/...}
     * next to the op {@code conv2d/kernel}.
     */
    private static Variable<TFloat32> slot(TfModel m, String var, String slot, Variable<TFloat32> of) {
        Ops tf = m.tf;
        Output<TFloat32> v = m.graph.opBuilder("VariableV2", var + "/" + slot, tf.scope())
                .setAttr("shape", of.shape())
                .setAttr("dtype", DataType.DT_FLOAT)
                .build().output(0);
        Ops init = tf.withInitScope();
        init.assign(v, init.zeros(init.constant(of.shape().asArray()), TFloat32.class));
        return new Variable<TFloat32>(v.op());
    }
}
