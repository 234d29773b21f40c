package dev.ember.tfcompat;

import java.util.Map;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/** Typed reads of an operation's attributes; mirrors {@code org.tensorflow.OperationAttributeInspector}. */
public final class OperationAttributeInspector {
    private final GraphOperation op;
    private final Map<String, Object> attrs;

    OperationAttributeInspector(GraphOperation op, Map<String, Object> attrs) {
        this.op = op;
        this.attrs = attrs;
    }

    private <T> T get(String name, Class<T> type) {
        Object v = attrs.get(name);
        if (v == null) {
            throw new IllegalArgumentException("Operation '" + op.name() + "' (" + op.type() + ") has no attribute '"
                    + name + "' (has: " + attrs.keySet() + ")");
        }
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("Attribute '" + name + "' of '" + op.name() + "' is a "
                    + v.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(v);
    }

    public boolean has(String name) {
        return attrs.containsKey(name);
    }

    public String getAttrString(String name) {
        return get(name, String.class);
    }

    public long getAttrInt(String name) {
        return get(name, Long.class);
    }

    public long[] getAttrIntList(String name) {
        return get(name, long[].class).clone();
    }

    public float getAttrFloat(String name) {
        return get(name, Float.class);
    }

    public boolean getAttrBool(String name) {
        return get(name, Boolean.class);
    }

    public DataType getAttrType(String name) {
        return get(name, DataType.class);
    }

    public Shape getAttrShape(String name) {
        return get(name, Shape.class);
    }

    public Tensor getAttrTensor(String name) {
        return get(name, Tensor.class);
    }
}
