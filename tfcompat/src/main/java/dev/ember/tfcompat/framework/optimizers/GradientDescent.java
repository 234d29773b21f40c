package dev.ember.tfcompat.framework.optimizers;

import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.Op;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.train.ApplyGradientDescent;
import dev.ember.tfcompat.types.family.TType;

/** {@code var -= learningRate * grad}; mirrors {@code org.tensorflow.framework.optimizers.GradientDescent}. */
public class GradientDescent extends Optimizer {
    public static final float LEARNING_RATE_DEFAULT = 0.01f;

    private final float learningRate;

    public GradientDescent(Graph graph) {
        this(graph, LEARNING_RATE_DEFAULT);
    }

    public GradientDescent(Graph graph, float learningRate) {
        super(graph);
        this.learningRate = learningRate;
    }

    public GradientDescent(Graph graph, String name, float learningRate) {
        super(graph, name);
        this.learningRate = learningRate;
    }

    @Override
    protected <T extends TType> Op applyDense(Ops opsTF, Output<T> gradient, Output<T> variable) {
        return opsTF.train.applyGradientDescent(variable,
                opsTF.dtypes.cast(opsTF.constant(learningRate), gradient.type()), gradient,
                ApplyGradientDescent.useLocking(true));
    }

    @Override
    public String toString() {
        return "GradientDescent{learningRate=" + learningRate + "}";
    }

    @Override
    public String getOptimizerName() {
        return "GradientDescent";
    }
}
