package dev.ember.migrate.graph;

import dev.ember.migrate.graph.GraphConverter.Unsupported;
import java.util.List;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/** Typed reads of NodeDef attributes with TF's defaults. */
final class Attrs {
    private Attrs() {
    }

    static boolean bool(NodeDef n, String key, boolean fallback) {
        AttrValue a = n.getAttrMap().get(key);
        return a == null ? fallback : a.getB();
    }

    static String string(NodeDef n, String key, String fallback) {
        AttrValue a = n.getAttrMap().get(key);
        return a == null ? fallback : a.getS().toStringUtf8();
    }

    static float real(NodeDef n, String key, float fallback) {
        AttrValue a = n.getAttrMap().get(key);
        return a == null ? fallback : a.getF();
    }

    static List<Long> ints(NodeDef n, String key) {
        AttrValue a = n.getAttrMap().get(key);
        return a == null ? List.of() : a.getList().getIList();
    }

    /** The H and W entries of an NHWC 4-vector attribute ({@code [1, h, w, 1]}). */
    static int[] hw(NodeDef n, String key, String what) {
        return hw(ints(n, key).stream().mapToLong(Long::longValue).toArray(), what);
    }

    static int[] hw(long[] v, String what) {
        if (v.length != 4 || v[0] != 1 || v[3] != 1) {
            throw new Unsupported(what + " must be [1, h, w, 1] (NHWC), got " + java.util.Arrays.toString(v));
        }
        return new int[] {Math.toIntExact(v[1]), Math.toIntExact(v[2])};
    }
}
