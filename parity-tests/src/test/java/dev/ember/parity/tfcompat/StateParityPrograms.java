package dev.ember.parity.tfcompat;

import static dev.ember.parity.tfcompat.TfProgram.shape;

import dev.ember.parity.tfcompat.TfProgram.Feed;
import java.util.List;
import java.util.Map;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TString;

/**
 * Stateful parity programs (see {@link TfProgram}): TF1 variables, resource variables, function calls
 * and functional control flow, checkpoint I/O; each built with real TF-Java, run on TF and on tfcompat.
 * Function bodies use only ops of tfcompat's registry (While counts down with Cast-to-bool as its
 * predicate: the comparison ops belong to another family).
 */
final class StateParityPrograms {
    private StateParityPrograms() {
    }

    static List<TfProgram> programs() {
        return List.of(tf1Variables(), resourceVariables(), calls(), conditionals(), loops(), checkpointOps());
    }

    /** VariableV2 + Assign/AssignAdd/AssignSub/IsVariableInitialized, IdentityN, NoOp. */
    private static TfProgram tf1Variables() {
        return TfProgram.of("TF1 variables", tf -> {
            var v = tf.withName("v").variable(Shape.of(2), TFloat32.class);
            tf.withName("is_init").isVariableInitialized(v);
            var init = tf.withName("init").assign(v, tf.constant(new float[] {1, 2}));
            var d = tf.withName("d").placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
            tf.withName("add").assignAdd(v, d);
            tf.withName("sub").assignSub(v, d);
            tf.withName("both").identityN(List.of(v, d));
            tf.withControlDependencies(List.of(init)).withName("group").noOp();
            tf.withName("read").identity(v);
        })
            .step(s -> s.fetch("is_init"))
            .stepFails(s -> s.fetch("read"), "uninitialized")
            .step(s -> s.target("group"))
            .step(s -> s.fetch("is_init", "read"))
            .step(s -> s.feed(Feed.f32("d", shape(2), 0.5f, -1)).fetch("add"))
            .step(s -> s.feed(Feed.f32("d", shape(2), 2, 2)).target("sub"))
            .step(s -> s.feed(Feed.f32("d", shape(2), 7, 8)).fetch("both:0", "both:1"));
    }

