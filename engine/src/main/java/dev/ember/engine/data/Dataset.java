package dev.ember.engine.data;

/**
 * A map-style dataset: {@code size()} samples, read by index; mirrors
 * {@code torch.utils.data.Dataset} ({@code __len__} and {@code __getitem__}).
 *
 * <p>{@link DataLoader} may call {@link #get} from several worker threads at once, so
 * implementations must allow concurrent reads (read-only datasets do).
 *
 * @param <T> the sample type, e.g. {@code Tensor[]} for (input, target) pairs
 */
public interface Dataset<T> {
    /** The number of samples; mirrors {@code len(dataset)}. */
    int size();

    /** Sample {@code index}, {@code 0 <= index < size()}; mirrors {@code dataset[index]}. */
    T get(int index);
}
