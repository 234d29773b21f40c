package dev.ember.parity;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;

/**
 * A {@link TfSide} running a SavedModel signature on the real runtime: inputs are fed by signature
 * key (the case's input names must be the signature's input keys), every signature output is
 * returned under its key. {@link #withGradients} adds {@code Graph.addGradients} of one output with
 * respect to some inputs; {@link #withIntermediate} fetches graph tensors for localisation.
 */
public final class TfSavedModelSide implements TfSide, AutoCloseable {
    private final SavedModelBundle bundle;
    private final Signature signature;
    private final Map<String, String> fetches = new LinkedHashMap<>();
    private final Map<String, Output<?>> gradients = new LinkedHashMap<>();
    private final Map<String, String> intermediates = new LinkedHashMap<>();

    private TfSavedModelSide(SavedModelBundle bundle, Signature signature) {
        this.bundle = bundle;
        this.signature = signature;
        signature.getOutputs().forEach((key, d) -> fetches.put(key, d.name));
    }

    /** Loads the SavedModel at {@code dir} with {@code tags} (default {@code serve}) and picks {@code signatureKey}. */
    public static TfSavedModelSide load(Path dir, String signatureKey, String... tags) {
        SavedModelBundle bundle = tags.length == 0 ? SavedModelBundle.load(dir.toString())
                : SavedModelBundle.load(dir.toString(), tags);
        try {
            List<Signature> sigs = bundle.signatures();
            for (Signature s : sigs) {
                if (s.key().equals(signatureKey)) {
                    return new TfSavedModelSide(bundle, s);
                }
            }
            throw new IllegalArgumentException("TfSavedModelSide: " + dir + " has no signature '" + signatureKey
                    + "'; it has " + sigs.stream().map(Signature::key).toList());
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    /** The signature run. */
    public Signature signature() {
        return signature;
    }

    /**
     * Also returns the gradients of the signature output {@code scalarKey} with respect to the
     * signature inputs {@code inputKeys}, as {@code d<scalarKey>/d<inputKey>}.
     */
    public TfSavedModelSide withGradients(String scalarKey, String... inputKeys) {
        Signature.TensorDescription y = signature.getOutputs().get(scalarKey);
        if (y == null) {
            throw new IllegalArgumentException("TfSavedModelSide.withGradients: no signature output '" + scalarKey
                    + "'; outputs: " + signature.outputNames());
        }
        Output<?>[] xs = new Output<?>[inputKeys.length];
        for (int i = 0; i < xs.length; i++) {
            Signature.TensorDescription x = signature.getInputs().get(inputKeys[i]);
            if (x == null) {
                throw new IllegalArgumentException("TfSavedModelSide.withGradients: no signature input '" + inputKeys[i]
                        + "'; inputs: " + signature.inputNames());
            }
            xs[i] = bundle.graph().outputOrThrow(x.name);
        }
        Output<?>[] grads = bundle.graph().addGradients(bundle.graph().outputOrThrow(y.name), xs);
        for (int i = 0; i < xs.length; i++) {
            gradients.put(Parity.gradientName(scalarKey, inputKeys[i]), grads[i]);
        }
        return this;
    }

    /** Fetches the graph tensor {@code tensorName} (e.g. {@code dense_1/Relu:0}) as intermediate {@code name}; call in layer order. */
    public TfSavedModelSide withIntermediate(String name, String tensorName) {
        bundle.graph().outputOrThrow(tensorName);
        intermediates.put(name, tensorName);
        return this;
    }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> inputs) {
        Session.Runner runner = feed(inputs);
        fetches.values().forEach(runner::fetch);
        gradients.values().forEach(runner::fetch);
        Result r = runner.run();   // tensors handed to the harness, which closes them
        Map<String, Tensor> out = new LinkedHashMap<>();
        int i = 0;
        for (String key : fetches.keySet()) {
            out.put(key, r.get(i++));
        }
        for (String key : gradients.keySet()) {
            out.put(key, r.get(i++));
        }
        return out;
    }

    @Override
    public Map<String, Tensor> intermediates(Map<String, Tensor> inputs) {
        if (intermediates.isEmpty()) {
            return Map.of();
        }
        Session.Runner runner = feed(inputs);
        intermediates.values().forEach(runner::fetch);
        Result r = runner.run();
        Map<String, Tensor> out = new LinkedHashMap<>();
        int i = 0;
        for (String key : intermediates.keySet()) {
            out.put(key, r.get(i++));
        }
        return out;
    }

    private Session.Runner feed(Map<String, Tensor> inputs) {
        Map<String, Signature.TensorDescription> in = signature.getInputs();
        if (!in.keySet().equals(inputs.keySet())) {
            throw new IllegalArgumentException("TfSavedModelSide: signature '" + signature.key() + "' takes inputs "
                    + in.keySet() + ", the case declares " + inputs.keySet());
        }
        Session.Runner runner = bundle.session().runner();
        inputs.forEach((key, t) -> runner.feed(in.get(key).name, t));
        return runner;
    }

    @Override
    public void close() {
        bundle.close();
    }
}