    /** VarHandleOp (shared by container/shared_name), Read/Assign/AssignAdd/AssignSub, VarIsInitialized, ResourceGather, DestroyResourceOp. */
    private static TfProgram resourceVariables() {
        return TfProgram.of("resource variables", tf -> {
            var h = tf.withName("h").varHandleOp(TFloat32.class, Shape.of(3, 2), VarHandleOp.sharedName("v"));
            var same = tf.withName("same").varHandleOp(TFloat32.class, Shape.of(3, 2), VarHandleOp.sharedName("v"));
            var other = tf.withName("other").varHandleOp(TFloat32.class, Shape.of(2), VarHandleOp.sharedName("w"));
            tf.withName("is_init").varIsInitializedOp(h);
            tf.withName("init").assignVariableOp(h, tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}}));
            tf.withName("read").readVariableOp(same, TFloat32.class);
            var delta = tf.withName("delta").placeholder(TFloat32.class, Placeholder.shape(Shape.of(3, 2)));
            tf.withName("add").assignAddVariableOp(h, delta);
            tf.withName("sub").assignSubVariableOp(same, delta);
            var idx = tf.withName("idx").placeholder(TInt32.class);
            tf.withName("gather").resourceGather(h, idx, TFloat32.class);
            tf.withName("destroy").destroyResourceOp(h);
            tf.withName("read_other").readVariableOp(other, TFloat32.class);
        })
            .step(s -> s.fetch("is_init"))
            .stepFails(s -> s.fetch("read"), "Could not find variable v")
            .step(s -> s.target("init"))
            .step(s -> s.fetch("is_init", "read"))
            .step(s -> s.feed(Feed.f32("delta", shape(3, 2), 1, 1, 1, 1, 1, 1)).target("add"))
            .step(s -> s.fetch("read"))
            .step(s -> s.feed(Feed.f32("delta", shape(3, 2), 0.5f, 0, 0, 2, 0, 0)).target("sub"))
            .step(s -> s.feed(Feed.i32("idx", shape(2), 2, 0)).fetch("gather", "read"))
            .step(s -> s.feed(Feed.i32("idx", shape(2, 2), 1, 1, 0, 2)).fetch("gather"))
            .stepFails(s -> s.feed(Feed.i32("idx", shape(1), 3)).fetch("gather"), "indices[0] = 3 is not in [0, 3)")
            .stepFails(s -> s.fetch("read_other"), "Could not find variable w")
            .step(s -> s.target("destroy"))
            .step(s -> s.fetch("is_init"))
            .stepFails(s -> s.fetch("read"), "Could not find variable v");
    }

    /** PartitionedCall of a pure function, StatefulPartitionedCall of one updating a variable shared by name. */
    private static TfProgram calls() {
        return TfProgram.of("function calls", tf -> {
            ConcreteFunction pure = ConcreteFunction.create(t -> {
                var a = t.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
                var b = t.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
                var sum = t.math.add(a, b);
                return Signature.builder().input("a", a).input("b", b).output("sum", sum)
                        .output("prod", t.math.mul(sum, a)).build();
            });
            ConcreteFunction bump = ConcreteFunction.create(t -> {
                var a = t.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
                var h = t.varHandleOp(TFloat32.class, Shape.of(2), VarHandleOp.sharedName("counter"));
                t.assignAddVariableOp(h, a);
                return Signature.builder().input("a", a).output("twice", t.math.add(a, a)).build();
            });
            var x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
            var y = tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
            Map<String, Operand<?>> out = tf.call(pure, Map.of("a", x, "b", y));
            tf.withName("sum").identity((Operand) out.get("sum"));
            tf.withName("prod").identity((Operand) out.get("prod"));
            var counter = tf.withName("counter").varHandleOp(TFloat32.class, Shape.of(2),
                    VarHandleOp.sharedName("counter"));
            tf.withName("reset").assignVariableOp(counter, tf.constant(new float[] {0, 0}));
            tf.withName("bumped").identity((Operand) tf.call(bump, Map.of("a", x)).get("twice"));
            var stateful = tf.withName("stateful_call").statefulPartitionedCall(List.of(x), List.of(TFloat32.class), bump);
            tf.withName("bumped_again").identity((Operand) stateful.output().get(0));
            tf.withName("count").readVariableOp(counter, TFloat32.class);
        })
            .step(s -> s.feed(Feed.f32("x", shape(2), 1, 2)).feed(Feed.f32("y", shape(2), 3, -4)).fetch("sum", "prod"))
            .step(s -> s.target("reset"))
            .step(s -> s.feed(Feed.f32("x", shape(2), 1, 2)).fetch("bumped"))
            .step(s -> s.feed(Feed.f32("x", shape(2), 0.5f, 0.25f)).fetch("bumped"))
            .step(s -> s.fetch("count"))
            .step(s -> s.feed(Feed.f32("x", shape(2), 10, 20)).fetch("bumped_again"))
            .step(s -> s.fetch("count"));
    }

    /** StatelessIf and If; predicates of type bool, float (non-zero) and a non-scalar (non-empty). */
    private static TfProgram conditionals() {
        return TfProgram.of("If / StatelessIf", tf -> {
            ConcreteFunction twice = ConcreteFunction.create(t -> {
                var a = t.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
                var b = t.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
                return Signature.builder().input("a", a).input("b", b).output("r", t.math.add(a, a)).build();
            });
            ConcreteFunction diff = ConcreteFunction.create(t -> {
                var a = t.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
                var b = t.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
                return Signature.builder().input("a", a).input("b", b).output("r", t.math.sub(a, b)).build();
            });
            var p = tf.withName("p").placeholder(TBool.class);
            var f = tf.withName("f").placeholder(TFloat32.class);
            var v = tf.withName("v").placeholder(TInt32.class);
            var x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
            var y = tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
            List<Class<? extends org.tensorflow.types.family.TType>> out = List.of(TFloat32.class);
            tf.withName("by_bool").identity((Operand) tf.statelessIf(p, List.of(x, y), out, twice, diff).output().get(0));
            tf.withName("by_float").identity((Operand) tf.statelessIf(f, List.of(x, y), out, twice, diff).output().get(0));
            tf.withName("by_vector").identity((Operand) tf.statelessIf(v, List.of(x, y), out, twice, diff).output().get(0));
            tf.withName("stateful").identity((Operand) tf.statefulIf(p, List.of(x, y), out, twice, diff).output().get(0));
        })
            .step(s -> s.feed(Feed.bool("p", true)).feed(Feed.f32("x", shape(2), 1, 2)).feed(Feed.f32("y", shape(2), 5, 5))
                    .fetch("by_bool", "stateful"))
            .step(s -> s.feed(Feed.bool("p", false)).feed(Feed.f32("x", shape(2), 1, 2)).feed(Feed.f32("y", shape(2), 5, 5))
                    .fetch("by_bool", "stateful"))
            .step(s -> s.feed(Feed.f32("f", shape(), 0)).feed(Feed.f32("x", shape(2), 1, 2))
                    .feed(Feed.f32("y", shape(2), 5, 5)).fetch("by_float"))
            .step(s -> s.feed(Feed.f32("f", shape(), -0.5f)).feed(Feed.f32("x", shape(2), 1, 2))
                    .feed(Feed.f32("y", shape(2), 5, 5)).fetch("by_float"))
            .step(s -> s.feed(Feed.i32("v", shape(3), 0, 0, 0)).feed(Feed.f32("x", shape(2), 1, 2))
                    .feed(Feed.f32("y", shape(2), 5, 5)).fetch("by_vector"))
            .step(s -> s.feed(Feed.i32("v", shape(0))).feed(Feed.f32("x", shape(2), 1, 2))
                    .feed(Feed.f32("y", shape(2), 5, 5)).fetch("by_vector"));
    }

    /** StatelessWhile and While: count n down to 0 (Cast to bool as the predicate), doubling an accumulator. */
    private static TfProgram loops() {
        return TfProgram.of("While / StatelessWhile", tf -> {
            ConcreteFunction cond = ConcreteFunction.create(t -> {
                var n = t.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
                var acc = t.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
                return Signature.builder().input("n", n).input("acc", acc).output("go", t.dtypes.cast(n, TBool.class))
                        .build();
            });
            ConcreteFunction body = ConcreteFunction.create(t -> {
                var n = t.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
                var acc = t.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
                return Signature.builder().input("n", n).input("acc", acc)
                        .output("n1", t.math.sub(n, t.constant(1f))).output("acc2", t.math.add(acc, acc)).build();
            });
            var n = tf.withName("n").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            var acc = tf.withName("acc").placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
            var w = tf.statelessWhile(List.of(n, acc), cond, body);
            tf.withName("n_out").identity((Operand) w.output().get(0));
            tf.withName("acc_out").identity((Operand) w.output().get(1));
            var sw = tf.statefulWhile(List.of(n, acc), cond, body);
            tf.withName("stateful_acc").identity((Operand) sw.output().get(1));
        })
            .step(s -> s.feed(Feed.f32("n", shape(), 3)).feed(Feed.f32("acc", shape(2), 1, -0.5f))
                    .fetch("n_out", "acc_out", "stateful_acc"))
            .step(s -> s.feed(Feed.f32("n", shape(), 0)).feed(Feed.f32("acc", shape(2), 1, -0.5f))
                    .fetch("n_out", "acc_out", "stateful_acc"));
    }

    private static Operand<TString> strings(Ops tf, String[] values) {
        return tf.constant(org.tensorflow.ndarray.StdArrays.ndCopyOf(values));
    }

    /** SaveV2 of two shards, MergeV2Checkpoints, RestoreV2 (float, int32, string), the file-name string ops, ZerosLike. */
    private static TfProgram checkpointOps() {
        return TfProgram.of("SaveV2 / MergeV2Checkpoints / RestoreV2", tf -> {
            var a = tf.constant(new float[][] {{1.5f, -2}, {3, 4.25f}});
            var b = tf.constant(new int[] {7, -8, 9});
            var c = strings(tf, new String[] {"x", "yz"});
            var shard0 = tf.withName("shard0").placeholder(TString.class);
            var shard1 = tf.withName("shard1").placeholder(TString.class);
            tf.withName("save0").train.save(shard0, strings(tf, new String[] {"a", "c"}), strings(tf, new String[] {"", ""}),
                    List.of(a, c));
            tf.withName("save1").train.save(shard1, strings(tf, new String[] {"b"}), strings(tf, new String[] {""}),
                    List.of(b));
            var shards = tf.withName("shards").placeholder(TString.class);
            var dest = tf.withName("dest").placeholder(TString.class);
            tf.withName("merge").train.mergeV2Checkpoints(shards, dest);
            var prefix = tf.withName("prefix").placeholder(TString.class);
            var r = tf.withName("restore").train.restore(prefix, strings(tf, new String[] {"b", "a", "c"}),
                    strings(tf, new String[] {"", "", ""}), List.of(TInt32.class, TFloat32.class, TString.class));
            tf.withName("restore_missing").train.restore(prefix, strings(tf, new String[] {"zz"}),
                    strings(tf, new String[] {""}), List.of(TFloat32.class));
            tf.withName("restore_wrong_type").train.restore(prefix, strings(tf, new String[] {"a"}),
                    strings(tf, new String[] {""}), List.of(TInt32.class));
            var base = tf.withName("base").placeholder(TString.class);
            tf.withName("joined").strings.join(List.of(base, tf.constant("_temp/part")));
            tf.withName("joined_sep").strings.join(List.of(base, strings(tf, new String[] {"p", "q"})),
                    org.tensorflow.op.strings.Join.separator("-"));
            tf.withName("sharded").io.shardedFilename(base, tf.constant(2), tf.constant(13));
            tf.withName("is_s3").strings.staticRegexFullMatch(base, "^s3://.*");
            tf.withName("no_slices").zerosLike(strings(tf, new String[] {"a", "bc"}));
            tf.withName("zeros").zerosLike(a);
        })
            .step(s -> s.feed(Feed.string("base", "s3://bucket/model")).fetch("joined", "joined_sep", "sharded", "is_s3",
                    "no_slices", "zeros"))
            .step(s -> s.feed(Feed.string("base", "/tmp/model")).fetch("is_s3"))
            .step(s -> s.feed(Feed.path("shard0", "ck/model_temp-00000-of-00002"))
                    .feed(Feed.path("shard1", "ck/model_temp-00001-of-00002")).target("save0", "save1"))
            .step(s -> s.feed(Feed.paths("shards", "ck/model_temp-00000-of-00002", "ck/model_temp-00001-of-00002"))
                    .feed(Feed.path("dest", "ck/model")).target("merge"))
            .step(s -> s.feed(Feed.path("prefix", "ck/model")).fetch("restore:0", "restore:1", "restore:2"))
            .stepFails(s -> s.feed(Feed.path("prefix", "ck/model")).fetch("restore_missing"), "Key zz not found")
            .stepFails(s -> s.feed(Feed.path("prefix", "ck/model")).fetch("restore_wrong_type"),
                    "expected dtype int32 does not equal original dtype float")
            .stepFails(s -> s.feed(Feed.path("prefix", "nowhere/model")).fetch("restore:0"),
                    "Failed to find any matching files");
    }
}
