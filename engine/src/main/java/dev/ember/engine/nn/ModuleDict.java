package dev.ember.engine.nn;

import dev.ember.engine.Tensor;
import java.util.Map;
import java.util.Set;

/** Modules by name, in insertion order; mirrors {@code torch.nn.ModuleDict}. It has no forward of its own. */
public class ModuleDict extends Module {

    public ModuleDict() {
    }

    public ModuleDict(Map<String, ? extends Module> modules) {
        modules.forEach(this::put);
    }

    /** Adds (or replaces) module {@code name}; mirrors {@code dict[name] = module}. */
    public ModuleDict put(String name, Module module) {
        if (namedChildren().containsKey(name)) {
            setModule(name, module);
        } else {
            registerModule(name, module);
        }
        return this;
    }

    /** The module named {@code name}. */
    public Module get(String name) {
        Module m = namedChildren().get(name);
        if (m == null) {
            throw new IllegalArgumentException("ModuleDict: no module named '" + name + "' (have "
                    + namedChildren().keySet() + ")");
        }
        return m;
    }

    public Set<String> keys() {
        return namedChildren().keySet();
    }

    public int size() {
        return namedChildren().size();
    }

    /** Refused, as in PyTorch: a ModuleDict is a container. */
    @Override
    public Tensor forward(Tensor input) {
        throw new IllegalStateException("ModuleDict has no forward(); call its modules by name");
    }
}
