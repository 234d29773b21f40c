package dev.ember.tfcompat.testing;

import com.google.protobuf.ByteString;
import java.util.List;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.NameAttrList;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/** Small builders for GraphDef / FunctionDef protos in tests (what Python TF would have written). */
public final class Protos {
    private Protos() {
    }

    public static NodeDef.Builder node(String name, String op, String... inputs) {
        return NodeDef.newBuilder().setName(name).setOp(op).addAllInput(List.of(inputs));
    }

    public static NodeDef placeholder(String name, DataType t) {
        return node(name, "Placeholder").putAttr("dtype", type(t)).build();
    }

    public static NodeDef.Builder constant(String name, float... v) {
        TensorProto.Builder b = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
                .setTensorShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(v.length)));
        for (float x : v) {
            b.addFloatVal(x);
        }
        return node(name, "Const").putAttr("dtype", type(DataType.DT_FLOAT))
                .putAttr("value", AttrValue.newBuilder().setTensor(b).build());
    }

    public static NodeDef.Builder scalar(String name, float v) {
        TensorProto.Builder b = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
                .setTensorShape(TensorShapeProto.getDefaultInstance()).addFloatVal(v);
        return node(name, "Const").putAttr("dtype", type(DataType.DT_FLOAT))
                .putAttr("value", AttrValue.newBuilder().setTensor(b).build());
    }

    public static AttrValue type(DataType t) {
        return AttrValue.newBuilder().setType(t).build();
    }

    public static AttrValue types(DataType... t) {
        return AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder().addAllType(List.of(t))).build();
    }

    public static AttrValue string(String s) {
        return AttrValue.newBuilder().setS(ByteString.copyFromUtf8(s)).build();
    }

    public static AttrValue placeholderAttr(String name) {
        return AttrValue.newBuilder().setPlaceholder(name).build();
    }

    public static AttrValue func(String name) {
        return AttrValue.newBuilder().setFunc(NameAttrList.newBuilder().setName(name)).build();
    }

    public static AttrValue func(String name, String attr, AttrValue value) {
        return AttrValue.newBuilder().setFunc(NameAttrList.newBuilder().setName(name).putAttr(attr, value)).build();
    }

    /** A signature with float inputs and outputs unless given as {@code name:type} pairs via {@link #arg}. */
    public static OpDef.Builder signature(String name) {
        return OpDef.newBuilder().setName(name);
    }

    public static OpDef.ArgDef arg(String name, DataType t) {
        return OpDef.ArgDef.newBuilder().setName(name).setType(t).build();
    }

    public static OpDef.ArgDef typeAttrArg(String name, String typeAttr) {
        return OpDef.ArgDef.newBuilder().setName(name).setTypeAttr(typeAttr).build();
    }

    public static FunctionDef.Builder function(OpDef.Builder signature) {
        return FunctionDef.newBuilder().setSignature(signature);
    }
}
