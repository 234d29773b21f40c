package dev.ember.tfcompat.op;

import dev.ember.tfcompat.ExecutionEnvironment;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import java.util.ArrayList;
import java.util.List;

/** Naming, control dependencies and init-ness for the ops being built; mirrors {@code org.tensorflow.op.Scope}. */
public interface Scope {
    ExecutionEnvironment env();

    /** A child scope: op names get the prefix {@code name/}. */
    Scope withSubScope(String childScopeName);

    /** The next op gets exactly this name (made unique if taken). */
    Scope withName(String opName);

    /** The next op is named {@code opName} and ops of its sub-scope get that prefix. */
    Scope withNameAsSubScope(String defaultName);

    /** Records a device string (tfcompat runs everything on the engine's device). */
    Scope withDevice(String device);

    /** Ops built in this scope are initializers ({@code Session.initialize()} runs them). */
    Scope withInitScope();

    /** The full, unique name for an op whose default name is {@code defaultName}. */
    String makeOpName(String defaultName);

    /** {@code id} made unique among the environment's names. */
    String makeUnique(String id);

    /** Kept for API compatibility; names are unique per graph already. */
    default void refreshNames() {
    }

    /** Ops built in the returned scope depend on {@code controls}. */
    default Scope withControlDependencies(Iterable<Op> controls) {
        List<Operation> ops = new ArrayList<>();
        for (Op c : controls) {
            ops.add(c.op());
        }
        return withControlDependencyOps(ops);
    }

    /** Ops built in the returned scope depend on {@code controls}. */
    Scope withControlDependencyOps(Iterable<Operation> controls);

    /** The control dependencies ops of this scope receive. */
    List<Operation> controlDependencies();

    /** A builder for an op of {@code type} with default name {@code defaultName}. */
    default OperationBuilder opBuilder(String type, String defaultName) {
        return env().opBuilder(type, makeOpName(defaultName), this);
    }

    /** Applies device settings to a builder; mirrors {@code Scope.apply}. */
    OperationBuilder apply(OperationBuilder builder);

    /** The device string given with {@link #withDevice}. */
    String getDeviceString();

    /** {@code true} in an init scope. */
    boolean isInit();
}
