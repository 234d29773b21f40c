package dev.ember.tfcompat.runtime;

import static dev.ember.tfcompat.testing.Protos.arg;
import static dev.ember.tfcompat.testing.Protos.func;
import static dev.ember.tfcompat.testing.Protos.function;
import static dev.ember.tfcompat.testing.Protos.node;
import static dev.ember.tfcompat.testing.Protos.placeholder;
import static dev.ember.tfcompat.testing.Protos.placeholderAttr;
import static dev.ember.tfcompat.testing.Protos.scalar;
import static dev.ember.tfcompat.testing.Protos.signature;
import static dev.ember.tfcompat.testing.Protos.type;
import static dev.ember.tfcompat.testing.Protos.typeAttrArg;
import static dev.ember.tfcompat.testing.Protos.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.Session;
import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.exceptions.TFUnimplementedException;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.TFloat32;

import dev.ember.tfcompat.types.TInt32;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.FunctionDefLibrary;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/** GraphDef function libraries: calls, direct calls, nesting, generic functions, If/While, and their errors. */
class FunctionsTest {
    private static final DataType F = DataType.DT_FLOAT;

    /** addmul(a, b) = (a + b, (a + b) * a). */
    static FunctionDef addmul() {
        return function(signature("addmul").addInputArg(arg("a", F)).addInputArg(arg("b", F))
                .addOutputArg(arg("s", F)).addOutputArg(arg("p", F)))
                .addNodeDef(node("Mul", "Mul", "Add:z:0", "a").putAttr("T", type(F)))
                .addNodeDef(node("Add", "Add", "a", "b").putAttr("T", type(F)))
                .putRet("s", "Add:z:0").putRet("p", "Mul:z:0").build();
    }

    /** submul(a, b) = (a - b, (a - b) * a). */
    static FunctionDef submul() {
        return function(signature("submul").addInputArg(arg("a", F)).addInputArg(arg("b", F))
                .addOutputArg(arg("s", F)).addOutputArg(arg("p", F)))
                .addNodeDef(node("Sub", "Sub", "a", "b").putAttr("T", type(F)))
                .addNodeDef(node("Mul", "Mul", "Sub:z:0", "a").putAttr("T", type(F)))
                .putRet("s", "Sub:z:0").putRet("p", "Mul:z:0").build();
    }

    /** outer(a) = addmul(a, a).p, through a call inside the body. */
    static FunctionDef outer() {
        return function(signature("outer").addInputArg(arg("a", F)).addOutputArg(arg("o", F)))
                .addNodeDef(node("call", "PartitionedCall", "a", "a").putAttr("Tin", types(F, F)).putAttr("Tout", types(F, F))
                        .putAttr("f", func("addmul")))
                .putRet("o", "call:output:1").build();
    }

    /** twice(a: T) = a + a, generic in T. */
    static FunctionDef twice() {
        return function(signature("twice").addInputArg(typeAttrArg("a", "T")).addOutputArg(typeAttrArg("o", "T"))
                .addAttr(org.tensorflow.proto.OpDef.AttrDef.newBuilder().setName("T").setType("type")))
                .addNodeDef(node("Add", "Add", "a", "a").putAttr("T", placeholderAttr("T")))
                .putRet("o", "Add:z:0").build();
    }

    static GraphDef graph(FunctionDef[] functions, NodeDef... nodes) {
        GraphDef.Builder g = GraphDef.newBuilder();
        for (NodeDef n : nodes) {
            g.addNode(n);
        }
        FunctionDefLibrary.Builder lib = FunctionDefLibrary.newBuilder();
        for (FunctionDef f : functions) {
            lib.addFunction(f);
        }
        return g.setLibrary(lib).build();
    }

    private static float[] run(Session s, String fetch, Object... feeds) {
        Session.Runner r = s.runner();
        for (int i = 0; i < feeds.length; i += 2) {
            r.feed((String) feeds[i], (dev.ember.tfcompat.Tensor) feeds[i + 1]);
        }
        try (var res = r.fetch(fetch).run()) {
            return dev.ember.tfcompat.internal.types.TypeInfo.toEngine(res.get(0)).toFloatArray();
        }
    }

