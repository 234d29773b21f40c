package dev.ember.tfcompat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * The named inputs and outputs of a callable graph (a SavedModel's {@code SignatureDef});
 * mirrors {@code org.tensorflow.Signature}. Tensors are named {@code "op:index"} in the graph.
 */
public class Signature {
    /** The key of the default signature, {@code "serving_default"}. */
    public static final String DEFAULT_KEY = "serving_default";

    private final String key;
    private final SignatureDef signatureDef;
    private Map<String, TensorDescription> inputs;
    private Map<String, TensorDescription> outputs;

    Signature(String key, SignatureDef signatureDef) {
        this.key = key;
        this.signatureDef = signatureDef;
    }

    /** A builder with the default key; mirrors {@code Signature.builder()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder with key {@code key}. */
    public static Builder builder(String key) {
        return new Builder().key(key);
    }

    /** The signature's key (e.g. {@code serving_default}). */
    public String key() {
        return key;
    }

    /** The method name (e.g. {@code tensorflow/serving/predict}), or {@code null} when none. */
    public String methodName() {
        return signatureDef.getMethodName().isEmpty() ? null : signatureDef.getMethodName();
    }

    /** Input names, in order. */
    public Set<String> inputNames() {
        return getInputs().keySet();
    }

    /** Output names, in order. */
    public Set<String> outputNames() {
        return getOutputs().keySet();
    }

    /** Inputs by name: type, shape and graph tensor name. */
    public Map<String, TensorDescription> getInputs() {
        if (inputs == null) {
            inputs = describe(signatureDef.getInputsMap());
        }
        return inputs;
    }

    /** Outputs by name: type, shape and graph tensor name. */
    public Map<String, TensorDescription> getOutputs() {
        if (outputs == null) {
            outputs = describe(signatureDef.getOutputsMap());
        }
        return outputs;
    }

    /** Engine internal: the {@code SignatureDef} proto. */
    public SignatureDef asSignatureDef() {
        return signatureDef;
    }

    private static Map<String, TensorDescription> describe(Map<String, TensorInfo> infos) {
        Map<String, TensorDescription> out = new LinkedHashMap<>();
        infos.forEach((name, info) -> {
            TensorShapeProto s = info.getTensorShape();
            Shape shape = s.getUnknownRank() ? Shape.unknown()
                    : Shape.of(s.getDimList().stream().mapToLong(TensorShapeProto.Dim::getSize).toArray());
            out.put(name, new TensorDescription(info.getDtype(), shape, info.getName()));
        });
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Signature for \"" + key + "\":\n");
        if (methodName() != null) {
            sb.append("\tMethod: \"").append(methodName()).append("\"\n");
        }
        append(sb, "Inputs", getInputs());
        append(sb, "Outputs", getOutputs());
        return sb.toString();
    }

    private static void append(StringBuilder sb, String title, Map<String, TensorDescription> tensors) {
        if (tensors.isEmpty()) {
            return;
        }
        sb.append('\t').append(title).append(":\n");
        tensors.forEach((name, t) -> {
            sb.append("\t\t\"").append(name).append("\": dtype=").append(t.dataType.name()).append(", shape=(");
            for (int i = 0; i < t.shape.numDimensions(); i++) {
                sb.append(i == 0 ? "" : ", ").append(t.shape.size(i));
            }
            sb.append(")\n");
        });
    }

    /** One input or output: type, shape and the graph tensor ({@code "op:index"}); mirrors {@code Signature.TensorDescription}. */
    public static class TensorDescription {
        /** The graph tensor, {@code "op:index"}. */
        public final String name;
        /** The element type. */
        public final DataType dataType;
        /** The static shape. */
        public final Shape shape;

        public TensorDescription(DataType dataType, Shape shape, String name) {
            this.dataType = dataType;
            this.shape = shape;
            this.name = name;
        }
    }

    /** Builds a {@link Signature}; mirrors {@code Signature.Builder}. */
    public static class Builder {
        private String key = DEFAULT_KEY;
        private final SignatureDef.Builder def = SignatureDef.newBuilder();

        public Builder() {
        }

        /** The signature's key; not empty. */
        public Builder key(String key) {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("Invalid key: " + key);
            }
            this.key = key;
            return this;
        }

        /** Maps input {@code inputName} to {@code input}; each name once. */
        public Builder input(String inputName, Operand<?> input) {
            if (def.containsInputs(inputName)) {
                throw new IllegalArgumentException("\"" + inputName + "\" is already being mapped to another input");
            }
            def.putInputs(inputName, info(input.asOutput()));
            return this;
        }

        /** Maps output {@code outputName} to {@code output}; each name once. */
        public Builder output(String outputName, Operand<?> output) {
            if (def.containsOutputs(outputName)) {
                throw new IllegalArgumentException("\"" + outputName + "\" is already being mapped to another output");
            }
            def.putOutputs(outputName, info(output.asOutput()));
            return this;
        }

        /** The method name ({@code null} for none). */
        public Builder methodName(String methodName) {
            def.setMethodName(methodName == null ? "" : methodName);
            return this;
        }

        public Signature build() {
            return new Signature(key, def.build());
        }

        private static TensorInfo info(Output<?> o) {
            TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
            Shape shape = o.shape();
            if (shape.isUnknown()) {
                s.setUnknownRank(true);
            } else {
                for (int i = 0; i < shape.numDimensions(); i++) {
                    s.addDim(TensorShapeProto.Dim.newBuilder().setSize(shape.size(i)));
                }
            }
            return TensorInfo.newBuilder().setDtype(o.dataType()).setTensorShape(s)
                    .setName(o.op().name() + ":" + o.index()).build();
        }
    }
}
