package dev.ember.tfcompat.framework.optimizers;

import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.internal.ops.MathNodes;
import dev.ember.tfcompat.op.Op;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.op.core.Assign;
import dev.ember.tfcompat.op.core.Constant;
import dev.ember.tfcompat.op.core.Variable;
import dev.ember.tfcompat.op.train.ApplyAdam;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.family.TType;
import java.util.List;
import java.util.Optional;
import org.tensorflow.ndarray.Shape;

/**
 * Adam with slots {@code "m"} and {@code "v"} (zeros) per variable and two float32 scalar variables
 * {@code beta1_power}/{@code beta2_power} (starting at beta1/beta2, multiplied by them at each step);
 * mirrors {@code org.tensorflow.framework.optimizers.Adam}.
 *
 * <p>Step order: TF-Java 1.0 builds the {@code beta*_power} updates with no ordering against the casts
 * that feed the powers to {@code ApplyAdam}, so on the TF runtime each step reads each power before or
 * after its update, at random. Reading both after their update, i.e. {@code beta^(t+1)} at step t, is
 * the most frequent schedule (measured: 26 of 40 first steps; one step of lr 0.1 from {@code w = 1} on
 * {@code w*w} then gives 0.9255866, not 0.9). tfcompat makes that schedule explicit (the casts depend on
 * the power updates), so its numbers are TF-Java's most frequent ones, deterministically.
 */
public class Adam extends Optimizer {
    public static final String FIRST_MOMENT = "m";
    public static final String SECOND_MOMENT = "v";
    public static final float LEARNING_RATE_DEFAULT = 0.001f;
    public static final float EPSILON_DEFAULT = 1.0E-8f;
    public static final float BETA_ONE_DEFAULT = 0.9f;
    public static final float BETA_TWO_DEFAULT = 0.999f;

    private final float learningRate;
    private final float betaOne;
    private final float betaTwo;
    private final float epsilon;

    private Constant<TFloat32> learningRateConst;
    private Constant<TFloat32> epsilonConst;
    private Constant<TFloat32> betaOneConst;
    private Constant<TFloat32> betaTwoConst;
    private Variable<TFloat32> betaOnePower;
    private Variable<TFloat32> betaTwoPower;
    private Assign<TFloat32> betaOnePowerUpdate;
    private Assign<TFloat32> betaTwoPowerUpdate;

    public Adam(Graph graph) {
        this(graph, LEARNING_RATE_DEFAULT, BETA_ONE_DEFAULT, BETA_TWO_DEFAULT, EPSILON_DEFAULT);
    }

    public Adam(Graph graph, float learningRate) {
        this(graph, learningRate, BETA_ONE_DEFAULT, BETA_TWO_DEFAULT, EPSILON_DEFAULT);
    }

    public Adam(Graph graph, float learningRate, float betaOne, float betaTwo, float epsilon) {
        super(graph);
        this.learningRate = learningRate;
        this.betaOne = betaOne;
        this.betaTwo = betaTwo;
        this.epsilon = epsilon;
    }

    public Adam(Graph graph, String name, float learningRate) {
        this(graph, name, learningRate, BETA_ONE_DEFAULT, BETA_TWO_DEFAULT, EPSILON_DEFAULT);
    }

    public Adam(Graph graph, String name, float learningRate, float betaOne, float betaTwo, float epsilon) {
        super(graph, name);
        this.learningRate = learningRate;
        this.betaOne = betaOne;
        this.betaTwo = betaTwo;
        this.epsilon = epsilon;
    }

    /** An Adam optimizer in {@code scope}'s graph minimizing {@code loss}; mirrors {@code Adam.createAdamMinimize}. */
    public static <T extends TType> Op createAdamMinimize(Scope scope, Operand<T> loss, float learningRate,
            float betaOne, float betaTwo, float epsilon, Optimizer.Options... options) {
        if (!(scope.env() instanceof Graph)) {
            throw new IllegalArgumentException("Optimizers are only supported on Graphs");
        }
        Adam adam = new Adam((Graph) scope.env(), learningRate, betaOne, betaTwo, epsilon);
        String name = null;
        for (Optimizer.Options o : options) {
            if (o.sharedName != null) {
                name = o.sharedName;
            }
        }
        return name == null ? adam.minimize(loss) : adam.minimize(loss, name);
    }

    @Override
    protected void createSlots(List<Output<? extends TType>> variables) {
        for (Output<? extends TType> v : variables) {
            createAdamSlot(v.asOutput());
        }
        betaOnePower = tf.withInitScope().withName("beta1_power").variable(Shape.scalar(), TFloat32.class);
        tf.withInitScope().assign(betaOnePower, tf.constant(betaOne));
        betaTwoPower = tf.withInitScope().withName("beta2_power").variable(Shape.scalar(), TFloat32.class);
        tf.withInitScope().assign(betaTwoPower, tf.constant(betaTwo));
    }

    @Override
    protected Optional<Op> prepare(String scopeName) {
        betaOneConst = tf.constant(betaOne);
        betaTwoConst = tf.constant(betaTwo);
        learningRateConst = tf.constant(learningRate);
        epsilonConst = tf.constant(epsilon);
        // TF-Java builds these in finish(); built here so that the ApplyAdam ops can be ordered after them.
        betaOnePowerUpdate = tf.assign(betaOnePower, MathNodes.mul(tf, betaOnePower, betaOneConst));
        betaTwoPowerUpdate = tf.assign(betaTwoPower, MathNodes.mul(tf, betaTwoPower, betaTwoConst));
        return Optional.empty();
    }

    private <T extends TType> void createAdamSlot(Output<T> v) {
        createSlot(v.asOutput(), FIRST_MOMENT, filledLike(v, 0.0f));
        createSlot(v.asOutput(), SECOND_MOMENT, filledLike(v, 0.0f));
    }

    @Override
    protected <T extends TType> Op applyDense(Ops opsTF, Output<T> gradient, Output<T> variable) {
        Variable<T> firstMomentSlot = getSlot(variable, FIRST_MOMENT).get();
        Variable<T> secondMomentSlot = getSlot(variable, SECOND_MOMENT).get();
        Ops afterPowers = opsTF.withControlDependencies(betaOnePowerUpdate, betaTwoPowerUpdate);
        return opsTF.train.applyAdam(variable, firstMomentSlot, secondMomentSlot,
                afterPowers.dtypes.cast(betaOnePower, gradient.type()),
                afterPowers.dtypes.cast(betaTwoPower, gradient.type()),
                opsTF.dtypes.cast(learningRateConst, gradient.type()),
                opsTF.dtypes.cast(betaOneConst, gradient.type()),
                opsTF.dtypes.cast(betaTwoConst, gradient.type()),
                opsTF.dtypes.cast(epsilonConst, gradient.type()),
                gradient, ApplyAdam.useLocking(true));
    }

    @Override
    protected Op finish(List<Op> updateOperations, String name) {
        updateOperations.add(betaOnePowerUpdate);
        updateOperations.add(betaTwoPowerUpdate);
        return super.finish(updateOperations, name);
    }

    @Override
    public String toString() {
        return "Adam{learningRate=" + learningRate + ", betaOne=" + betaOne + ", betaTwo=" + betaTwo + ", epsilon="
                + epsilon + "}";
    }

    @Override
    public String getOptimizerName() {
        return "Adam";
    }
}
