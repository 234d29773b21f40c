package dev.ember.tfcompat.op;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.random.RandomShuffle;
import dev.ember.tfcompat.op.random.RandomStandardNormal;
import dev.ember.tfcompat.op.random.RandomUniform;
import dev.ember.tfcompat.op.random.RandomUniformInt;
import dev.ember.tfcompat.op.random.StatelessRandomNormal;
import dev.ember.tfcompat.op.random.StatelessRandomUniform;
import dev.ember.tfcompat.op.random.StatelessTruncatedNormal;
import dev.ember.tfcompat.op.random.TruncatedNormal;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;

/**
 * The {@code tf.random} group; mirrors {@code org.tensorflow.op.RandomOps}. Seeding follows TF (an op
 * seed makes a node's sequence repeat in every session; successive runs draw new values) but the
 * numbers are Ember's, not TF's Philox streams: compare distributions with TF, not values.
 */
public final class RandomOps {
    private final Scope scope;

    RandomOps(Scope scope) {
        this.scope = scope;
    }

    /** Permutes {@code value} along its first dimension; mirrors {@code tf.random.randomShuffle}. */
    public <T extends TType> RandomShuffle<T> randomShuffle(Operand<T> value, RandomShuffle.Options... options) {
        return RandomShuffle.create(scope, value, options);
    }

    /** Standard normal values; mirrors {@code tf.random.randomStandardNormal}. */
    public <U extends TNumber> RandomStandardNormal<U> randomStandardNormal(Operand<? extends TNumber> shape,
            Class<U> dtype, RandomStandardNormal.Options... options) {
        return RandomStandardNormal.create(scope, shape, dtype, options);
    }

    /** Uniform values in [0, 1); mirrors {@code tf.random.randomUniform}. */
    public <U extends TNumber> RandomUniform<U> randomUniform(Operand<? extends TNumber> shape, Class<U> dtype,
            RandomUniform.Options... options) {
        return RandomUniform.create(scope, shape, dtype, options);
    }

    /** Uniform integers in [minval, maxval); mirrors {@code tf.random.randomUniformInt}. */
    public <U extends TNumber> RandomUniformInt<U> randomUniformInt(Operand<? extends TNumber> shape,
            Operand<U> minval, Operand<U> maxval, RandomUniformInt.Options... options) {
        return RandomUniformInt.create(scope, shape, minval, maxval, options);
    }

    /** Normal values truncated to 2 standard deviations; mirrors {@code tf.random.truncatedNormal}. */
    public <U extends TNumber> TruncatedNormal<U> truncatedNormal(Operand<? extends TNumber> shape, Class<U> dtype,
            TruncatedNormal.Options... options) {
        return TruncatedNormal.create(scope, shape, dtype, options);
    }

    /** Float32 standard normal values fixed by {@code seed}; mirrors {@code tf.random.statelessRandomNormal}. */
    public StatelessRandomNormal<TFloat32> statelessRandomNormal(Operand<? extends TNumber> shape,
            Operand<? extends TNumber> seed) {
        return StatelessRandomNormal.create(scope, shape, seed);
    }

    /** Standard normal values fixed by {@code seed}; mirrors {@code tf.random.statelessRandomNormal}. */
    public <V extends TNumber> StatelessRandomNormal<V> statelessRandomNormal(Operand<? extends TNumber> shape,
            Operand<? extends TNumber> seed, Class<V> dtype) {
        return StatelessRandomNormal.create(scope, shape, seed, dtype);
    }

    /** Float32 uniform values fixed by {@code seed}; mirrors {@code tf.random.statelessRandomUniform}. */
    public StatelessRandomUniform<TFloat32> statelessRandomUniform(Operand<? extends TNumber> shape,
            Operand<? extends TNumber> seed) {
        return StatelessRandomUniform.create(scope, shape, seed);
    }

    /** Uniform values in [0, 1) fixed by {@code seed}; mirrors {@code tf.random.statelessRandomUniform}. */
    public <V extends TNumber> StatelessRandomUniform<V> statelessRandomUniform(Operand<? extends TNumber> shape,
            Operand<? extends TNumber> seed, Class<V> dtype) {
        return StatelessRandomUniform.create(scope, shape, seed, dtype);
    }

    /** Float32 truncated normal values fixed by {@code seed}; mirrors {@code tf.random.statelessTruncatedNormal}. */
    public StatelessTruncatedNormal<TFloat32> statelessTruncatedNormal(Operand<? extends TNumber> shape,
            Operand<? extends TNumber> seed) {
        return StatelessTruncatedNormal.create(scope, shape, seed);
    }

    /** Truncated normal values fixed by {@code seed}; mirrors {@code tf.random.statelessTruncatedNormal}. */
    public <V extends TNumber> StatelessTruncatedNormal<V> statelessTruncatedNormal(Operand<? extends TNumber> shape,
            Operand<? extends TNumber> seed, Class<V> dtype) {
        return StatelessTruncatedNormal.create(scope, shape, seed, dtype);
    }
}
