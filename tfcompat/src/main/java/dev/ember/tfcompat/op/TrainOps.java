package dev.ember.tfcompat.op;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.train.ApplyAdadelta;
import dev.ember.tfcompat.op.train.ApplyAdagrad;
import dev.ember.tfcompat.op.train.ApplyAdam;
import dev.ember.tfcompat.op.train.ApplyCenteredRmsProp;
import dev.ember.tfcompat.op.train.ApplyGradientDescent;
import dev.ember.tfcompat.op.train.ApplyMomentum;
import dev.ember.tfcompat.op.train.ApplyRmsProp;
import dev.ember.tfcompat.types.family.TType;

/**
 * The {@code tf.train} group; mirrors {@code org.tensorflow.op.TrainOps}. The update ops take TF1
 * variables ({@code tf.variable}) and run TF's update formulas on the engine. ({@code ApplyAdagradV2}
 * has no method here, as in TF-Java: build it with {@code ApplyAdagradV2.create(tf.scope(), ...)}.)
 */
public final class TrainOps {
    private final Scope scope;

    TrainOps(Scope scope) {
        this.scope = scope;
    }

    /** {@code var -= alpha * delta}; mirrors {@code tf.train.applyGradientDescent}. */
    public <T extends TType> ApplyGradientDescent<T> applyGradientDescent(Operand<T> var, Operand<T> alpha,
            Operand<T> delta, ApplyGradientDescent.Options... options) {
        return ApplyGradientDescent.create(scope, var, alpha, delta, options);
    }

    /** Momentum (optionally Nesterov) update; mirrors {@code tf.train.applyMomentum}. */
    public <T extends TType> ApplyMomentum<T> applyMomentum(Operand<T> var, Operand<T> accum, Operand<T> lr,
            Operand<T> grad, Operand<T> momentum, ApplyMomentum.Options... options) {
        return ApplyMomentum.create(scope, var, accum, lr, grad, momentum, options);
    }

    /** Adam update; mirrors {@code tf.train.applyAdam}. */
    public <T extends TType> ApplyAdam<T> applyAdam(Operand<T> var, Operand<T> m, Operand<T> v, Operand<T> beta1Power,
            Operand<T> beta2Power, Operand<T> lr, Operand<T> beta1, Operand<T> beta2, Operand<T> epsilon,
            Operand<T> grad, ApplyAdam.Options... options) {
        return ApplyAdam.create(scope, var, m, v, beta1Power, beta2Power, lr, beta1, beta2, epsilon, grad, options);
    }

    /** RMSProp update; mirrors {@code tf.train.applyRmsProp}. */
    public <T extends TType> ApplyRmsProp<T> applyRmsProp(Operand<T> var, Operand<T> ms, Operand<T> mom,
            Operand<T> lr, Operand<T> rho, Operand<T> momentum, Operand<T> epsilon, Operand<T> grad,
            ApplyRmsProp.Options... options) {
        return ApplyRmsProp.create(scope, var, ms, mom, lr, rho, momentum, epsilon, grad, options);
    }

    /** Centered RMSProp update; mirrors {@code tf.train.applyCenteredRmsProp}. */
    public <T extends TType> ApplyCenteredRmsProp<T> applyCenteredRmsProp(Operand<T> var, Operand<T> mg,
            Operand<T> ms, Operand<T> mom, Operand<T> lr, Operand<T> rho, Operand<T> momentum, Operand<T> epsilon,
            Operand<T> grad, ApplyCenteredRmsProp.Options... options) {
        return ApplyCenteredRmsProp.create(scope, var, mg, ms, mom, lr, rho, momentum, epsilon, grad, options);
    }

    /** Adagrad update; mirrors {@code tf.train.applyAdagrad}. */
    public <T extends TType> ApplyAdagrad<T> applyAdagrad(Operand<T> var, Operand<T> accum, Operand<T> lr,
            Operand<T> grad, ApplyAdagrad.Options... options) {
        return ApplyAdagrad.create(scope, var, accum, lr, grad, options);
    }

    /** Adadelta update; mirrors {@code tf.train.applyAdadelta}. */
    public <T extends TType> ApplyAdadelta<T> applyAdadelta(Operand<T> var, Operand<T> accum, Operand<T> accumUpdate,
            Operand<T> lr, Operand<T> rho, Operand<T> epsilon, Operand<T> grad, ApplyAdadelta.Options... options) {
        return ApplyAdadelta.create(scope, var, accum, accumUpdate, lr, rho, epsilon, grad, options);
    }
}
