package dev.ember.engine.data.transforms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Transforms applied one after another; mirrors {@code torchvision.transforms.Compose}. Built
 * step by step so the types line up:
 * <pre>{@code
 * Transform<Image, Tensor> t = Compose.of(new RandomCrop(32, 4)).then(new RandomHorizontalFlip(0.5))
 *         .then(new ToTensor()).then(new Normalize(mean, std));
 * }</pre>
 *
 * @param <I> the input type of the first step
 * @param <O> the output type of the last step
 */
public final class Compose<I, O> implements Transform<I, O> {
    private final List<Transform<?, ?>> steps;

    private Compose(List<Transform<?, ?>> steps) {
        this.steps = steps;
    }

    /** A composition starting with {@code first}. */
    public static <I, O> Compose<I, O> of(Transform<I, O> first) {
        if (first == null) {
            throw new IllegalArgumentException("Compose: transform 0 is null");
        }
        return new Compose<>(List.of(first));
    }

    /** This composition followed by {@code next} (a new object; this one is unchanged). */
    public <P> Compose<I, P> then(Transform<? super O, P> next) {
        if (next == null) {
            throw new IllegalArgumentException("Compose: transform " + steps.size() + " is null");
        }
        List<Transform<?, ?>> s = new ArrayList<>(steps);
        s.add(next);
        return new Compose<>(Collections.unmodifiableList(s));
    }

    /** The steps in order; mirrors {@code compose.transforms}. */
    public List<Transform<?, ?>> transforms() {
        return steps;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public O apply(I input) {
        Object x = input;
        for (Transform t : steps) {
            x = t.apply(x);
        }
        return (O) x;
    }

    /** PyTorch's repr: {@code Compose(} then one step per line. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Compose(");
        for (Transform<?, ?> t : steps) {
            sb.append("\n    ").append(t);
        }
        return sb.append("\n)").toString();
    }
}