    @Test
    void callsDirectCallsNestedCallsAndGenericFunctions() {
        GraphDef def = graph(new FunctionDef[] {addmul(), outer(), twice()},
                placeholder("x", F), placeholder("y", F),
                node("call", "PartitionedCall", "x", "y").putAttr("Tin", types(F, F)).putAttr("Tout", types(F, F))
                        .putAttr("f", func("addmul")).build(),
                node("direct", "addmul", "x", "y").build(),
                node("nested", "StatefulPartitionedCall", "x").putAttr("Tin", types(F)).putAttr("Tout", types(F))
                        .putAttr("f", func("outer")).build(),
                node("generic", "PartitionedCall", "x").putAttr("Tin", types(F)).putAttr("Tout", types(F))
                        .putAttr("f", func("twice", "T", type(F))).build());
        try (Graph g = new Graph(); Session s = new Session(g)) {
            g.importGraphDef(def);
            Object[] feeds = {"x", TFloat32.vectorOf(1, 2), "y", TFloat32.vectorOf(3, -4)};
            assertThat(run(s, "call:0", feeds)).containsExactly(4, -2);
            assertThat(run(s, "call:1", feeds)).containsExactly(4, -4);
            assertThat(run(s, "direct:1", feeds)).containsExactly(4, -4);
            assertThat(run(s, "nested", feeds)).containsExactly(2, 8);
            assertThat(run(s, "generic", feeds)).containsExactly(2, 4);
            assertThat(g.operation("call").outputListLength("output")).isEqualTo(2);
            // the library goes out with the graph and comes back
            GraphDef again = g.toGraphDef();
            assertThat(again.getLibrary().getFunctionCount()).isEqualTo(3);
            try (Graph g2 = new Graph(); Session s2 = new Session(g2)) {
                g2.importGraphDef(again);
                assertThat(run(s2, "nested", feeds)).containsExactly(2, 8);
            }
        }
    }

    @Test
    void gradientsFlowThroughCalls() {
        GraphDef def = graph(new FunctionDef[] {addmul()}, placeholder("x", F), placeholder("y", F),
                node("call", "PartitionedCall", "x", "y").putAttr("Tin", types(F, F)).putAttr("Tout", types(F, F))
                        .putAttr("f", func("addmul")).build());
        try (Graph g = new Graph(); Session s = new Session(g)) {
            g.importGraphDef(def);
            Output<?>[] grads = g.addGradients(g.operation("call").output(1),
                    new Output<?>[] {g.operation("x").output(0), g.operation("y").output(0)});
            try (var r = s.runner().feed("x", TFloat32.vectorOf(1, 2)).feed("y", TFloat32.vectorOf(3, -4))
                    .fetch(grads[0]).fetch(grads[1]).run()) {
                // p = (x + y) x: dp/dx = 2x + y, dp/dy = x
                assertThat(((TFloat32) r.get(0)).getFloat(0)).isEqualTo(5f);
                assertThat(((TFloat32) r.get(0)).getFloat(1)).isEqualTo(0f);
                assertThat(((TFloat32) r.get(1)).getFloat(1)).isEqualTo(2f);
            }
        }
    }

