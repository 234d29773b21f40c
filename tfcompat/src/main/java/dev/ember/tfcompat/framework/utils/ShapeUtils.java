package dev.ember.tfcompat.framework.utils;

import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.GraphOperation;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Result;
import dev.ember.tfcompat.Session;
import dev.ember.tfcompat.Tensor;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.family.TIntegral;
import org.tensorflow.ndarray.Shape;

/**
 * Reads the values of a dimensions operand while building; mirrors
 * {@code org.tensorflow.framework.utils.ShapeUtils}: a constant is read directly, anything else is
 * evaluated by running the graph once (so it must not need feeds).
 */
public class ShapeUtils {
    /** The shape whose dimensions are {@code dims}' values. */
    public static <T extends TIntegral> Shape toShape(Scope scope, Operand<T> dims) {
        return Shape.of(getLongArray(scope, dims));
    }

    /** {@code dims}' values as ints. */
    public static int[] getIntArray(Scope scope, Operand<TInt32> dims) {
        long[] v = getLongArray(scope, dims);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    /** {@code dims}' values. */
    public static <T extends TIntegral> long[] getLongArray(Scope scope, Operand<T> dims) {
        if (scope.env().isEager()) {
            return getLongArray(dims.asTensor());
        }
        GraphOperation op = (GraphOperation) dims.op();
        if (op.type().equals("Const") && op.attrMap().get("value") instanceof Tensor) {
            return TypeInfo.toEngine((Tensor) op.attrMap().get("value")).toLongArray();
        }
        try (Session session = new Session((Graph) scope.env());
             Result r = session.runner().fetch(dims).run()) {
            return TypeInfo.toEngine(r.get(0)).toLongArray();
        }
    }

    /** The values of an integer tensor. */
    public static <T extends TIntegral> long[] getLongArray(T dims) {
        return TypeInfo.toEngine(dims).toLongArray();
    }
}
