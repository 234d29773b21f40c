package dev.ember.engine.ops;

import static dev.ember.engine.ops.OpSpec.s;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.ops.shape.Cat;
import dev.ember.engine.ops.shape.Clone;
import dev.ember.engine.ops.shape.Expand;
import dev.ember.engine.ops.shape.Flatten;
import dev.ember.engine.ops.shape.Flip;
import dev.ember.engine.ops.shape.Gather;
import dev.ember.engine.ops.shape.IndexAdd;
import dev.ember.engine.ops.shape.IndexSelect;
import dev.ember.engine.ops.shape.Permute;
import dev.ember.engine.ops.shape.Repeat;
import dev.ember.engine.ops.shape.ScatterAdd;
import dev.ember.engine.ops.shape.Select;
import dev.ember.engine.ops.shape.Slice;
import dev.ember.engine.ops.shape.SliceScatter;
import dev.ember.engine.ops.shape.Split;
import dev.ember.engine.ops.shape.Squeeze;
import dev.ember.engine.ops.shape.Stack;
import dev.ember.engine.ops.shape.ToCopy;
import dev.ember.engine.ops.shape.Transpose;
import dev.ember.engine.ops.shape.Unbind;
import dev.ember.engine.ops.shape.Unsqueeze;
import dev.ember.engine.ops.shape.View;
import java.util.ArrayList;
import java.util.List;

/** Rows for {@code ops/shape}. */
final class ShapeSpecs {
    private ShapeSpecs() {
    }

    static List<OpSpec> rows() {
        List<OpSpec> rows = new ArrayList<>(List.of(
            OpSpec.of("view", View.class, in -> in[0].view(3, -1))
                .shapes(s(2, 3)).shapes(s(6)).ref(r -> r[0].reshape(3, 2)).torch("a.view(3, -1)")
                .gradFn("ViewBackward0").contiguousOnly("view refuses non-contiguous inputs, as PyTorch's does"),
            OpSpec.of("reshape(permuted)", View.class, in -> in[0].permute(1, 0).reshape(6))
                .shapes(s(2, 3)).ref(r -> r[0].permute(1, 0).reshape(6)).torch("a.permute(1, 0).reshape(6)")
                .gradFn("ReshapeAliasBackward0"),
            OpSpec.of("permute", Permute.class, in -> in[0].permute(2, 0, 1))
                .shapes(s(2, 3, 4)).ref(r -> r[0].permute(2, 0, 1)).torch("a.permute(2, 0, 1)")
                .gradFn("PermuteBackward0"),
            OpSpec.of("expand", Expand.class, in -> in[0].expand(2, 3, -1))
                .shapes(s(3, 1)).shapes(s(1, 4)).shapes(s(1))
                .ref(r -> NdRef.zip(r[0], NdRef.zeros(2, 3, r[0].shape[r[0].rank() - 1]), (a, b) -> a))
                .torch("a.expand(2, 3, -1)").gradFn("ExpandBackward0"),
            OpSpec.of("clone", Clone.class, in -> in[0].permute(1, 0).clone())
                .shapes(s(2, 3)).ref(r -> r[0].permute(1, 0)).torch("a.permute(1, 0).clone()")
                .gradFn("CloneBackward0"),
            OpSpec.of("to(dtype)", ToCopy.class, in -> in[0].to(in[0].dtype() == DType.FLOAT64 ? DType.FLOAT32 : DType.FLOAT64))
                .shapes(s(2, 3)).ref(r -> r[0].map(v -> (double) (float) v))
                .torch("a.float() if a.dtype == torch.float64 else a.double()").gradFn("ToCopyBackward0")
                .gradTolerance(1e-2, 1e-4, 1e-3, "a float32 copy cannot resolve 1e-6 finite-difference steps")));
        rows.addAll(views());
        rows.addAll(joins());
        rows.addAll(indexing());
        return rows;
    }