    @Test
    void ifAndWhile() {
        FunctionDef nonzero = function(signature("nonzero").addInputArg(arg("n", F)).addInputArg(arg("acc", F))
                .addOutputArg(arg("go", DataType.DT_BOOL)))
                .addNodeDef(node("Cast", "Cast", "n").putAttr("SrcT", type(F)).putAttr("DstT", type(DataType.DT_BOOL)))
                .putRet("go", "Cast:y:0").build();
        FunctionDef step = function(signature("step").addInputArg(arg("n", F)).addInputArg(arg("acc", F))
                .addOutputArg(arg("n1", F)).addOutputArg(arg("acc2", F)))
                .addNodeDef(scalar("one", 1f))
                .addNodeDef(node("Sub", "Sub", "n", "one:output:0").putAttr("T", type(F)))
                .addNodeDef(node("Add", "Add", "acc", "acc").putAttr("T", type(F)))
                .putRet("n1", "Sub:z:0").putRet("acc2", "Add:z:0").build();
        GraphDef def = graph(new FunctionDef[] {addmul(), submul(), nonzero, step},
                placeholder("p", DataType.DT_BOOL), placeholder("c", DataType.DT_INT32), placeholder("x", F),
                placeholder("y", F), placeholder("n", F),
                node("if", "If", "p", "x", "y").putAttr("Tcond", type(DataType.DT_BOOL)).putAttr("Tin", types(F, F))
                        .putAttr("Tout", types(F, F)).putAttr("then_branch", func("addmul"))
                        .putAttr("else_branch", func("submul")).build(),
                node("if_int", "StatelessIf", "c", "x", "y").putAttr("Tcond", type(DataType.DT_INT32))
                        .putAttr("Tin", types(F, F)).putAttr("Tout", types(F, F)).putAttr("then_branch", func("addmul"))
                        .putAttr("else_branch", func("submul")).build(),
                node("loop", "StatelessWhile", "n", "x").putAttr("T", types(F, F)).putAttr("cond", func("nonzero"))
                        .putAttr("body", func("step")).build());
        try (Graph g = new Graph(); Session s = new Session(g)) {
            g.importGraphDef(def);
            Object[] xy = {"x", TFloat32.vectorOf(1, 2), "y", TFloat32.vectorOf(3, -4)};
            assertThat(run(s, "if:0", "p", TBool.scalarOf(true), xy[0], xy[1], xy[2], xy[3])).containsExactly(4, -2);
            assertThat(run(s, "if:0", "p", TBool.scalarOf(false), xy[0], xy[1], xy[2], xy[3])).containsExactly(-2, 6);
            assertThat(run(s, "if_int:0", "c", TInt32.scalarOf(0), xy[0], xy[1], xy[2], xy[3])).containsExactly(-2, 6);
            assertThat(run(s, "if_int:0", "c", TInt32.scalarOf(-3), xy[0], xy[1], xy[2], xy[3])).containsExactly(4, -2);
            assertThat(run(s, "loop:1", "n", TFloat32.scalarOf(3), "x", TFloat32.vectorOf(1, -0.5f)))
                    .containsExactly(8, -4);
            assertThat(run(s, "loop:0", "n", TFloat32.scalarOf(3), "x", TFloat32.vectorOf(1, -0.5f))).containsExactly(0);
        }
    }

    @Test
    void aMissingFunctionIsNamedWithTheLibrary() {
        GraphDef def = graph(new FunctionDef[] {addmul()}, placeholder("x", F),
                node("call", "PartitionedCall", "x").putAttr("Tin", types(F)).putAttr("Tout", types(F))
                        .putAttr("f", func("nope")).build());
        try (Graph g = new Graph()) {
            assertThatThrownBy(() -> g.importGraphDef(def)).isInstanceOf(TFInvalidArgumentException.class)
                    .hasMessageContaining("node 'call' calls function 'nope', which is not in the graph's function library")
                    .hasMessageContaining("it has: addmul");
        }
    }

    @Test
    void unsupportedOpsOfTheGraphAndOfItsFunctionsAreListedAtOnce() {
        FunctionDef f = function(signature("f").addInputArg(arg("a", F)).addOutputArg(arg("o", F)))
                .addNodeDef(node("wav", "DecodeWav", "a")).addNodeDef(node("spec", "AudioSpectrogram", "wav"))
                .putRet("o", "spec:spectrogram:0").build();
        GraphDef def = graph(new FunctionDef[] {f}, placeholder("x", F), node("enc", "EncodeWav", "x").build(),
                node("call", "PartitionedCall", "x").putAttr("Tin", types(F)).putAttr("Tout", types(F))
                        .putAttr("f", func("f")).build());
        try (Graph g = new Graph()) {
            assertThatThrownBy(() -> g.importGraphDef(def)).isInstanceOf(TFUnimplementedException.class)
                    .hasMessageContaining("3 op type(s)")
                    .hasMessageContaining("AudioSpectrogram (1 node: spec in function f)")
                    .hasMessageContaining("DecodeWav (1 node: wav in function f)")
                    .hasMessageContaining("EncodeWav (1 node: enc)");
            assertThat(g.operation("x")).as("nothing imported").isNull();
        }
    }

