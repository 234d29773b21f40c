package dev.ember.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PyTorch's default_collate rules. */
class CollateTest {

    @Test
    void stacksTensorsAlongANewFirstDimension() {
        Tensor a = Tensor.fromArray(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor b = Tensor.fromArray(new float[] {5, 6, 7, 8}, 2, 2).permute(1, 0);
        Tensor s = (Tensor) Collate.defaultCollate(List.of(a, b));
        assertThat(s.shape()).containsExactly(2, 2, 2);
        assertThat(s.toFloatArray()).containsExactly(1, 2, 3, 4, 5, 7, 6, 8);
        Tensor scalars = Collate.stack(List.of(Tensor.scalar(3L), Tensor.scalar(4L)));
        assertThat(scalars.shape()).containsExactly(2);
        assertThat(scalars.dtype()).isEqualTo(DType.INT64);
    }

    @Test
    void collatesTensorArraysMapsListsAndNumbersFieldWise() {
        Tensor[] s0 = {Tensor.fromArray(new float[] {1, 2}, 2), Tensor.scalar(0L)};
        Tensor[] s1 = {Tensor.fromArray(new float[] {3, 4}, 2), Tensor.scalar(1L)};
        Tensor[] batch = (Tensor[]) Collate.defaultCollate(List.of(s0, s1));
        assertThat(batch[0].shape()).containsExactly(2, 2);
        assertThat(batch[1].toLongArray()).containsExactly(0, 1);

        Map<String, Object> m0 = new LinkedHashMap<>();
        m0.put("x", Tensor.fromArray(new double[] {1}, 1));
        m0.put("label", 3);
        m0.put("w", 0.5);
        m0.put("ok", true);
        m0.put("name", "a");
        Map<String, Object> m1 = Map.of("x", Tensor.fromArray(new double[] {2}, 1), "label", 4L, "w", 1.5f,
                "ok", false, "name", "b");
        @SuppressWarnings("unchecked")
        Map<String, Object> mb = (Map<String, Object>) Collate.defaultCollate(List.of(m0, m1));
        assertThat(mb.keySet()).containsExactly("x", "label", "w", "ok", "name");
        assertThat(((Tensor) mb.get("label")).dtype()).isEqualTo(DType.INT64);
        assertThat(((Tensor) mb.get("label")).toLongArray()).containsExactly(3, 4);
        assertThat(((Tensor) mb.get("w")).dtype()).isEqualTo(DType.FLOAT64);
        assertThat(((Tensor) mb.get("ok")).dtype()).isEqualTo(DType.BOOL);
        assertThat(mb.get("name")).isEqualTo(List.of("a", "b"));

        @SuppressWarnings("unchecked")
        List<Object> lb = (List<Object>) Collate.defaultCollate(List.of(List.of(1, 2.0), List.of(3, 4.0)));
        assertThat(((Tensor) lb.get(0)).toLongArray()).containsExactly(1, 3);
        assertThat(((Tensor) lb.get(1)).toDoubleArray()).containsExactly(2, 4);
    }

    @Test
    void raggedOrMixedSamplesAreClearErrors() {
        assertThatThrownBy(() -> Collate.defaultCollate(List.of(Tensor.zeros(2), Tensor.zeros(3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("defaultCollate: stack expects each tensor to be equal size and dtype, but sample 0 is "
                        + "float32[2] and sample 1 is float32[3]");
        assertThatThrownBy(() -> Collate.defaultCollate(List.of(Tensor.zeros(2), Tensor.zeros(DType.INT64, 2))))
                .hasMessageContaining("sample 1 is int64[2]");
        assertThatThrownBy(() -> Collate.defaultCollate(List.of(new Tensor[] {Tensor.zeros(1)},
                new Tensor[] {Tensor.zeros(1), Tensor.zeros(1)}))).hasMessageContaining("sample 1 has 2");
        assertThatThrownBy(() -> Collate.defaultCollate(List.of(new Tensor[] {Tensor.zeros(1), Tensor.zeros(2)},
                new Tensor[] {Tensor.zeros(1), Tensor.zeros(3)}))).hasMessageStartingWith("field 1: ");
        assertThatThrownBy(() -> Collate.defaultCollate(List.of(Tensor.zeros(1), 3)))
                .hasMessage("defaultCollate: sample 1 is Integer but sample 0 is Tensor; a batch needs samples of one type");
        assertThatThrownBy(() -> Collate.defaultCollate(List.of(new Object())))
                .hasMessageContaining("samples of type Object cannot be batched");
        assertThatThrownBy(() -> Collate.defaultCollate(List.of())).hasMessage("defaultCollate: needs at least one sample");
    }
}
