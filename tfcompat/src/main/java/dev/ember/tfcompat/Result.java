package dev.ember.tfcompat;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The fetched values of a run, by position and by name; mirrors {@code org.tensorflow.Result}. */
public final class Result implements AutoCloseable, Iterable<Map.Entry<String, Tensor>> {
    private final List<String> names;
    private final List<Tensor> values;
    private final Map<String, Tensor> byName = new LinkedHashMap<>();
    private boolean closed;

    Result(List<String> names, List<Tensor> values) {
        this.names = names;
        this.values = values;
        for (int i = 0; i < names.size(); i++) {
            byName.putIfAbsent(names.get(i), values.get(i));
        }
    }

    /** The value of fetch {@code index}. */
    public Tensor get(int index) {
        checkOpen();
        if (index < 0 || index >= values.size()) {
            throw new IndexOutOfBoundsException("Result has " + values.size() + " values, no index " + index);
        }
        return values.get(index);
    }

    /** The value fetched as {@code name} ({@code "op:0"}; {@code "op"} means output 0). */
    public Optional<Tensor> get(String name) {
        checkOpen();
        Tensor t = byName.get(name);
        if (t == null && !name.contains(":")) {
            t = byName.get(name + ":0");
        }
        return Optional.ofNullable(t);
    }

    public int size() {
        return values.size();
    }

    public Set<String> keySet() {
        return byName.keySet();
    }

    public boolean containsKey(String name) {
        return get(name).isPresent();
    }

    @Override
    public Iterator<Map.Entry<String, Tensor>> iterator() {
        List<Map.Entry<String, Tensor>> entries = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            entries.add(new AbstractMap.SimpleImmutableEntry<>(names.get(i), values.get(i)));
        }
        return entries.iterator();
    }

    /** Closes every fetched tensor. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            values.forEach(Tensor::close);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Result has been closed");
        }
    }
}