    private static void assertCallFails(FunctionDef f, String message, NodeDef... extra) {
        NodeDef[] nodes = new NodeDef[extra.length + 2];
        nodes[0] = placeholder("x", F);
        nodes[1] = node("call", "PartitionedCall", "x").putAttr("Tin", types(F))
                .putAttr("Tout", types(f.getSignature().getOutputArgCount() == 0 ? F : F))
                .putAttr("f", func(f.getSignature().getName())).build();
        System.arraycopy(extra, 0, nodes, 2, extra.length);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            g.importGraphDef(graph(new FunctionDef[] {f}, nodes));
            assertThatThrownBy(() -> run(s, "call", "x", TFloat32.vectorOf(1, 2)))
                    .hasMessageContaining("function '" + f.getSignature().getName() + "'")
                    .hasMessageContaining(message);
        }
    }

    @Test
    void badFunctionBodiesAreClearErrors() {
        assertCallFails(function(signature("badarg").addInputArg(arg("a", F)).addOutputArg(arg("o", F)))
                .addNodeDef(node("ids", "IdentityN", "a", "a").putAttr("T", types(F, F)))
                .putRet("o", "ids:nope:0").build(), "op IdentityN has no output argument 'nope'");
        assertCallFails(function(signature("badindex").addInputArg(arg("a", F)).addOutputArg(arg("o", F)))
                .addNodeDef(node("ids", "IdentityN", "a", "a").putAttr("T", types(F, F)))
                .putRet("o", "ids:output:2").build(), "has 2 tensors, no index 2");
        assertCallFails(function(signature("badret").addInputArg(arg("a", F)).addOutputArg(arg("o", DataType.DT_INT32)))
                .addNodeDef(node("Add", "Add", "a", "a").putAttr("T", type(F)))
                .putRet("o", "Add:z:0").build(), "of type float, the signature declares int32");
        assertCallFails(function(signature("noret").addInputArg(arg("a", F)).addOutputArg(arg("o", F))).build(),
                "output 'o' has no entry in ret");
        assertCallFails(function(signature("dangling").addInputArg(arg("a", F)).addOutputArg(arg("o", F)))
                .addNodeDef(node("Add", "Add", "a", "ghost:z:0").putAttr("T", type(F)))
                .putRet("o", "Add:z:0").build(), "names node 'ghost', which the body does not have");
        assertCallFails(function(signature("cyclic").addInputArg(arg("a", F)).addOutputArg(arg("o", F)))
                .addNodeDef(node("A", "Add", "a", "B:z:0").putAttr("T", type(F)))
                .addNodeDef(node("B", "Add", "a", "A:z:0").putAttr("T", type(F)))
                .putRet("o", "A:z:0").build(), "has a cycle among nodes [A, B]");
        assertCallFails(function(signature("untyped").addInputArg(typeAttrArg("a", "T")).addOutputArg(typeAttrArg("o", "T")))
                .addNodeDef(node("Add", "Add", "a", "a").putAttr("T", placeholderAttr("T")))
                .putRet("o", "Add:z:0").build(), "needs the type attribute 'T', which is not set");
    }

    @Test
    void argumentsAreCheckedAgainstTheSignature() {
        GraphDef def = graph(new FunctionDef[] {addmul()}, placeholder("i", DataType.DT_INT32), placeholder("x", F),
                node("call", "PartitionedCall", "i", "x").putAttr("Tin", types(DataType.DT_INT32, F))
                        .putAttr("Tout", types(F, F)).putAttr("f", func("addmul")).build(),
                node("short", "PartitionedCall", "x").putAttr("Tin", types(F)).putAttr("Tout", types(F, F))
                        .putAttr("f", func("addmul")).build());
        try (Graph g = new Graph(); Session s = new Session(g)) {
            g.importGraphDef(def);
            assertThatThrownBy(() -> run(s, "call", "i", TInt32.scalarOf(1), "x", TFloat32.scalarOf(1)))
                    .hasMessageContaining("function 'addmul' (called by node 'call'): argument 0 must be float, got int32");
            assertThatThrownBy(() -> run(s, "short", "x", TFloat32.scalarOf(1)))
                    .hasMessageContaining("expects 2 arguments, got 1");
        }
    }
}
