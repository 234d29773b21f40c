package dev.ember.tfcompat.types;

import dev.ember.tfcompat.internal.types.TStringImpl;
import dev.ember.tfcompat.types.family.TType;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.Shape;

/** A tensor of strings; mirrors {@code org.tensorflow.types.TString} (UTF-8 text). */
public interface TString extends NdArray<String>, TType {

    static TString scalarOf(String value) {
        return new TStringImpl(new String[] {value}, Shape.scalar());
    }

    static TString vectorOf(String... values) {
        return new TStringImpl(values.clone(), Shape.of(values.length));
    }

    static TString tensorOf(NdArray<String> src) {
        TString t = tensorOf(src.shape());
        src.copyTo(t);
        return t;
    }

    static TString tensorOf(Shape shape) {
        String[] v = new String[Math.toIntExact(shape.size())];
        java.util.Arrays.fill(v, "");
        return new TStringImpl(v, shape);
    }
}
