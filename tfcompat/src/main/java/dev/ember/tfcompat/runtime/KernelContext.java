package dev.ember.tfcompat.runtime;

import dev.ember.engine.Tensor;
import dev.ember.tfcompat.GraphOperation;
import org.tensorflow.proto.DataType;

/** What a kernel sees at run time: the node's attributes, its input values, session and run state. */
public final class KernelContext extends Attrs {
    private final GraphOperation op;
    private final Value[] inputs;
    private final SessionState session;
    private final RunState run;

    public KernelContext(GraphOperation op, Value[] inputs, SessionState session, RunState run) {
        super(op.name(), op.type(), op.attrMap());
        this.op = op;
        this.inputs = inputs;
        this.session = session;
        this.run = run;
    }

    public GraphOperation op() {
        return op;
    }

    public int numInputs() {
        return inputs.length;
    }

    /** Input {@code i} as it arrived (a tensor, strings, a variable reference or a resource). */
    public Value value(int i) {
        return inputs[i];
    }

    /** Input {@code i} as an engine tensor (variable references are read now). */
    public Tensor input(int i) {
        return run.read(inputs[i]);
    }

    /** TF shape of input {@code i}, without reading a layout conversion or (for a variable) creating a gradient leaf. */
    public long[] inputShape(int i) {
        Value v = inputs[i];
        return v.isRef() || v.isResource() ? v.slot().read().shape() : v.shape();
    }

    /**
     * Input {@code i}, a rank-4 NHWC tensor, in NCHW for the engine's kernels: as stored when it is
     * NCHW-laid, else permuted (once per value). See {@link LayoutPass}.
     */
    public Tensor nchw(int i) {
        Value v = inputs[i];
        return v.isRef() || v.isResource() ? LayoutPass.toNchw(run.read(v)) : v.nchwOfNhwc();
    }

    /**
     * Output {@code i}, an NHWC tensor computed as the NCHW tensor {@code nchw}: kept NCHW-laid when the
     * session runs the layout pass, else converted to NHWC now.
     */
    public Value nchwOutput(Tensor nchw, int i) {
        return session.layoutOptimizer() ? Value.nchw(nchw, outputType(i)) : Value.of(LayoutPass.toNhwc(nchw), outputType(i));
    }

    /** TF type of input {@code i}. */
    public DataType inputType(int i) {
        return op.input(i).dataType();
    }

    /** TF type of output {@code i}. */
    public DataType outputType(int i) {
        return op.output(i).dataType();
    }

    public SessionState session() {
        return session;
    }

    public RunState run() {
        return run;
    }

    /** Output 0 as a tensor value of the node's declared output type. */
    public Value[] single(Tensor t) {
        return new Value[] {Value.of(t, outputType(0))};
    }
}
