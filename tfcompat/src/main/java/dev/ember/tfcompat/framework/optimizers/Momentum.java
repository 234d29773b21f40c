package dev.ember.tfcompat.framework.optimizers;

import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.Op;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.core.Variable;
import dev.ember.tfcompat.op.train.ApplyMomentum;
import dev.ember.tfcompat.types.family.TType;
import java.util.List;

/**
 * Momentum (optionally Nesterov) with one slot {@code "momentum"} (zeros) per variable; mirrors
 * {@code org.tensorflow.framework.optimizers.Momentum}: {@code accum = momentum * accum + grad;
 * var -= learningRate * accum}.
 */
public class Momentum extends Optimizer {
    public static final float LEARNING_RATE_DEFAULT = 0.01f;
    public static final float MOMENTUM_DEFAULT = 0.0f;
    public static final boolean NESTEROV_DEFAULT = false;
    public static final String MOMENTUM = "momentum";

    private final float learningRate;
    private final float momentum;
    private final boolean useNesterov;

    public Momentum(Graph graph) {
        this(graph, LEARNING_RATE_DEFAULT, MOMENTUM_DEFAULT, NESTEROV_DEFAULT);
    }

    public Momentum(Graph graph, float learningRate) {
        this(graph, learningRate, MOMENTUM_DEFAULT, NESTEROV_DEFAULT);
    }

    public Momentum(Graph graph, float learningRate, float momentum) {
        this(graph, learningRate, momentum, NESTEROV_DEFAULT);
    }

    public Momentum(Graph graph, float learningRate, float momentum, boolean useNesterov) {
        super(graph);
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.useNesterov = useNesterov;
    }

    public Momentum(Graph graph, String name, float learningRate, float momentum, boolean useNesterov) {
        super(graph, name);
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.useNesterov = useNesterov;
    }

    @Override
    protected void createSlots(List<Output<? extends TType>> variables) {
        for (Output<? extends TType> v : variables) {
            createMomentumSlot(v.asOutput());
        }
    }

    private <T extends TType> void createMomentumSlot(Output<T> v) {
        createSlot(v.asOutput(), MOMENTUM, filledLike(v, 0.0f));
    }

    @Override
    protected <T extends TType> Op applyDense(Ops opsTF, Output<T> gradient, Output<T> variable) {
        Variable<T> slot = getSlot(variable, MOMENTUM).get();
        return opsTF.train.applyMomentum(variable, slot,
                opsTF.dtypes.cast(opsTF.constant(learningRate), gradient.type()), gradient,
                opsTF.dtypes.cast(opsTF.constant(momentum), gradient.type()),
                ApplyMomentum.useNesterov(useNesterov), ApplyMomentum.useLocking(true));
    }

    @Override
    public String toString() {
        return "Momentum{learningRate=" + learningRate + ", momentum=" + momentum + ", useNesterov=" + useNesterov + "}";
    }

    @Override
    public String getOptimizerName() {
        return "Momentum";
    }
}
