package dev.ember.tfcompat.runtime;

import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import java.util.Map;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/** Typed reads of a node's attributes, with defaults; errors name the node and the attribute. */
public class Attrs {
    private final String node;
    private final String type;
    private final Map<String, Object> attrs;

    protected Attrs(String node, String type, Map<String, Object> attrs) {
        this.node = node;
        this.type = type;
        this.attrs = attrs;
    }

    /** The node's name. */
    public String nodeName() {
        return node;
    }

    /** The node's TF op type. */
    public String opType() {
        return type;
    }

    /** The names of the attributes set on the node. */
    public java.util.Set<String> attrNames() {
        return java.util.Collections.unmodifiableSet(attrs.keySet());
    }

    public boolean hasAttr(String name) {
        return attrs.containsKey(name);
    }

    private Object required(String name) {
        Object v = attrs.get(name);
        if (v == null) {
            throw new TFInvalidArgumentException("NodeDef '" + node + "' (" + type + ") is missing attr '" + name + "'");
        }
        return v;
    }

    public long attrLong(String name) {
        return ((Number) required(name)).longValue();
    }

    public long attrLong(String name, long fallback) {
        Object v = attrs.get(name);
        return v == null ? fallback : ((Number) v).longValue();
    }

    public float attrFloat(String name, float fallback) {
        Object v = attrs.get(name);
        return v == null ? fallback : ((Number) v).floatValue();
    }

    public boolean attrBool(String name, boolean fallback) {
        Object v = attrs.get(name);
        return v == null ? fallback : (Boolean) v;
    }

    public String attrString(String name, String fallback) {
        Object v = attrs.get(name);
        if (v == null) {
            return fallback;
        }
        return v instanceof byte[] ? new String((byte[]) v, java.nio.charset.StandardCharsets.UTF_8) : (String) v;
    }

    public long[] attrLongs(String name, long[] fallback) {
        Object v = attrs.get(name);
        return v == null ? fallback : ((long[]) v).clone();
    }

    public long[] attrLongs(String name) {
        return ((long[]) required(name)).clone();
    }

    public DataType attrType(String name) {
        return (DataType) required(name);
    }

    public DataType attrType(String name, DataType fallback) {
        Object v = attrs.get(name);
        return v == null ? fallback : (DataType) v;
    }

    public Shape attrShape(String name, Shape fallback) {
        Object v = attrs.get(name);
        return v == null ? fallback : (Shape) v;
    }

    public Object attr(String name) {
        return attrs.get(name);
    }

    /** An error about this node: {@code Node 'name' (Type): message}. */
    public TFInvalidArgumentException invalid(String message) {
        return new TFInvalidArgumentException("node '" + node + "' (" + type + "): " + message);
    }
}
