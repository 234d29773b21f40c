package dev.ember.engine.data.transforms;

/**
 * One step of data preprocessing or augmentation; mirrors a {@code torchvision.transforms}
 * callable. Chain steps with {@link Compose} or {@link #andThen}.
 *
 * @param <I> the input type (an {@link Image} or a {@code Tensor})
 * @param <O> the output type
 */
@FunctionalInterface
public interface Transform<I, O> {
    /** Applies the transform; mirrors {@code transform(x)}. */
    O apply(I input);

    /** This transform, then {@code next}. */
    default <P> Transform<I, P> andThen(Transform<? super O, ? extends P> next) {
        return x -> next.apply(apply(x));
    }
}
