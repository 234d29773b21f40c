package dev.ember.engine.nn;

import dev.ember.engine.Tensor;
import java.util.Iterator;
import java.util.List;

/** A list of registered modules; mirrors {@code torch.nn.ModuleList}. It has no forward of its own. */
public class ModuleList extends Module implements Iterable<Module> {
    private int next;

    public ModuleList(Module... modules) {
        for (Module m : modules) {
            add(m);
        }
    }

    /** Appends a module; mirrors {@code append}. Returns this. */
    public ModuleList add(Module module) {
        registerModule(Integer.toString(next++), module);
        return this;
    }

    /** The {@code i}-th module (negative counts from the end). */
    public Module get(int i) {
        List<Module> list = children();
        int k = i < 0 ? i + list.size() : i;
        if (k < 0 || k >= list.size()) {
            throw new IndexOutOfBoundsException("ModuleList: index " + i + " is out of range for " + list.size()
                    + " modules");
        }
        return list.get(k);
    }

    public int size() {
        return children().size();
    }

    @Override
    public Iterator<Module> iterator() {
        return children().iterator();
    }

    /** Refused, as in PyTorch: a ModuleList is a container; iterate it and call its modules. */
    @Override
    public Tensor forward(Tensor input) {
        throw new IllegalStateException("ModuleList has no forward(); iterate it and call its modules");
    }
}
