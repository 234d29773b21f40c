package dev.ember.engine.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input to the shape, slicing and indexing ops: clear exceptions naming the op and the values. */
class ShapeErrorsTest {
    private final Tensor x = Tensor.randn(3, 4);

    @Test
    void transposeAndTRejectBadDims() {
        assertThatThrownBy(() -> x.transpose(0, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transpose: dim 2 is out of range for a tensor of rank 2 (expected -2..1)");
        assertThatThrownBy(() -> Tensor.randn(2, 2, 2).t()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t() expects a tensor with <= 2 dimensions, but got 3-D [2, 2, 2]");
    }

    @Test
    void unsqueezeSqueezeAndFlattenRejectBadDims() {
        assertThatThrownBy(() -> x.unsqueeze(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsqueeze: dim 3 is out of range for a tensor of rank 2 [3, 4] (expected -3..2)");
        assertThatThrownBy(() -> x.unsqueeze(-4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dim -4 is out of range");
        assertThatThrownBy(() -> x.squeeze(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("squeeze: dim 2 is out of range for a tensor of rank 2");
        assertThatThrownBy(() -> Tensor.randn(2, 3, 4).flatten(2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flatten: startDim (2) cannot come after endDim (1) for a tensor of shape [2, 3, 4]");
    }

    @Test
    void catNamesTheOffendingTensor() {
        assertThatThrownBy(() -> Tensor.cat(List.of(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cat: expected a non-empty list of tensors");
        assertThatThrownBy(() -> Tensor.cat(0, x, x, Tensor.randn(3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cat: tensors must have the same number of dimensions: tensor 0 has shape [3, 4] but "
                        + "tensor 2 has shape [3]");
        assertThatThrownBy(() -> Tensor.cat(0, x, Tensor.randn(3, 5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cat: sizes of tensors must match except in dimension 0: expected size 4 but got size 5 "
                        + "for tensor 1 in the list (shapes [3, 4] and [3, 5])");
        assertThatThrownBy(() -> Tensor.cat(0, x, Tensor.scalar(1.0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cat: zero-dimensional tensor (at position 1) cannot be concatenated");
        assertThatThrownBy(() -> Tensor.cat(2, x, x)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cat: dim 2 is out of range for a tensor of rank 2");
        assertThatThrownBy(() -> Tensor.cat(Arrays.asList(x, null), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cat: tensor 1 in the list is null");
    }

    @Test
    void stackNeedsEqualShapes() {
        assertThatThrownBy(() -> Tensor.stack(List.of(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stack: expected a non-empty list of tensors");
        assertThatThrownBy(() -> Tensor.stack(0, x, x, Tensor.randn(3, 5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stack: expects each tensor to be equal size, but got [3, 4] at entry 0 and [3, 5] at entry 2");
        assertThatThrownBy(() -> Tensor.stack(3, x, x)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stack: dim 3 is out of range for tensors of rank 2 (expected -3..2)");
    }

    @Test
    void splitAndChunkCheckSizes() {
        assertThatThrownBy(() -> x.split(-1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("split: splitSize must be non-negative, got -1");
        assertThatThrownBy(() -> x.split(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("split: splitSize can only be 0 if the dimension size is 0, but dimension 1 has size 4");
        assertThatThrownBy(() -> x.split(new long[] {1, 2}, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("split: sizes must sum exactly to 4 (the size of dimension 1 of [3, 4]), got [1, 2] (sum 3)");
        assertThatThrownBy(() -> x.split(new long[] {5, -1}, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("split: sizes must be non-negative, got [5, -1]");
        assertThatThrownBy(() -> Tensor.scalar(1.0).split(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("split expects at least a 1-dimensional tensor, got a 0-dim tensor");
        assertThatThrownBy(() -> x.chunk(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunk: chunks must be > 0, got 0");
    }

    @Test
    void narrowSliceAndSelectCheckBounds() {
        assertThatThrownBy(() -> x.narrow(1, 3, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("narrow: start (3) + length (2) exceeds the size (4) of dimension 1 (shape [3, 4])");
        assertThatThrownBy(() -> x.narrow(1, -5, 1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("narrow: start -5 is out of range for dimension 1 with size 4 (expected -4..4)");
        assertThatThrownBy(() -> x.narrow(1, 0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("narrow: length must be non-negative, got -1");
        assertThatThrownBy(() -> x.slice(0, 0, 2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slice: step must be positive, got 0");
        assertThatThrownBy(() -> x.slice(0, 2, 0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slice: step must be positive, got -1");
        assertThatThrownBy(() -> Tensor.scalar(1.0).slice(0, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slice() cannot be applied to a 0-dim tensor");
        assertThatThrownBy(() -> x.select(1, 4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("select: index 4 is out of range for dimension 1 with size 4 (tensor of shape [3, 4])");
        assertThatThrownBy(() -> x.select(0, -4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("select: index -4 is out of range for dimension 0 with size 3 (tensor of shape [3, 4])");
        assertThatThrownBy(() -> Tensor.scalar(1.0).select(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("select() cannot be applied to a 0-dim tensor");
        assertThatThrownBy(() -> Tensor.scalar(1.0).unbind(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unbind: a 0-dim tensor has no dimension to unbind");
    }

    @Test
    void indexSelectAndIndexAddCheckTheIndex() {
        assertThatThrownBy(() -> x.indexSelect(0, Tensor.of(0, 3))).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("indexSelect: index 3 is out of range for dimension 0 with size 3");
        assertThatThrownBy(() -> x.indexSelect(1, Tensor.of(-1))).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("indexSelect: index -1 is out of range for dimension 1 with size 4");
        assertThatThrownBy(() -> x.indexSelect(0, Tensor.of(0.0f))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("indexSelect: expected index of dtype int64 or int32, got float32");
        assertThatThrownBy(() -> x.indexSelect(0, Tensor.zeros(DType.INT64, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("indexSelect: index must be a 1-D tensor (or 0-D), got shape [1, 1]");
        assertThatThrownBy(() -> x.indexAdd(1, Tensor.of(0, 1), Tensor.randn(3, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("indexAdd: expected source of shape [3, 2] (self [3, 4] with 2 indices at dimension 1), "
                        + "got [3, 3]");
        assertThatThrownBy(() -> x.indexAdd(1, Tensor.of(0, 1), Tensor.randn(3, 2).to(DType.FLOAT64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("indexAdd: self (float32) and source (float64) must have the same dtype");
        assertThatThrownBy(() -> x.indexAdd(1, Tensor.of(0, 4), Tensor.randn(3, 2)))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("indexAdd: index 4 is out of range for dimension 1 with size 4");
    }

    @Test
    void gatherAndScatterAddCheckIndexShapeAndRange() {
        Tensor idx = Tensor.fromArray(new long[] {0, 1, 3, 2}, 4, 1);
        assertThatThrownBy(() -> x.gather(1, idx)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gather: index of shape [4, 1] must be no larger than input [3, 4] apart from dimension 1 "
                        + "(size 4 > 3 at dimension 0)");
        assertThatThrownBy(() -> x.gather(1, Tensor.of(0, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gather: index must have the same number of dimensions as the input (2, shape [3, 4]), "
                        + "got index of shape [2]");
        assertThatThrownBy(() -> x.gather(1, Tensor.fromArray(new long[] {4}, 1, 1)))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("gather: index 4 is out of range for dimension 1 with size 4");
        assertThatThrownBy(() -> x.gather(0, Tensor.zeros(1, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gather: expected index of dtype int64 or int32, got float32");
        Tensor one = Tensor.zeros(DType.INT64, 1, 2);
        assertThatThrownBy(() -> x.scatterAdd(1, one, Tensor.randn(1, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scatterAdd: index of shape [1, 2] must be no larger than src [1, 1] "
                        + "(size 2 > 1 at dimension 1)");
        assertThatThrownBy(() -> x.scatterAdd(0, Tensor.zeros(DType.INT64, 1, 5), Tensor.randn(3, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scatterAdd: index of shape [1, 5] must be no larger than self [3, 4] apart from "
                        + "dimension 0 (size 5 > 4 at dimension 1)");
        assertThatThrownBy(() -> x.scatterAdd(1, one, Tensor.randn(1, 2).to(DType.FLOAT64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scatterAdd: self (float32) and src (float64) must have the same dtype");
        assertThatThrownBy(() -> x.scatterAdd(1, Tensor.fromArray(new long[] {5}, 1, 1), Tensor.randn(1, 1)))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("scatterAdd: index 5 is out of range for dimension 1 with size 4");
        assertThatThrownBy(() -> x.scatterAdd(1, Tensor.of(0), Tensor.randn(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scatterAdd: self, index and src must have the same number of dimensions, got shapes "
                        + "[3, 4], [1] and [1]");
    }

    @Test
    void sliceScatterRepeatAndFlipCheckArguments() {
        assertThatThrownBy(() -> x.sliceScatter(Tensor.randn(3, 3), 1, 0, 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sliceScatter: expected src of shape [3, 2] (the slice of self [3, 4]), got [3, 3]");
        assertThatThrownBy(() -> x.repeat(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("repeat: the number of repeats (1, [2]) can not be smaller than the number of dimensions "
                        + "of the tensor (2, shape [3, 4])");
        assertThatThrownBy(() -> x.repeat(1, -2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("repeat: repeats must be non-negative, got [1, -2]");
        assertThatThrownBy(() -> x.flip(0, -2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flip: dim 0 appears more than once in [0, -2]");
        assertThatThrownBy(() -> x.flip(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flip: dim 2 is out of range for a tensor of rank 2");
    }
}
