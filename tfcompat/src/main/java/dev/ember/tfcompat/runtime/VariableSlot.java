package dev.ember.tfcompat.runtime;

import dev.ember.engine.Tensor;
import dev.ember.tfcompat.exceptions.TFFailedPreconditionException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/** A variable's storage in a session: its value (null until initialised), type and declared shape. */
public final class VariableSlot {
    private final String name;
    private final DataType dtype;
    private final Shape shape;
    private Tensor value;
    private long version;

    public VariableSlot(String name, DataType dtype, Shape shape) {
        this.name = name;
        this.dtype = dtype;
        this.shape = shape;
    }

    public String name() {
        return name;
    }

    public DataType dtype() {
        return dtype;
    }

    public Shape shape() {
        return shape;
    }

    /** {@code true} once assigned. */
    public boolean isInitialized() {
        return value != null;
    }

    /** The current value; fails like TF for an uninitialised variable. */
    public Tensor read() {
        if (value == null) {
            throw new TFFailedPreconditionException("Attempting to use uninitialized value " + name
                    + " (run its initializer first: session.initialize() or the variable's Assign)");
        }
        return value;
    }

    /** Replaces the value (a new tensor: tensors already read keep their values). */
    public void assign(Tensor newValue) {
        this.value = newValue;
        version++;
    }

    /** Drops the value ({@code DestroyResourceOp}): the variable reads as uninitialised until assigned again. */
    public void reset() {
        this.value = null;
        version++;
    }

    /** Counts assignments, so per-run caches of the value can tell it changed. */
    public long version() {
        return version;
    }
}
