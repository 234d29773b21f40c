package dev.ember.tfcompat.internal.graphdef;

import dev.ember.tfcompat.Tensor;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NameAttrList;

/**
 * {@code AttrValue} to the Java values graph nodes keep (Long, Float, Boolean, String, DataType,
 * Shape, Tensor, FunctionAttr and arrays of them) and back.
 */
public final class AttrValues {
    private AttrValues() {
    }

    public static Object toJava(AttrValue v) {
        switch (v.getValueCase()) {
            case S: return v.getS().toString(StandardCharsets.UTF_8);
            case I: return v.getI();
            case F: return v.getF();
            case B: return v.getB();
            case TYPE: return v.getType();
            case SHAPE: return TensorProtos.shape(v.getShape());
            case TENSOR: return TensorProtos.decode(v.getTensor());
            case FUNC: return function(v.getFunc());
            case PLACEHOLDER: return "$" + v.getPlaceholder();
            case LIST: return list(v.getList());
            default: return new long[0];
        }
    }

    private static FunctionAttr function(NameAttrList f) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        f.getAttrMap().forEach((k, a) -> attrs.put(k, toJava(a)));
        return new FunctionAttr(f.getName(), attrs);
    }

    private static Object list(AttrValue.ListValue l) {
        if (l.getSCount() > 0) {
            return l.getSList().stream().map(s -> s.toString(StandardCharsets.UTF_8)).toArray(String[]::new);
        }
        if (l.getICount() > 0) {
            return l.getIList().stream().mapToLong(Long::longValue).toArray();
        }
        if (l.getFCount() > 0) {
            float[] f = new float[l.getFCount()];
            for (int i = 0; i < f.length; i++) {
                f[i] = l.getF(i);
            }
            return f;
        }
        if (l.getBCount() > 0) {
            boolean[] b = new boolean[l.getBCount()];
            for (int i = 0; i < b.length; i++) {
                b[i] = l.getB(i);
            }
            return b;
        }
        if (l.getTypeCount() > 0) {
            return l.getTypeList().toArray(new DataType[0]);
        }
        if (l.getShapeCount() > 0) {
            return l.getShapeList().stream().map(TensorProtos::shape).toArray(Shape[]::new);
        }
        if (l.getTensorCount() > 0) {
            return l.getTensorList().stream().map(TensorProtos::decode).toArray(Tensor[]::new);
        }
        if (l.getFuncCount() > 0) {
            return l.getFuncList().stream().map(AttrValues::function).toArray(FunctionAttr[]::new);
        }
        return new long[0];
    }

    public static AttrValue fromJava(Object v) {
        AttrValue.Builder b = AttrValue.newBuilder();
        if (v instanceof String) {
            return b.setS(com.google.protobuf.ByteString.copyFromUtf8((String) v)).build();
        }
        if (v instanceof Long || v instanceof Integer) {
            return b.setI(((Number) v).longValue()).build();
        }
        if (v instanceof Float || v instanceof Double) {
            return b.setF(((Number) v).floatValue()).build();
        }
        if (v instanceof Boolean) {
            return b.setB((Boolean) v).build();
        }
        if (v instanceof DataType) {
            return b.setType((DataType) v).build();
        }
        if (v instanceof Shape) {
            return b.setShape(TensorProtos.shape((Shape) v)).build();
        }
        if (v instanceof Tensor) {
            return b.setTensor(TensorProtos.encode((Tensor) v)).build();
        }
        if (v instanceof FunctionAttr) {
            return b.setFunc(nameAttrList((FunctionAttr) v)).build();
        }
        AttrValue.ListValue.Builder l = AttrValue.ListValue.newBuilder();
        if (v instanceof String[]) {
            for (String s : (String[]) v) {
                l.addS(com.google.protobuf.ByteString.copyFromUtf8(s));
            }
        } else if (v instanceof long[]) {
            for (long x : (long[]) v) {
                l.addI(x);
            }
        } else if (v instanceof float[]) {
            for (float x : (float[]) v) {
                l.addF(x);
            }
        } else if (v instanceof boolean[]) {
            for (boolean x : (boolean[]) v) {
                l.addB(x);
            }
        } else if (v instanceof DataType[]) {
            for (DataType x : (DataType[]) v) {
                l.addType(x);
            }
        } else if (v instanceof Shape[]) {
            for (Shape x : (Shape[]) v) {
                l.addShape(TensorProtos.shape(x));
            }
        } else if (v instanceof Tensor[]) {
            for (Tensor x : (Tensor[]) v) {
                l.addTensor(TensorProtos.encode(x));
            }
        } else if (v instanceof FunctionAttr[]) {
            for (FunctionAttr x : (FunctionAttr[]) v) {
                l.addFunc(nameAttrList(x));
            }
        } else {
            throw new IllegalArgumentException("attribute value of type " + v.getClass().getSimpleName());
        }
        return b.setList(l).build();
    }

    private static NameAttrList nameAttrList(FunctionAttr f) {
        NameAttrList.Builder n = NameAttrList.newBuilder().setName(f.name());
        f.attrs().forEach((k, a) -> n.putAttr(k, fromJava(a)));
        return n.build();
    }
}