    /** transpose, t, unsqueeze, squeeze, flatten, slice, narrow, select. */
    private static List<OpSpec> views() {
        return List.of(
            OpSpec.of("transpose", Transpose.class, in -> in[0].transpose(0, -1))
                .shapes(s(2, 3)).shapes(s(2, 3, 4)).shapes(s(4)).shapes(s(2, 1, 3, 2))
                .ref(r -> r[0].transpose(0, -1)).torch("a.transpose(0, -1)").gradFn("TransposeBackward0"),
            OpSpec.of("t", Transpose.class, in -> in[0].t())
                .shapes(s(2, 3)).shapes(s(1, 4)).shapes(s(3)).shapes(s())
                .ref(r -> r[0].rank() == 2 ? r[0].transpose(0, 1) : r[0]).torch("a.t()").gradFn("TBackward0"),
            OpSpec.of("unsqueeze", Unsqueeze.class, in -> in[0].unsqueeze(1))
                .shapes(s(2, 3)).shapes(s(4)).shapes(s(2, 1, 3)).shapes(s(2, 3, 1, 2))
                .ref(r -> r[0].reshape(insert(r[0].shape, 1))).torch("a.unsqueeze(1)").gradFn("UnsqueezeBackward0"),
            OpSpec.of("unsqueeze(negative)", Unsqueeze.class, in -> in[0].unsqueeze(-1))
                .shapes(s(2, 3)).shapes(s()).shapes(s(3, 1, 2))
                .ref(r -> r[0].reshape(insert(r[0].shape, r[0].rank()))).torch("a.unsqueeze(-1)")
                .gradFn("UnsqueezeBackward0"),
            OpSpec.of("squeeze", Squeeze.class, in -> in[0].squeeze())
                .shapes(s(2, 1, 3)).shapes(s(1, 1)).shapes(s(1, 3, 1, 2)).shapes(s(2, 3))
                .ref(r -> r[0].reshape(java.util.Arrays.stream(r[0].shape).filter(d -> d != 1).toArray()))
                .torch("a.squeeze()").gradFn("SqueezeBackward0"),
            OpSpec.of("squeeze(dim)", Squeeze.class, in -> in[0].squeeze(-2))
                .shapes(s(2, 1, 3)).shapes(s(2, 3)).shapes(s(1, 1, 4)).shapes(s(2, 1, 1, 3))
                .ref(r -> r[0].shape[r[0].rank() - 2] == 1 ? r[0].reshape(remove(r[0].shape, r[0].rank() - 2)) : r[0])
                .torch("a.squeeze(-2)").gradFn("SqueezeBackward1"),
            OpSpec.of("flatten", Flatten.class, in -> in[0].flatten())
                .shapes(s(2, 3, 4)).shapes(s()).shapes(s(2, 1))
                .ref(r -> r[0].reshape(r[0].data.length)).torch("a.flatten()"),
            OpSpec.of("flatten(start, end)", Flatten.class, in -> in[0].flatten(1, -1))
                .shapes(s(2, 3, 4)).shapes(s(2, 3, 4, 5)).shapes(s(1, 2, 1, 3))
                .ref(r -> r[0].reshape(r[0].shape[0], r[0].data.length / r[0].shape[0]))
                .torch("a.flatten(1, -1)"),
            OpSpec.of("slice", Slice.class, in -> in[0].slice(1, -4, Long.MAX_VALUE, 2))
                .shapes(s(2, 5)).shapes(s(3, 3, 2)).shapes(s(1, 7, 2))
                .ref(r -> r[0].slice(1, Math.max(0, r[0].shape[1] - 4), r[0].shape[1], 2))
                .torch("a[:, -4::2]").gradFn("SliceBackward0"),
            OpSpec.of("slice(clamped end)", Slice.class, in -> in[0].slice(0, 1, 100, 1))
                .shapes(s(3, 2)).shapes(s(4)).shapes(s(2, 2, 2))
                .ref(r -> r[0].slice(0, 1, r[0].shape[0], 1)).torch("a[1:100]").gradFn("SliceBackward0"),
            OpSpec.of("narrow", Slice.class, in -> in[0].narrow(-1, -3, 2))
                .shapes(s(2, 4)).shapes(s(5)).shapes(s(2, 3, 3))
                .ref(r -> {
                    long n = r[0].shape[r[0].rank() - 1];
                    return r[0].slice(-1, n - 3, n - 1, 1);
                })
                .torch("a.narrow(-1, -3, 2)").gradFn("SliceBackward0"),
            OpSpec.of("select", Select.class, in -> in[0].select(1, -1))
                .shapes(s(2, 3)).shapes(s(3, 4, 2)).shapes(s(1, 2, 2, 3))
                .ref(r -> r[0].select(1, r[0].shape[1] - 1)).torch("a[:, -1]").gradFn("SelectBackward0"),
            OpSpec.of("select(1-D)", Select.class, in -> in[0].select(0, 2))
                .shapes(s(4)).shapes(s(3, 2))
                .ref(r -> r[0].select(0, 2)).torch("a[2]").gradFn("SelectBackward0"));
    }

