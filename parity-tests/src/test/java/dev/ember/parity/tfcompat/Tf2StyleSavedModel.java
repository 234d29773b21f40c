package dev.ember.parity.tfcompat;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.FunctionDefLibrary;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NameAttrList;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SaverDef;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.proto.VersionDef;

/**
 * The shape of a SavedModel written by Python TF2 ({@code tf.saved_model.save} of a Keras Dense
 * layer), built here as protobufs because Python TF is not available: resource variables
 * ({@code VarHandleOp}) captured by functions as resource arguments; the signature is a
 * {@code StatefulPartitionedCall} of a wrapper function that calls the layer function (a call inside
 * a function); saving and restoring are functions too ({@code __inference__traced_save},
 * {@code __inference__traced_restore} with {@code RestoreV2} + {@code AssignVariableOp}), named by the
 * SaverDef; checkpoint keys are object-graph paths; the init op is the {@code __saved_model_init_op}
 * signature. What it lacks against a real Python export: the save function writes one shard directly
 * (Python's writes a temporary shard and merges it, which needs Pack/Select), and there is no
 * {@code _CHECKPOINTABLE_OBJECT_GRAPH} entry nor an object graph in the MetaGraphDef.
 */
final class Tf2StyleSavedModel {
    static final String KERNEL_KEY = "layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE";
    static final String BIAS_KEY = "layer_with_weights-0/bias/.ATTRIBUTES/VARIABLE_VALUE";
    static final float[] KERNEL = {0.5f, -1, 2, 0.25f, -0.75f, 1.5f};
    static final float[] BIAS = {0.1f, -0.2f};

    private Tf2StyleSavedModel() {
    }

    static MetaGraphDef metaGraph() {
        GraphDef graph = GraphDef.newBuilder()
                .setVersions(VersionDef.newBuilder().setProducer(1994).setMinConsumer(12))
                .addNode(placeholder("serving_default_x", DataType.DT_FLOAT, shape(-1, 3)))
                .addNode(placeholder("saver_filename", DataType.DT_STRING, shape()))
                .addNode(varHandle("dense/kernel", shape(3, 2)))
                .addNode(varHandle("dense/bias", shape(2)))
                .addNode(call("StatefulPartitionedCall", "__inference_signature_wrapper_100", DataType.DT_FLOAT,
                        DataType.DT_FLOAT, "serving_default_x"))
                .addNode(call("StatefulPartitionedCall_1", "__inference__traced_save_200", DataType.DT_STRING,
                        DataType.DT_STRING, "saver_filename"))
                .addNode(call("StatefulPartitionedCall_2", "__inference__traced_restore_300", DataType.DT_STRING,
                        DataType.DT_STRING, "saver_filename"))
                .addNode(node("NoOp", "NoOp"))
                // initial values, used to write the checkpoint (a SavedModel loader never runs them)
                .addNode(constant("kernel_value", tensor(shape(3, 2), KERNEL)))
                .addNode(constant("bias_value", tensor(shape(2), BIAS)))
                .addNode(node("init_kernel", "AssignVariableOp", "dense/kernel", "kernel_value").putAttr("dtype",
                        type(DataType.DT_FLOAT)))
                .addNode(node("init_bias", "AssignVariableOp", "dense/bias", "bias_value").putAttr("dtype",
                        type(DataType.DT_FLOAT)))
                .setLibrary(FunctionDefLibrary.newBuilder().addFunction(signatureWrapper()).addFunction(denseCall())
                        .addFunction(save()).addFunction(restore()))
                .build();
        SignatureDef serving = SignatureDef.newBuilder().setMethodName("tensorflow/serving/predict")
                .putInputs("x", info("serving_default_x:0", DataType.DT_FLOAT, shape(-1, 3)))
                .putOutputs("output_0", info("StatefulPartitionedCall:0", DataType.DT_FLOAT, shape(-1, 2))).build();
        SignatureDef init = SignatureDef.newBuilder()
                .putOutputs("__saved_model_init_op", TensorInfo.newBuilder().setName("NoOp").build()).build();
        return MetaGraphDef.newBuilder()
                .setMetaInfoDef(MetaGraphDef.MetaInfoDef.newBuilder().addTags("serve").setTensorflowVersion("2.x-like"))
                .setGraphDef(graph)
                .setSaverDef(SaverDef.newBuilder().setFilenameTensorName("saver_filename:0")
                        .setSaveTensorName("StatefulPartitionedCall_1:0").setRestoreOpName("StatefulPartitionedCall_2")
                        .setVersion(SaverDef.CheckpointFormatVersion.V2).setSharded(true))
                .putSignatureDef("serving_default", serving).putSignatureDef("__saved_model_init_op", init).build();
    }

