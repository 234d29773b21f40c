package dev.ember.tfcompat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link Signature} bound to a {@link Session}: {@code call(Map)} feeds the inputs by name and
 * fetches the outputs by name; mirrors {@code org.tensorflow.SessionFunction}. Does not initialize
 * the session (it may be shared).
 */
public class SessionFunction implements TensorFunction {
    private final Signature signature;
    private final Session session;

    /** Checks that every input and output names a tensor of the session's graph with the declared type. */
    public SessionFunction(Signature signature, Session session) {
        this.signature = signature;
        this.session = session;
        signature.getInputs().forEach((name, d) -> validate(d, session.graph(), name, "Input"));
        signature.getOutputs().forEach((name, d) -> validate(d, session.graph(), name, "Output"));
    }

    public static SessionFunction create(Signature signature, Session session) {
        return new SessionFunction(signature, session);
    }

    @Override
    public Signature signature() {
        return signature;
    }

    public Session session() {
        return session;
    }

    /** The same signature over another session. */
    public SessionFunction withNewSession(Session session) {
        return new SessionFunction(signature, session);
    }

    /** Exports this function as a SavedModel in {@code exportDir}; mirrors {@code SessionFunction.save}. */
    public void save(String exportDir) throws java.io.IOException {
        SavedModelBundle.exporter(exportDir).withFunction(this).export();
    }

    @Override
    public Result call(Map<String, Tensor> arguments) {
        Session.Runner runner = session.runner();
        signature.getInputs().forEach((name, d) -> {
            if (!arguments.containsKey(name)) {
                throw new IllegalArgumentException("No argument found for parameter \"" + name + "\" of function \""
                        + signature.key() + "\" (its inputs: " + signature.inputNames() + ")");
            }
            Tensor value = arguments.get(name);
            if (value == null) {
                throw new IllegalArgumentException("Can't pass null as an argument to a function.  Argument \""
                        + name + "\" was null.");
            }
            runner.feed(d.name, value);
        });
        for (String name : arguments.keySet()) {
            if (!signature.getInputs().containsKey(name)) {
                throw new IllegalArgumentException("Function \"" + signature.key() + "\" has no input \"" + name
                        + "\" (its inputs: " + signature.inputNames() + ")");
            }
        }
        signature.getOutputs().values().forEach(d -> runner.fetch(d.name));
        Result r = runner.run();
        List<Tensor> values = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            values.add(r.get(i));
        }
        // the same tensors under the signature's output names (the caller closes them)
        return new Result(new ArrayList<>(signature.outputNames()), values);
    }

    private static void validate(Signature.TensorDescription d, Graph graph, String name, String kind) {
        Output<?> o = graph.output(d.name);
        if (o == null && graph.operation(d.name) != null && graph.operation(d.name).numOutputs() == 0) {
            return;  // an op without outputs (the __saved_model_init_op marker names a NoOp)
        }
        if (o == null) {
            throw new IllegalArgumentException(kind + " \"" + name + "\" of signature names tensor '" + d.name
                    + "', which is not in the graph");
        }
        if (o.dataType() != d.dataType) {
            throw new IllegalArgumentException(kind + " \"" + name + "\" is declared " + d.dataType + " but tensor '"
                    + d.name + "' is " + o.dataType());
        }
    }
}
