package dev.ember.tfcompat.runtime;

import dev.ember.tfcompat.exceptions.TFUnimplementedException;
import dev.ember.tfcompat.runtime.kernels.ArrayKernels;
import dev.ember.tfcompat.runtime.kernels.CompareKernels;
import dev.ember.tfcompat.runtime.kernels.CoreKernels;
import dev.ember.tfcompat.runtime.kernels.FunctionKernels;
import dev.ember.tfcompat.runtime.kernels.GatherKernels;
import dev.ember.tfcompat.runtime.kernels.IoKernels;
import dev.ember.tfcompat.runtime.kernels.LinalgKernels;
import dev.ember.tfcompat.runtime.kernels.MathKernels;
import dev.ember.tfcompat.runtime.kernels.NnKernels;
import dev.ember.tfcompat.runtime.kernels.RandomKernels;
import dev.ember.tfcompat.runtime.kernels.ReductionKernels;
import dev.ember.tfcompat.runtime.kernels.ResourceKernels;
import dev.ember.tfcompat.runtime.kernels.ShapeKernels;
import dev.ember.tfcompat.runtime.kernels.SliceKernels;
import dev.ember.tfcompat.runtime.kernels.StateKernels;
import dev.ember.tfcompat.runtime.kernels.TrainKernels;
import dev.ember.tfcompat.runtime.kernels.UnaryKernels;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one registry of TF op types tfcompat runs, keyed by TF's op type name ({@code MatMul},
 * {@code Conv2D}, {@code ApplyAdam}). Every {@code Ops} method and every imported GraphDef node
 * resolves here; {@link #types()} is the list the parity suite checks against real TF.
 * Families register in {@code runtime.kernels}, one class per family.
 */
public final class OpRegistry {
    private static final Map<String, Kernel> KERNELS = new TreeMap<>();

    static {
        CoreKernels.register();
        StateKernels.register();
        MathKernels.register();
        UnaryKernels.register();
        CompareKernels.register();
        ReductionKernels.register();
        LinalgKernels.register();
        ArrayKernels.register();
        ShapeKernels.register();
        SliceKernels.register();
        GatherKernels.register();
        NnKernels.register();
        TrainKernels.register();
        RandomKernels.register();
        FunctionKernels.register();
        ResourceKernels.register();
        IoKernels.register();
    }

    private OpRegistry() {
    }

    /** Registers {@code kernel} as the implementation of TF op {@code type}; each type once. */
    public static void register(String type, Kernel kernel) {
        if (KERNELS.put(type, kernel) != null) {
            throw new IllegalStateException("op type " + type + " registered twice");
        }
    }

    /** The kernel of {@code type}, or {@code null}. */
    public static Kernel get(String type) {
        return KERNELS.get(type);
    }

    /** The kernel of {@code type}; an unimplemented type is an error naming it and the node. */
    public static Kernel require(String type, String node) {
        Kernel k = KERNELS.get(type);
        if (k == null) {
            throw new TFUnimplementedException("Op type not supported by Ember's tfcompat: " + type + " (node '" + node
                    + "'). Supported types: ember.tfcompat.runtime.OpRegistry.types()");
        }
        return k;
    }

    /** Every supported TF op type, sorted. */
    public static SortedSet<String> types() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(KERNELS.keySet()));
    }
}