    /** Writes {@code saved_model.pb} (the variables are written by running the save function). */
    static void writeProto(Path dir, MetaGraphDef meta) throws IOException {
        Files.createDirectories(dir.resolve("variables"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("saved_model.pb"))) {
            SavedModel.newBuilder().setSavedModelSchemaVersion(1).addMetaGraphs(meta).build().writeTo(out);
        }
    }

    // ---------------------------------------------------------------- functions

    private static FunctionDef signatureWrapper() {
        return FunctionDef.newBuilder()
                .setSignature(signature("__inference_signature_wrapper_100", List.of("x", "unknown", "unknown_0"),
                        List.of(DataType.DT_FLOAT, DataType.DT_RESOURCE, DataType.DT_RESOURCE), "identity"))
                .addNodeDef(node("StatefulPartitionedCall", "StatefulPartitionedCall", "x", "unknown", "unknown_0")
                        .putAttr("Tin", types(DataType.DT_FLOAT, DataType.DT_RESOURCE, DataType.DT_RESOURCE))
                        .putAttr("Tout", types(DataType.DT_FLOAT))
                        .putAttr("f", func("__inference_dense_call_50")))
                .addNodeDef(node("Identity", "Identity", "StatefulPartitionedCall:output:0", "^StatefulPartitionedCall")
                        .putAttr("T", type(DataType.DT_FLOAT)))
                .putRet("identity", "Identity:output:0").build();
    }

    private static FunctionDef denseCall() {
        return FunctionDef.newBuilder()
                .setSignature(signature("__inference_dense_call_50",
                        List.of("inputs", "matmul_readvariableop_resource", "add_readvariableop_resource"),
                        List.of(DataType.DT_FLOAT, DataType.DT_RESOURCE, DataType.DT_RESOURCE), "identity"))
                .addNodeDef(node("MatMul/ReadVariableOp", "ReadVariableOp", "matmul_readvariableop_resource")
                        .putAttr("dtype", type(DataType.DT_FLOAT)))
                .addNodeDef(node("MatMul", "MatMul", "inputs", "MatMul/ReadVariableOp:value:0")
                        .putAttr("T", type(DataType.DT_FLOAT)))
                .addNodeDef(node("add/ReadVariableOp", "ReadVariableOp", "add_readvariableop_resource")
                        .putAttr("dtype", type(DataType.DT_FLOAT)))
                .addNodeDef(node("add", "AddV2", "MatMul:product:0", "add/ReadVariableOp:value:0")
                        .putAttr("T", type(DataType.DT_FLOAT)))
                .addNodeDef(node("Relu", "Relu", "add:z:0").putAttr("T", type(DataType.DT_FLOAT)))
                .addNodeDef(node("Identity", "Identity", "Relu:activations:0", "^MatMul/ReadVariableOp",
                        "^add/ReadVariableOp").putAttr("T", type(DataType.DT_FLOAT)))
                .putRet("identity", "Identity:output:0").build();
    }

    private static FunctionDef save() {
        return FunctionDef.newBuilder()
                .setSignature(signature("__inference__traced_save_200",
                        List.of("file_prefix", "savev2_kernel", "savev2_bias"),
                        List.of(DataType.DT_STRING, DataType.DT_RESOURCE, DataType.DT_RESOURCE), "identity_1"))
                .addNodeDef(constant("SaveV2/tensor_names", strings(KERNEL_KEY, BIAS_KEY)))
                .addNodeDef(constant("SaveV2/shape_and_slices", strings("", "")))
                .addNodeDef(node("Read/ReadVariableOp", "ReadVariableOp", "savev2_kernel")
                        .putAttr("dtype", type(DataType.DT_FLOAT)))
                .addNodeDef(node("Read_1/ReadVariableOp", "ReadVariableOp", "savev2_bias")
                        .putAttr("dtype", type(DataType.DT_FLOAT)))
                .addNodeDef(node("SaveV2", "SaveV2", "file_prefix", "SaveV2/tensor_names:output:0",
                        "SaveV2/shape_and_slices:output:0", "Read/ReadVariableOp:value:0", "Read_1/ReadVariableOp:value:0")
                        .putAttr("dtypes", types(DataType.DT_FLOAT, DataType.DT_FLOAT)))
                .addNodeDef(node("Identity", "Identity", "file_prefix", "^SaveV2").putAttr("T", type(DataType.DT_STRING)))
                .putRet("identity_1", "Identity:output:0").putControlRet("SaveV2", "SaveV2").build();
    }

