package dev.ember.tfcompat.framework.optimizers;

import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.Op;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.core.Variable;
import dev.ember.tfcompat.op.train.ApplyCenteredRmsProp;
import dev.ember.tfcompat.op.train.ApplyRmsProp;
import dev.ember.tfcompat.types.family.TType;
import java.util.List;

/**
 * RMSProp with slots {@code "rms"} (starting at ones, as TF1), {@code "momentum"} (zeros) and, when
 * centered, {@code "mg"} (zeros); mirrors {@code org.tensorflow.framework.optimizers.RMSProp}
 * ({@code ApplyRMSProp} / {@code ApplyCenteredRMSProp}, with {@code decay} as rho).
 */
public class RMSProp extends Optimizer {
    public static final float LEARNING_RATE_DEFAULT = 0.001f;
    public static final float DECAY_DEFAULT = 0.9f;
    public static final float MOMENTUM_DEFAULT = 0.0f;
    public static final float EPSILON_DEFAULT = 1.0E-10f;
    public static final boolean CENTERED_DEFAULT = false;
    public static final String RMS = "rms";
    public static final String MG = "mg";
    public static final String MOMENTUM = "momentum";

    private final float learningRate;
    private final float decay;
    private final float momentum;
    private final float epsilon;
    private final boolean centered;

    public RMSProp(Graph graph) {
        this(graph, LEARNING_RATE_DEFAULT, DECAY_DEFAULT, MOMENTUM_DEFAULT, EPSILON_DEFAULT, CENTERED_DEFAULT);
    }

    public RMSProp(Graph graph, float learningRate) {
        this(graph, learningRate, DECAY_DEFAULT, MOMENTUM_DEFAULT, EPSILON_DEFAULT, CENTERED_DEFAULT);
    }

    public RMSProp(Graph graph, float learningRate, float decay, float momentum, float epsilon, boolean centered) {
        super(graph);
        this.learningRate = learningRate;
        this.decay = decay;
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.centered = centered;
    }

    public RMSProp(Graph graph, String name, float learningRate) {
        this(graph, name, learningRate, DECAY_DEFAULT, MOMENTUM_DEFAULT, EPSILON_DEFAULT, CENTERED_DEFAULT);
    }

    public RMSProp(Graph graph, String name, float learningRate, float decay, float momentum, float epsilon,
            boolean centered) {
        super(graph, name);
        this.learningRate = learningRate;
        this.decay = decay;
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.centered = centered;
    }

    @Override
    protected void createSlots(List<Output<? extends TType>> variables) {
        for (Output<? extends TType> v : variables) {
            createRMSPropSlot(v.asOutput());
        }
    }

    private <T extends TType> void createRMSPropSlot(Output<T> v) {
        createSlot(v.asOutput(), RMS, filledLike(v, 1.0f));
        createSlot(v.asOutput(), MOMENTUM, filledLike(v, 0.0f));
        if (centered) {
            createSlot(v.asOutput(), MG, filledLike(v, 0.0f));
        }
    }

    @Override
    protected <T extends TType> Op applyDense(Ops opsTF, Output<T> gradient, Output<T> variable) {
        Variable<T> rmsSlot = getSlot(variable, RMS).get();
        Variable<T> momentumSlot = getSlot(variable, MOMENTUM).get();
        if (centered) {
            Variable<T> mgSlot = getSlot(variable, MG).get();
            return opsTF.train.applyCenteredRmsProp(variable, mgSlot, rmsSlot, momentumSlot,
                    opsTF.dtypes.cast(opsTF.constant(learningRate), gradient.type()),
                    opsTF.dtypes.cast(opsTF.constant(decay), gradient.type()),
                    opsTF.dtypes.cast(opsTF.constant(momentum), gradient.type()),
                    opsTF.dtypes.cast(opsTF.constant(epsilon), gradient.type()),
                    gradient, ApplyCenteredRmsProp.useLocking(true));
        }
        return opsTF.train.applyRmsProp(variable, rmsSlot, momentumSlot,
                opsTF.dtypes.cast(opsTF.constant(learningRate), gradient.type()),
                opsTF.dtypes.cast(opsTF.constant(decay), gradient.type()),
                opsTF.dtypes.cast(opsTF.constant(momentum), gradient.type()),
                opsTF.dtypes.cast(opsTF.constant(epsilon), gradient.type()),
                gradient, ApplyRmsProp.useLocking(true));
    }

    @Override
    public String toString() {
        return "RMSProp{learningRate=" + learningRate + ", decay=" + decay + ", momentum=" + momentum + ", epsilon="
                + epsilon + ", centered=" + centered + "}";
    }

    @Override
    public String getOptimizerName() {
        return "RMSProp";
    }
}
