package dev.ember.tfcompat.internal.graphdef;

import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.GraphOperation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OutputArg;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;

/** A graph turned into a {@code FunctionDef}: its placeholders become the arguments, given outputs the results. */
public final class FunctionDefs {
    private FunctionDefs() {
    }

    /**
     * The function {@code name} computing {@code outputs} from {@code inputs} (placeholders of
     * {@code graph}, in argument order). Node outputs are named {@code node:arg:index} with the
     * kernels' declared output arguments ({@code output} for undeclared single-output kernels).
     */
    public static FunctionDef fromGraph(Graph graph, String name, List<Output<?>> inputs, Output<?>[] outputs) {
        OpDef.Builder sig = OpDef.newBuilder().setName(name);
        Map<Output<?>, String> args = new java.util.HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            sig.addInputArg(OpDef.ArgDef.newBuilder().setName("input_" + i).setType(inputs.get(i).dataType()));
            args.put(inputs.get(i), "input_" + i);
        }
        FunctionDef.Builder f = FunctionDef.newBuilder();
        boolean stateful = false;
        for (Iterator<GraphOperation> it = graph.operations(); it.hasNext();) {
            GraphOperation op = it.next();
            if (op.numOutputs() == 1 && args.containsKey(op.output(0))) {
                continue;
            }
            stateful |= op.kernel().stateful();
            NodeDef.Builder n = NodeDef.newBuilder().setName(op.name()).setOp(op.type()).setDevice(op.device());
            for (Output<?> in : op.inputOutputs()) {
                n.addInput(reference(in, args));
            }
            for (GraphOperation c : op.controlInputList()) {
                n.addInput("^" + c.name());
            }
            op.attrMap().forEach((k, v) -> n.putAttr(k, AttrValues.fromJava(v)));
            f.addNodeDef(n);
        }
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i] == null) {
                throw new IllegalArgumentException("function '" + name + "': output " + i + " was not set by the builder");
            }
            sig.addOutputArg(OpDef.ArgDef.newBuilder().setName("output_" + i).setType(outputs[i].dataType()));
            f.putRet("output_" + i, reference(outputs[i], args));
        }
        return f.setSignature(sig.setIsStateful(stateful)).build();
    }

    private static String reference(Output<?> o, Map<Output<?>, String> args) {
        String arg = args.get(o);
        if (arg != null) {
            return arg;
        }
        GraphOperation op = (GraphOperation) o.op();
        List<OutputArg> declared = op.kernel().outputArgs(
                new NodeView(op.name(), op.type(), op.inputOutputs(), op.attrMap()), op.numOutputs());
        if (declared == null) {
            if (op.numOutputs() != 1) {
                throw new IllegalArgumentException("output " + o.index() + " of '" + op.name() + "' (" + op.type()
                        + ") cannot be named in a function: the registry does not declare the op's output arguments");
            }
            return op.name() + ":output:0";
        }
        int base = 0;
        for (OutputArg a : declared) {
            if (o.index() < base + a.count()) {
                return op.name() + ":" + a.name() + ":" + (o.index() - base);
            }
            base += a.count();
        }
        throw new IllegalStateException("output " + o.index() + " of '" + op.name() + "' beyond its declared arguments");
    }
}