    private static FunctionDef restore() {
        return FunctionDef.newBuilder()
                .setSignature(signature("__inference__traced_restore_300",
                        List.of("file_prefix", "assignvariableop_kernel", "assignvariableop_1_bias"),
                        List.of(DataType.DT_STRING, DataType.DT_RESOURCE, DataType.DT_RESOURCE), "identity_3"))
                .addNodeDef(constant("RestoreV2/tensor_names", strings(KERNEL_KEY, BIAS_KEY)))
                .addNodeDef(constant("RestoreV2/shape_and_slices", strings("", "")))
                .addNodeDef(node("RestoreV2", "RestoreV2", "file_prefix", "RestoreV2/tensor_names:output:0",
                        "RestoreV2/shape_and_slices:output:0").putAttr("dtypes", types(DataType.DT_FLOAT, DataType.DT_FLOAT)))
                .addNodeDef(node("Identity", "Identity", "RestoreV2:tensors:0").putAttr("T", type(DataType.DT_FLOAT)))
                .addNodeDef(node("AssignVariableOp", "AssignVariableOp", "assignvariableop_kernel", "Identity:output:0")
                        .putAttr("dtype", type(DataType.DT_FLOAT)))
                .addNodeDef(node("Identity_1", "Identity", "RestoreV2:tensors:1").putAttr("T", type(DataType.DT_FLOAT)))
                .addNodeDef(node("AssignVariableOp_1", "AssignVariableOp", "assignvariableop_1_bias", "Identity_1:output:0")
                        .putAttr("dtype", type(DataType.DT_FLOAT)))
                .addNodeDef(node("NoOp", "NoOp", "^AssignVariableOp", "^AssignVariableOp_1"))
                .addNodeDef(node("Identity_2", "Identity", "file_prefix", "^NoOp").putAttr("T", type(DataType.DT_STRING)))
                .putRet("identity_3", "Identity_2:output:0")
                .putControlRet("AssignVariableOp", "AssignVariableOp").putControlRet("AssignVariableOp_1", "AssignVariableOp_1")
                .build();
    }

    // ---------------------------------------------------------------- proto helpers

    private static OpDef signature(String name, List<String> inputs, List<DataType> types, String output) {
        OpDef.Builder b = OpDef.newBuilder().setName(name).setIsStateful(true);
        for (int i = 0; i < inputs.size(); i++) {
            b.addInputArg(OpDef.ArgDef.newBuilder().setName(inputs.get(i)).setType(types.get(i)));
        }
        DataType out = name.contains("traced") ? DataType.DT_STRING : DataType.DT_FLOAT;
        return b.addOutputArg(OpDef.ArgDef.newBuilder().setName(output).setType(out)).build();
    }

    private static NodeDef.Builder node(String name, String op, String... inputs) {
        return NodeDef.newBuilder().setName(name).setOp(op).addAllInput(List.of(inputs));
    }

    private static NodeDef placeholder(String name, DataType t, TensorShapeProto s) {
        return node(name, "Placeholder").putAttr("dtype", type(t)).putAttr("shape", AttrValue.newBuilder().setShape(s).build())
                .build();
    }

    private static NodeDef varHandle(String name, TensorShapeProto s) {
        return node(name, "VarHandleOp").putAttr("dtype", type(DataType.DT_FLOAT))
                .putAttr("shape", AttrValue.newBuilder().setShape(s).build())
                .putAttr("shared_name", AttrValue.newBuilder().setS(ByteString.copyFromUtf8(name)).build())
                .putAttr("container", AttrValue.newBuilder().setS(ByteString.EMPTY).build()).build();
    }

    private static NodeDef call(String name, String f, DataType in, DataType out, String input) {
        return node(name, "StatefulPartitionedCall", input, "dense/kernel", "dense/bias")
                .putAttr("Tin", types(in, DataType.DT_RESOURCE, DataType.DT_RESOURCE)).putAttr("Tout", types(out))
                .putAttr("f", func(f)).build();
    }

    private static NodeDef.Builder constant(String name, TensorProto value) {
        return node(name, "Const").putAttr("dtype", type(value.getDtype()))
                .putAttr("value", AttrValue.newBuilder().setTensor(value).build());
    }

    private static AttrValue type(DataType t) {
        return AttrValue.newBuilder().setType(t).build();
    }

    private static AttrValue types(DataType... t) {
        return AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder().addAllType(List.of(t))).build();
    }

    private static AttrValue func(String name) {
        return AttrValue.newBuilder().setFunc(NameAttrList.newBuilder().setName(name)).build();
    }

    static TensorShapeProto shape(long... dims) {
        TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
        for (long d : dims) {
            b.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        }
        return b.build();
    }

    private static TensorInfo info(String name, DataType t, TensorShapeProto s) {
        return TensorInfo.newBuilder().setName(name).setDtype(t).setTensorShape(s).build();
    }

    private static TensorProto tensor(TensorShapeProto s, float... v) {
        TensorProto.Builder b = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(s);
        for (float x : v) {
            b.addFloatVal(x);
        }
        return b.build();
    }

    private static TensorProto strings(String... v) {
        TensorProto.Builder b = TensorProto.newBuilder().setDtype(DataType.DT_STRING).setTensorShape(shape(v.length));
        for (String s : v) {
            b.addStringVal(ByteString.copyFromUtf8(s));
        }
        return b.build();
    }
}