    /** cat, stack, split, chunk, unbind, repeat, flip. */
    private static List<OpSpec> joins() {
        return List.of(
            OpSpec.of("cat", Cat.class, in -> Tensor.cat(1, in[0], in[1], in[2]))
                .shapes(s(2, 3), s(2, 1), s(2, 4)).shapes(s(2, 3, 4), s(2, 2, 4), s(2, 1, 4))
                .shapes(s(3, 2, 1, 2), s(3, 1, 1, 2), s(3, 2, 1, 2))
                .ref(r -> NdRef.cat(1, r[0], r[1], r[2])).torch("torch.cat([a, b, c], 1)").gradFn("CatBackward0"),
            OpSpec.of("cat(negative dim, legacy empty)", Cat.class, in -> Tensor.cat(List.of(in[0], in[1], in[2]), -1))
                .shapes(s(2, 3), s(2, 2), s(2, 1)).shapes(s(4), s(2), s(1)).shapes(s(2, 3), s(0), s(2, 2))
                .ref(r -> NdRef.cat(-1, java.util.Arrays.stream(r)
                        .filter(x -> !(x.rank() == 1 && x.data.length == 0) || r[0].rank() == 1).toArray(NdRef[]::new)))
                .torch("torch.cat([a, b, c], -1)").gradFn("CatBackward0"),
            OpSpec.of("cat(dtype promotion)", Cat.class, in -> Tensor.cat(0, in[0], in[1]))
                .shapes(s(2, 3), s(1, 3)).shapes(s(3), s(4)).index(1, 5)
                .ref(r -> NdRef.cat(0, r[0], r[1])).torch("torch.cat([a, b], 0)").gradFn("CatBackward0"),
            OpSpec.of("stack", Stack.class, in -> Tensor.stack(-1, in[0], in[1], in[2]))
                .shapes(s(2, 3), s(2, 3), s(2, 3)).shapes(s(4), s(4), s(4)).shapes(s(), s(), s())
                .shapes(s(2, 1, 3), s(2, 1, 3), s(2, 1, 3))
                .ref(r -> NdRef.cat(-1, java.util.Arrays.stream(r).map(x -> x.reshape(insert(x.shape, x.rank())))
                        .toArray(NdRef[]::new)))
                .torch("torch.stack([a, b, c], -1)").gradFn("StackBackward0"),
            OpSpec.of("stack(dim 1)", Stack.class, in -> Tensor.stack(List.of(in[0], in[1]), 1))
                .shapes(s(2, 3), s(2, 3)).shapes(s(3, 2, 2), s(3, 2, 2))
                .ref(r -> NdRef.cat(1, r[0].reshape(insert(r[0].shape, 1)), r[1].reshape(insert(r[1].shape, 1))))
                .torch("torch.stack([a, b], 1)").gradFn("StackBackward0"),
            OpSpec.of("split", Split.class, in -> {
                List<Tensor> p = in[0].split(2, -1);
                return Tensor.cat(-1, p.get(p.size() - 1), p.get(0));
            })
                .shapes(s(3, 5)).shapes(s(2, 4)).shapes(s(2, 3, 2))
                .ref(r -> {
                    long n = r[0].shape[r[0].rank() - 1];
                    long lastStart = (n - 1) / 2 * 2;
                    return NdRef.cat(-1, r[0].slice(-1, lastStart, n, 1), r[0].slice(-1, 0, Math.min(2, n), 1));
                })
                .torch("torch.cat([a.split(2, -1)[-1], a.split(2, -1)[0]], -1)"),
            OpSpec.of("split(sizes)", Split.class, in -> {
                List<Tensor> p = in[0].split(new long[] {1, 0, 2}, 0);
                return Tensor.cat(0, p.get(2), p.get(0));
            })
                .shapes(s(3, 2)).shapes(s(3)).shapes(s(3, 2, 2))
                .ref(r -> NdRef.cat(0, r[0].slice(0, 1, 3, 1), r[0].slice(0, 0, 1, 1)))
                .torch("torch.cat([a.split([1, 0, 2], 0)[2], a.split([1, 0, 2], 0)[0]], 0)"),
            OpSpec.of("chunk", Split.class, in -> in[0].chunk(3, 1).get(1))
                .shapes(s(2, 5)).shapes(s(2, 6)).shapes(s(1, 4)).shapes(s(2, 3, 2))
                .ref(r -> {
                    long n = r[0].shape[1];
                    long c = (n + 2) / 3;
                    return r[0].slice(1, c, Math.min(2 * c, n), 1);
                })
                .torch("a.chunk(3, 1)[1]").gradFn("SplitBackward0"),
            OpSpec.of("unbind", Unbind.class, in -> {
                List<Tensor> u = in[0].unbind(1);
                return u.get(0).mul(u.get(u.size() - 1));
            })
                .shapes(s(2, 3)).shapes(s(4, 2, 3)).shapes(s(2, 1))
                .ref(r -> NdRef.zip(r[0].select(1, 0), r[0].select(1, r[0].shape[1] - 1), (a, b) -> a * b))
                .torch("a.unbind(1)[0] * a.unbind(1)[-1]"),
            OpSpec.of("repeat", Repeat.class, in -> in[0].repeat(2, 1, 3))
                .shapes(s(2, 3)).shapes(s(1, 2, 2)).shapes(s(3)).shapes(s())
                .ref(r -> r[0].repeat(2, 1, 3)).torch("a.repeat(2, 1, 3)").gradFn("RepeatBackward0"),
            OpSpec.of("repeat(4-D)", Repeat.class, in -> in[0].repeat(1, 2, 1, 2))
                .shapes(s(2, 1, 3, 2)).shapes(s(3, 2))
                .ref(r -> r[0].repeat(1, 2, 1, 2)).torch("a.repeat(1, 2, 1, 2)").gradFn("RepeatBackward0"),
            OpSpec.of("flip", Flip.class, in -> in[0].flip(0, -1))
                .shapes(s(2, 3)).shapes(s(2, 3, 4)).shapes(s(3, 1, 2, 2))
                .ref(r -> r[0].flip(0, -1)).torch("a.flip(0, -1)").gradFn("FlipBackward0"),
            OpSpec.of("flip(one dim)", Flip.class, in -> in[0].flip(0))
                .shapes(s(5)).shapes(s()).shapes(s(3, 2))
                .ref(r -> r[0].rank() == 0 ? r[0] : r[0].flip(0)).torch("a.flip(0)").gradFn("FlipBackward0"));
    }

