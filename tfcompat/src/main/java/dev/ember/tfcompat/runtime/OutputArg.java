package dev.ember.tfcompat.runtime;

import java.util.List;

/**
 * One named output argument of a TF op (an {@code output_arg} of its {@code OpDef}) and how many of
 * the node's outputs it spans: {@code z} of {@code Add} spans 1, {@code tensors} of {@code RestoreV2}
 * spans one per restored tensor. FunctionDef bodies name outputs {@code node:arg:index}, so function
 * execution needs these names; {@link Kernel#outputArgs} declares them.
 */
public record OutputArg(String name, int count) {
    public OutputArg {
        if (name == null || name.isEmpty() || count < 0) {
            throw new IllegalArgumentException("output arg needs a name and a count >= 0, got " + name + "/" + count);
        }
    }

    @Override
    public String toString() {
        return count == 1 ? name : name + "[" + count + "]";
    }

    /** The flat output index of {@code arg:index} in a node with these output args, or -1 when there is none. */
    public static int flatIndex(List<OutputArg> args, String arg, int index) {
        int base = 0;
        for (OutputArg a : args) {
            if (a.name.equals(arg)) {
                return index >= 0 && index < a.count ? base + index : -1;
            }
            base += a.count;
        }
        return -1;
    }

    /** The first output and the count of arg {@code arg}, or {@code null} when there is no such arg. */
    public static int[] range(List<OutputArg> args, String arg) {
        int base = 0;
        for (OutputArg a : args) {
            if (a.name.equals(arg)) {
                return new int[] {base, a.count};
            }
            base += a.count;
        }
        return null;
    }
}
