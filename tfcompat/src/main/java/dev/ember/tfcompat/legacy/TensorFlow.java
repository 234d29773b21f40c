package dev.ember.tfcompat.legacy;

import dev.ember.tfcompat.runtime.OpRegistry;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.OpList;

/** Static information about the runtime; mirrors libtensorflow 1.15's {@code org.tensorflow.TensorFlow}. */
public final class TensorFlow {
    private TensorFlow() {
    }

    /** The TF 1.x Java API level mirrored here ({@code "1.15.0"}); the graphs run on Ember's engine. */
    public static String version() {
        return "1.15.0";
    }

    /** A serialized {@code OpList} of the op types tfcompat runs (names only: tfcompat has no OpDefs). */
    public static byte[] registeredOpList() {
        OpList.Builder b = OpList.newBuilder();
        for (String type : OpRegistry.types()) {
            b.addOp(OpDef.newBuilder().setName(type));
        }
        return b.build().toByteArray();
    }

    /** Custom op libraries are native TF code; the engine cannot load them. */
    public static byte[] loadLibrary(String filename) {
        throw new UnsupportedOperationException("TensorFlow.loadLibrary(\"" + filename + "\"): custom op libraries are "
                + "native TensorFlow code, which Ember's tfcompat cannot load");
    }
}