    /** indexSelect, indexAdd, gather, scatterAdd, sliceScatter. */
    private static List<OpSpec> indexing() {
        return List.of(
            OpSpec.of("indexSelect", IndexSelect.class, in -> in[0].indexSelect(1, in[1]))
                .shapes(s(2, 3), s(5)).shapes(s(4, 3, 2), s(2)).shapes(s(2, 3), s()).shapes(s(2, 3), s(0))
                .index(1, 3).ref(r -> r[0].indexSelect(1, r[1])).torch("a.index_select(1, b)")
                .gradFn("IndexSelectBackward0"),
            OpSpec.of("indexSelect(dim 0)", IndexSelect.class, in -> in[0].indexSelect(0, in[1]))
                .shapes(s(3), s(4)).shapes(s(3, 2, 2), s(3))
                .index(1, 3).ref(r -> r[0].indexSelect(0, r[1])).torch("a.index_select(0, b)")
                .gradFn("IndexSelectBackward0"),
            OpSpec.of("indexAdd", IndexAdd.class, in -> in[0].indexAdd(-1, in[1], in[2]))
                .shapes(s(2, 3), s(4), s(2, 4)).shapes(s(3), s(5), s(5)).shapes(s(2, 2, 3), s(2), s(2, 2, 2))
                .index(1, 3).ref(r -> r[0].indexAdd(-1, r[1], r[2])).torch("a.index_add(-1, b, c)")
                .gradFn("IndexAddBackward0"),
            OpSpec.of("gather", Gather.class, in -> in[0].gather(1, in[1]))
                .shapes(s(2, 3), s(2, 5)).shapes(s(3, 3), s(2, 1)).shapes(s(2, 3, 2), s(2, 4, 1))
                .index(1, 3).ref(r -> r[0].gather(1, r[1])).torch("a.gather(1, b)").gradFn("GatherBackward0"),
            OpSpec.of("gather(dim -2)", Gather.class, in -> in[0].gather(-2, in[1]))
                .shapes(s(3, 2), s(4, 2)).shapes(s(2, 3, 4), s(1, 2, 3))
                .index(1, 2).ref(r -> r[0].gather(-2, r[1])).torch("a.gather(-2, b)").gradFn("GatherBackward0"),
            OpSpec.of("scatterAdd", ScatterAdd.class, in -> in[0].scatterAdd(1, in[1], in[2]))
                .shapes(s(2, 3), s(2, 4), s(2, 4)).shapes(s(3, 3), s(2, 2), s(2, 2))
                .shapes(s(2, 3, 2), s(1, 5, 2), s(1, 5, 2))
                .index(1, 3).ref(r -> r[0].scatterAdd(1, r[1], r[2])).torch("a.scatter_add(1, b, c)")
                .gradFn("ScatterAddBackward0"),
            OpSpec.of("scatterAdd(dim 0)", ScatterAdd.class, in -> in[0].scatterAdd(0, in[1], in[2]))
                .shapes(s(3), s(6), s(6)).shapes(s(2, 2), s(3, 1), s(3, 1))
                .index(1, 2).ref(r -> r[0].scatterAdd(0, r[1], r[2])).torch("a.scatter_add(0, b, c)")
                .gradFn("ScatterAddBackward0"),
            // PyTorch 1.13's slice_scatter misreads an omitted step: the torch expressions pass all five arguments.
            OpSpec.of("sliceScatter", SliceScatter.class, in -> in[0].sliceScatter(in[1], 1, 1, Long.MAX_VALUE, 2))
                .shapes(s(3, 4), s(3, 2)).shapes(s(2, 5, 2), s(2, 2, 2)).shapes(s(1, 2), s(1, 1))
                .ref(r -> r[0].sliceScatter(r[1], 1, 1, 2)).torch("torch.slice_scatter(a, b, 1, 1, None, 2)")
                .gradFn("SliceScatterBackward0"),
            OpSpec.of("sliceScatter(negative start)", SliceScatter.class,
                    in -> in[0].sliceScatter(in[1], 0, -2, Long.MAX_VALUE, 1))
                .shapes(s(3, 2), s(2, 2)).shapes(s(4), s(2))
                .ref(r -> r[0].sliceScatter(r[1], 0, r[0].shape[0] - 2, 1))
                .torch("torch.slice_scatter(a, b, 0, -2, None, 1)").gradFn("SliceScatterBackward0"));
    }

    private static long[] insert(long[] shape, int at) {
        long[] r = new long[shape.length + 1];
        for (int i = 0, j = 0; i < r.length; i++) {
            r[i] = i == at ? 1 : shape[j++];
        }
        return r;
    }

    private static long[] remove(long[] shape, int at) {
        long[] r = new long[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != at) {
                r[j++] = shape[i];
            }
        }
        return r;
    }
}
