package dev.ember.engine.nn;

import dev.ember.engine.Tensor;
import java.util.Map;

/**
 * Modules applied in order; mirrors {@code torch.nn.Sequential}. Children are named
 * {@code "0", "1", ...}, or by the given names.
 */
public class Sequential extends Module {
    private int next;

    /** {@code Sequential(m0, m1, ...)}. */
    public Sequential(Module... modules) {
        for (Module m : modules) {
            add(m);
        }
    }

    /** {@code Sequential(OrderedDict(...))}: named children in map order. */
    public Sequential(Map<String, ? extends Module> named) {
        named.forEach(this::registerModule);
        next = named.size();
    }

    /** Appends a module named by its index; mirrors {@code append}. Returns this. */
    public Sequential add(Module module) {
        registerModule(Integer.toString(next++), module);
        return this;
    }

    /** The {@code i}-th module (negative counts from the end); mirrors {@code seq[i]}. */
    public Module get(int i) {
        var list = children();
        int k = i < 0 ? i + list.size() : i;
        if (k < 0 || k >= list.size()) {
            throw new IndexOutOfBoundsException("Sequential: index " + i + " is out of range for " + list.size()
                    + " modules");
        }
        return list.get(k);
    }

    /** Number of modules; mirrors {@code len(seq)}. */
    public int size() {
        return children().size();
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module m : children()) {
            x = m.forward(x);
        }
        return x;
    }
}
