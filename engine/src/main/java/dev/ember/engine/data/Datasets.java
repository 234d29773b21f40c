package dev.ember.engine.data;

import dev.ember.engine.Ember;
import dev.ember.engine.Generator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Helpers over {@link Dataset}s: {@code random_split} and friends from {@code torch.utils.data}. */
public final class Datasets {
    private Datasets() {
    }

    /**
     * Splits {@code dataset} into non-overlapping random subsets of the given {@code lengths},
     * which must add up to its size; mirrors {@code torch.utils.data.random_split(dataset, lengths,
     * generator)}. The permutation is drawn from {@code generator} (the default generator when null).
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, long[] lengths, Generator generator) {
        if (dataset == null || lengths == null) {
            throw new IllegalArgumentException("randomSplit: dataset and lengths must not be null");
        }
        long sum = 0;
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 0) {
                throw new IllegalArgumentException("randomSplit: lengths[" + i + "] = " + lengths[i] + " is negative");
            }
            sum += lengths[i];
        }
        if (sum != dataset.size()) {
            throw new IllegalArgumentException("randomSplit: sum of input lengths " + Arrays.toString(lengths) + " = "
                    + sum + " does not equal the length of the input dataset (" + dataset.size() + ")");
        }
        int[] perm = randperm(dataset.size(), generator == null ? Ember.defaultGenerator() : generator);
        List<Subset<T>> out = new ArrayList<>();
        int offset = 0;
        for (long len : lengths) {
            out.add(new Subset<>(dataset, Arrays.copyOfRange(perm, offset, offset + (int) len)));
            offset += (int) len;
        }
        return out;
    }

    /**
     * Splits by fractions summing to 1: each part gets {@code floor(size * fraction)} samples and
     * the remainder is dealt one by one to the parts in order, exactly as PyTorch's
     * {@code random_split} does with fractional lengths.
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, double[] fractions, Generator generator) {
        if (dataset == null || fractions == null || fractions.length == 0) {
            throw new IllegalArgumentException("randomSplit: dataset and a non-empty fractions array are required");
        }
        double sum = 0;
        for (int i = 0; i < fractions.length; i++) {
            if (!(fractions[i] >= 0 && fractions[i] <= 1)) {
                throw new IllegalArgumentException("randomSplit: fraction at index " + i + " (" + fractions[i]
                        + ") is not between 0 and 1");
            }
            sum += fractions[i];
        }
        if (Math.abs(sum - 1) > 1e-9 || sum > 1 + 1e-12) {
            throw new IllegalArgumentException("randomSplit: fractions " + Arrays.toString(fractions)
                    + " sum to " + sum + ", expected 1");
        }
        long[] lengths = new long[fractions.length];
        long taken = 0;
        for (int i = 0; i < fractions.length; i++) {
            lengths[i] = (long) Math.floor(dataset.size() * fractions[i]);
            taken += lengths[i];
        }
        for (long r = 0; r < dataset.size() - taken; r++) {
            lengths[(int) (r % lengths.length)]++;
        }
        return randomSplit(dataset, lengths, generator);
    }

    /** A view of {@code dataset} with {@code fn} applied to each sample as it is read. */
    public static <T, R> Dataset<R> map(Dataset<T> dataset, Function<? super T, ? extends R> fn) {
        return new Dataset<>() {
            @Override
            public int size() {
                return dataset.size();
            }

            @Override
            public R get(int index) {
                return fn.apply(dataset.get(index));
            }
        };
    }

    /** A uniformly random permutation of {@code 0..n-1} drawn from {@code g} (Fisher-Yates). */
    static int[] randperm(int n, Generator g) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) g.nextLong(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
