package dev.ember.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** TensorDataset, Subset, ConcatDataset, randomSplit, map. */
class DatasetsTest {

    static Dataset<Integer> range(int n) {
        return new Dataset<>() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public Integer get(int index) {
                Indexes.check("range", index, n);
                return index;
            }
        };
    }

    @Test
    void tensorDatasetReturnsRowsOfEveryTensor() {
        Tensor x = Tensor.fromArray(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3, 2, 2);
        Tensor y = Tensor.fromArray(new long[] {7, 8, 9}, 3);
        Tensor m = Tensor.fromArray(new boolean[] {true, false, true}, 3);
        Tensor t = Tensor.fromArray(new double[] {1, 2, 3, 4, 5, 6}, 2, 3).permute(1, 0); // non-contiguous [3, 2]
        TensorDataset ds = new TensorDataset(x, y, m, t);
        assertThat(ds.size()).isEqualTo(3);
        Tensor[] s = ds.get(1);
        assertThat(s).hasSize(4);
        assertThat(s[0].shape()).containsExactly(2, 2);
        assertThat(s[0].toFloatArray()).containsExactly(4, 5, 6, 7);
        assertThat(s[1].dtype()).isEqualTo(DType.INT64);
        assertThat(s[1].shape()).isEmpty();
        assertThat(s[1].item()).isEqualTo(8);
        assertThat(s[2].dtype()).isEqualTo(DType.BOOL);
        assertThat(s[2].item()).isEqualTo(0);
        assertThat(s[3].toDoubleArray()).containsExactly(2, 5);
        assertThat(ds.gather(new int[] {2, 0})[3].toDoubleArray()).containsExactly(3, 6, 1, 4);
    }

    @Test
    void tensorDatasetErrors() {
        assertThatThrownBy(() -> new TensorDataset(Tensor.zeros(3, 2), Tensor.zeros(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TensorDataset: size mismatch between tensors: tensor 1 has shape [4], tensor 0 has [3, 2]"
                        + " (dimension 0 must match)");
        assertThatThrownBy(() -> new TensorDataset(Tensor.scalar(1f))).hasMessageContaining("0-d tensor");
        assertThatThrownBy(() -> new TensorDataset(Tensor.zeros(3)).get(3))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("TensorDataset: index 3 is out of range for size 3");
    }

    @Test
    void subsetAndConcat() {
        Subset<Integer> s = new Subset<>(range(10), new int[] {9, 3, 3});
        assertThat(List.of(s.get(0), s.get(1), s.get(2))).containsExactly(9, 3, 3);
        assertThatThrownBy(() -> new Subset<>(range(3), new int[] {0, 3}))
                .hasMessage("Subset: indices[1] = 3 is out of range for a dataset of size 3");
        ConcatDataset<Integer> c = ConcatDataset.of(range(2), range(0), range(3));
        assertThat(c.size()).isEqualTo(5);
        assertThat(c.cumulativeSizes()).containsExactly(2, 2, 5);
        assertThat(IntStream.range(0, 5).mapToObj(c::get)).containsExactly(0, 1, 0, 1, 2);
        assertThatThrownBy(() -> c.get(5)).hasMessage("ConcatDataset: index 5 is out of range for size 5");
        assertThatThrownBy(() -> new ConcatDataset<Integer>(List.of())).hasMessageContaining("should not be an empty");
        assertThat(Datasets.map(range(3), i -> i * 10).get(2)).isEqualTo(20);
    }

    @Test
    void randomSplitByLengthsIsAPartitionAndSeeded() {
        List<Subset<Integer>> a = Datasets.randomSplit(range(10), new long[] {3, 7}, new Generator(42));
        List<Subset<Integer>> b = Datasets.randomSplit(range(10), new long[] {3, 7}, new Generator(42));
        List<Subset<Integer>> c = Datasets.randomSplit(range(10), new long[] {3, 7}, new Generator(43));
        assertThat(a.get(0).size()).isEqualTo(3);
        assertThat(a.get(1).size()).isEqualTo(7);
        List<Integer> all = new ArrayList<>();
        a.forEach(s -> Arrays.stream(s.indices()).forEach(all::add));
        assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).boxed().toList());
        assertThat(a.get(0).indices()).containsExactly(b.get(0).indices());
        assertThat(Arrays.equals(a.get(1).indices(), c.get(1).indices())).isFalse();
        assertThatThrownBy(() -> Datasets.randomSplit(range(10), new long[] {3, 6}, null))
                .hasMessage("randomSplit: sum of input lengths [3, 6] = 9 does not equal the length of the input dataset (10)");
    }

    @Test
    void randomSplitByFractionsDealsTheRemainderLikePyTorch() {
        // torch: random_split(range(10), [0.33, 0.33, 0.34]) -> floor gives 3, 3, 3; remainder 1 goes to part 0.
        List<Subset<Integer>> p = Datasets.randomSplit(range(10), new double[] {0.33, 0.33, 0.34}, new Generator(1));
        assertThat(p.stream().map(Subset::size)).containsExactly(4, 3, 3);
        List<Subset<Integer>> q = Datasets.randomSplit(range(11), new double[] {0.5, 0.5}, new Generator(1));
        assertThat(q.stream().map(Subset::size)).containsExactly(6, 5);
        assertThatThrownBy(() -> Datasets.randomSplit(range(10), new double[] {0.5, 0.6}, null))
                .hasMessageContaining("sum to 1.1");
        assertThatThrownBy(() -> Datasets.randomSplit(range(10), new double[] {1.5, -0.5}, null))
                .hasMessage("randomSplit: fraction at index 0 (1.5) is not between 0 and 1");
    }
}
