package dev.ember.tfcompat.runtime;

import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.internal.graphdef.AttrValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.proto.FunctionDef;

/**
 * A graph's function library ({@code GraphDef.library}): the {@code FunctionDef}s that call ops
 * ({@code PartitionedCall}, {@code If}, {@code While}, ...) run. Bodies are compiled on first call
 * into a private {@link dev.ember.tfcompat.Graph} per (function, attributes) and cached.
 */
public final class FunctionLibrary {
    private final Map<String, FunctionDef> defs = new LinkedHashMap<>();
    private final Map<String, FunctionBody> bodies = new HashMap<>();

    /** Adds {@code def}; the same name twice is accepted only for an identical definition (as TF does). */
    public synchronized void add(FunctionDef def) {
        String name = def.getSignature().getName();
        if (name.isEmpty()) {
            throw new TFInvalidArgumentException("a FunctionDef in the library has no signature name");
        }
        FunctionDef old = defs.get(name);
        if (old != null && !old.equals(def)) {
            throw new TFInvalidArgumentException("the function library already has a different function named '"
                    + name + "'");
        }
        defs.put(name, def);
    }

    /** {@code true} when a function named {@code name} is defined. */
    public synchronized boolean contains(String name) {
        return defs.containsKey(name);
    }

    /** The definition of {@code name}, or {@code null}. */
    public synchronized FunctionDef get(String name) {
        return defs.get(name);
    }

    /** The definition of {@code name}; an error naming the caller when it is missing. */
    public synchronized FunctionDef require(String name, String caller) {
        FunctionDef f = defs.get(name);
        if (f == null) {
            throw new TFInvalidArgumentException("node '" + caller + "' calls function '" + name
                    + "', which is not in the graph's function library" + (defs.isEmpty() ? " (the library is empty)"
                    : " (it has: " + String.join(", ", new java.util.TreeSet<>(defs.keySet())) + ")"));
        }
        return f;
    }

    /** All definitions, in the order they were added. */
    public synchronized List<FunctionDef> functions() {
        return new ArrayList<>(defs.values());
    }

    /** The compiled body of {@code name} instantiated with {@code attrs} (compiled once, then cached). */
    public FunctionBody body(String name, Map<String, Object> attrs, String caller) {
        String key = name + key(attrs);
        synchronized (this) {
            FunctionBody b = bodies.get(key);
            if (b != null) {
                return b;
            }
        }
        FunctionBody compiled = FunctionBody.compile(require(name, caller), attrs, this);
        synchronized (this) {
            return bodies.computeIfAbsent(key, k -> compiled);
        }
    }

    private static String key(Map<String, Object> attrs) {
        if (attrs == null || attrs.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(attrs).forEach((k, v) -> sb.append('|').append(k).append('=')
                .append(AttrValues.fromJava(v).toString().replace('\n', ' ')));
        return sb.toString();
    }
}
