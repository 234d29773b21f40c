package dev.ember.tfcompat.legacy;

/** Adds one operation to a legacy {@link Graph}; mirrors libtensorflow 1.15's {@code org.tensorflow.GraphOperationBuilder}. */
public final class GraphOperationBuilder implements OperationBuilder {
    private final Graph graph;
    private final dev.ember.tfcompat.GraphOperationBuilder modern;

    GraphOperationBuilder(Graph graph, dev.ember.tfcompat.GraphOperationBuilder modern) {
        this.graph = graph;
        this.modern = modern;
    }

    @Override
    public GraphOperation build() {
        try {
            return graph.wrap(modern.build());
        } catch (RuntimeException e) {
            throw LegacyErrors.map(e);
        }
    }

    @Override
    public GraphOperationBuilder addControlInput(Operation control) {
        modern.addControlInput(graph.own(control).modern());
        return this;
    }

    @Override
    public GraphOperationBuilder addInput(Output<?> input) {
        graph.own(input.op());
        modern.addInput(input.modern());
        return this;
    }

    @Override
    public GraphOperationBuilder addInputList(Output<?>[] inputs) {
        for (Output<?> o : inputs) {
            addInput(o);
        }
        return this;
    }

    @Override
    public GraphOperationBuilder setDevice(String device) {
        modern.setDevice(device);
        return this;
    }

    @Override
    public GraphOperationBuilder setAttr(String name, String value) {
        modern.setAttr(name, value);
        return this;
    }

    @Override
    public GraphOperationBuilder setAttr(String name, byte[] value) {
        modern.setAttr(name, value);
        return this;
    }

    @Override
    public GraphOperationBuilder setAttr(String name, long value) {
        modern.setAttr(name, value);
        return this;
    }

    @Override
    public GraphOperationBuilder setAttr(String name, long[] value) {
        modern.setAttr(name, value);
        return this;
    }

    @Override
    public GraphOperationBuilder setAttr(String name, float value) {
        modern.setAttr(name, value);
        return this;
    }

    @Override
    public GraphOperationBuilder setAttr(String name, float[] value) {
        modern.setAttr(name, value);
        return this;
    }

    @Override
    public GraphOperationBuilder setAttr(String name, boolean value) {
        modern.setAttr(name, value);
        return this;
    }

    @Override
    public GraphOperationBuilder setAttr(String name, boolean[] value) {
        modern.setAttr(name, value);
        return this;
    }

    @Override
    public GraphOperationBuilder setAttr(String name, DataType value) {
        modern.setAttr(name, value.proto());
        return this;
    }

    @Override
    public GraphOperationBuilder setAttr(String name, DataType[] value) {
        org.tensorflow.proto.DataType[] t = new org.tensorflow.proto.DataType[value.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = value[i].proto();
        }
        modern.setAttr(name, t);
        return this;
    }

    @Override
    public GraphOperationBuilder setAttr(String name, Tensor<?> value) {
        modern.setAttr(name, value.toModern());
        return this;
    }

    @Override
    public GraphOperationBuilder setAttr(String name, Tensor<?>[] value) {
        dev.ember.tfcompat.Tensor[] t = new dev.ember.tfcompat.Tensor[value.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = value[i].toModern();
        }
        modern.setAttr(name, t);
        return this;
    }

    @Override
    public GraphOperationBuilder setAttr(String name, Shape value) {
        modern.setAttr(name, value.toModern());
        return this;
    }

    @Override
    public GraphOperationBuilder setAttr(String name, Shape[] value) {
        org.tensorflow.ndarray.Shape[] s = new org.tensorflow.ndarray.Shape[value.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = value[i].toModern();
        }
        modern.setAttr(name, s);
        return this;
    }

    @Override
    public GraphOperationBuilder setAttr(String name, String[] value) {
        modern.setAttr(name, value);
        return this;
    }
}
