package dev.ember.tfcompat.framework.optimizers;

import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.Op;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.core.Variable;
import dev.ember.tfcompat.op.train.ApplyAdagrad;
import dev.ember.tfcompat.types.family.TType;
import java.util.List;

/**
 * Adagrad with one slot {@code "accumulator"} per variable, starting at {@code initialAccumulatorValue};
 * mirrors {@code org.tensorflow.framework.optimizers.AdaGrad}: {@code accum += grad^2;
 * var -= learningRate * grad / sqrt(accum)}.
 */
public class AdaGrad extends Optimizer {
    public static final String ACCUMULATOR = "accumulator";
    public static final float LEARNING_RATE_DEFAULT = 0.001f;
    public static final float INITIAL_ACCUMULATOR_DEFAULT = 0.01f;

    private static final ApplyAdagrad.Options[] OPTS = {
        ApplyAdagrad.updateSlots(true), ApplyAdagrad.useLocking(true)};

    private final float learningRate;
    private final float initialAccumulatorValue;

    public AdaGrad(Graph graph) {
        this(graph, LEARNING_RATE_DEFAULT, INITIAL_ACCUMULATOR_DEFAULT);
    }

    public AdaGrad(Graph graph, float learningRate) {
        this(graph, learningRate, INITIAL_ACCUMULATOR_DEFAULT);
    }

    /** @throws IllegalArgumentException when {@code initialAccumulatorValue} is negative (as TF-Java). */
    public AdaGrad(Graph graph, float learningRate, float initialAccumulatorValue) {
        super(graph);
        this.learningRate = learningRate;
        this.initialAccumulatorValue = check(initialAccumulatorValue);
    }

    public AdaGrad(Graph graph, String name, float learningRate) {
        this(graph, name, learningRate, INITIAL_ACCUMULATOR_DEFAULT);
    }

    /** @throws IllegalArgumentException when {@code initialAccumulatorValue} is negative (as TF-Java). */
    public AdaGrad(Graph graph, String name, float learningRate, float initialAccumulatorValue) {
        super(graph, name);
        this.learningRate = learningRate;
        this.initialAccumulatorValue = check(initialAccumulatorValue);
    }

    private static float check(float initialAccumulatorValue) {
        if (initialAccumulatorValue < 0) {
            throw new IllegalArgumentException(String.format("initialAccumulatorValue must be non-negative: %f",
                    initialAccumulatorValue));
        }
        return initialAccumulatorValue;
    }

    @Override
    protected void createSlots(List<Output<? extends TType>> variables) {
        for (Output<? extends TType> v : variables) {
            createAdaGradSlot(v.asOutput());
        }
    }

    private <T extends TType> void createAdaGradSlot(Output<T> v) {
        createSlot(v.asOutput(), ACCUMULATOR, filledLike(v, initialAccumulatorValue));
    }

    @Override
    protected <T extends TType> Op applyDense(Ops opsTF, Output<T> gradient, Output<T> variable) {
        Variable<T> slot = getSlot(variable, ACCUMULATOR).get();
        return opsTF.train.applyAdagrad(variable, slot,
                opsTF.dtypes.cast(opsTF.constant(learningRate), gradient.type()), gradient, OPTS);
    }

    @Override
    public String toString() {
        return "AdaGrad{learningRate=" + learningRate + ", initialAccumulatorValue=" + initialAccumulatorValue + "}";
    }

    @Override
    public String getOptimizerName() {
        return "Adagrad";
    }
}
