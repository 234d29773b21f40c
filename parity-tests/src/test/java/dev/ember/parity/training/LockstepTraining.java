package dev.ember.parity.training;

import dev.ember.engine.Tensor;
import dev.ember.engine.nn.Sequential;
import dev.ember.engine.optim.Optimizer;
import dev.ember.parity.EngineSide;
import dev.ember.parity.Layout;
import dev.ember.parity.Parity;
import dev.ember.parity.ParityResult;
import dev.ember.parity.TensorComparison;
import dev.ember.parity.TolerancePolicy;
import dev.ember.parity.models.ModelCase;
import dev.ember.parity.models.TfModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * TF and the engine trained side by side from the same imported weights on the same batches: one TF
 * session step (the optimizer's apply ops) and one engine step ({@code zeroGrad}, forward, loss,
 * {@code backward}, {@code step}) at a time, then a {@link Parity} case comparing the loss of that step,
 * every weight and every optimizer slot ({@code Momentum} = {@code momentum_buffer}, {@code Adam} =
 * {@code exp_avg}, {@code Adam_1} = {@code exp_avg_sq}), mapped through the import's layouts.
 * Step 0 compares the weights as imported, before any update.
 */
final class LockstepTraining {

    /** One batch in both layouts. */
    record Batch(org.tensorflow.Tensor tfX, org.tensorflow.Tensor tfTarget, Tensor x, Tensor target) {
    }

    /** The comparison after each step (index 0: before training) and the two losses of each step. */
    record Run(List<ParityResult> steps, List<Double> tfLoss, List<Double> engineLoss) {
        /** Max abs error over weights and slots after each step, step 0 first. */
        List<Double> weightCurve() {
            List<Double> out = new ArrayList<>();
            for (ParityResult r : steps) {
                out.add(r.comparisons().stream().filter(c -> !c.name().equals("loss"))
                        .mapToDouble(TensorComparison::maxAbsError).max().orElse(0));
            }
            return out;
        }

        /** |loss_tf - loss_engine| per step (step 1 first). */
        List<Double> lossCurve() {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < tfLoss.size(); i++) {
                out.add(Math.abs(tfLoss.get(i) - engineLoss.get(i)));
            }
            return out;
        }

        ParityResult last() {
            return steps.get(steps.size() - 1);
        }
    }

    private static final Map<String, String> ENGINE_STATE = Map.of("Momentum", "momentum_buffer", "Adam", "exp_avg",
            "Adam_1", "exp_avg_sq");

    private final String name;
    private final ModelCase tf;
    private final Sequential model;
    private final Optimizer optimizer;
    private final Map<String, Tensor> params;
    private final Map<String, Layout> layouts;
    private final TolerancePolicy policy;

    LockstepTraining(String name, ModelCase tf, Sequential model, ModelCase.ImportedParameters imported,
            Optimizer optimizer, TolerancePolicy policy) {
        this.name = name;
        this.tf = tf;
        this.model = model;
        this.optimizer = optimizer;
        this.params = imported.parameters();
        this.layouts = imported.layouts();
        this.policy = policy;
    }

    /** Trains on {@code batches}; {@code beforeEngineStep} gets the step number (1-based) before each engine step. */
    Run run(List<Batch> batches, IntConsumer beforeEngineStep) {
        List<ParityResult> steps = new ArrayList<>();
        List<Double> tfLoss = new ArrayList<>();
        List<Double> engineLoss = new ArrayList<>();
        steps.add(compare(0, Float.NaN, null));
        TfModel m = tf.tfModel();
        model.train();
        for (int k = 1; k <= batches.size(); k++) {
            Batch b = batches.get(k - 1);
            float lossTf;
            try (Result r = tf.session().runner().feed(m.x(), b.tfX()).feed(m.target(), b.tfTarget())
                    .addTarget(tf.optimizer().step()).fetch(m.loss()).run()) {
                lossTf = ((TFloat32) r.get(0)).getFloat();
            }
            beforeEngineStep.accept(k);
            optimizer.zeroGrad();
            Tensor loss = tf.spec().engineLoss(model.forward(b.x()), b.target());
            loss.backward();
            optimizer.step();
            tfLoss.add((double) lossTf);
            engineLoss.add(loss.item());
            steps.add(compare(k, lossTf, loss.detach()));
        }
        return new Run(steps, tfLoss, engineLoss);
    }

    /** The state after step {@code k}: the step's loss (none at step 0), weights and slots. */
    private ParityResult compare(int k, float lossTf, Tensor lossEngine) {
        Map<String, Operand<TFloat32>> tfTensors = new LinkedHashMap<>();
        Map<String, Tensor> engineTensors = new LinkedHashMap<>();
        Map<String, Layout> tensorLayouts = new LinkedHashMap<>();
        for (Map.Entry<String, Variable<TFloat32>> v : tf.tfModel().trainableVariables().entrySet()) {
            String var = v.getKey();
            Tensor p = params.get(var);
            tfTensors.put(var, v.getValue());
            engineTensors.put(var, p);
            tensorLayouts.put(var, layouts.get(var));
            if (k == 0) {
                continue;
            }
            for (Map.Entry<String, Variable<TFloat32>> slot : tf.optimizer().slots().get(var).entrySet()) {
                String n = var + "/" + slot.getKey();
                tfTensors.put(n, slot.getValue());
                engineTensors.put(n, (Tensor) optimizer.state(p).get(ENGINE_STATE.get(slot.getKey())));
                tensorLayouts.put(n, layouts.get(var));
            }
        }
        Parity.Builder c = Parity.named(k == 0 ? name + " (imported, before training)" : name + " after step " + k)
                .tolerance(policy)
                .tf(in -> fetch(tf.session(), tfTensors, lossTf))
                .engine(EngineSide.of(in -> {
                    Map<String, Tensor> out = new LinkedHashMap<>();
                    if (lossEngine != null) {
                        out.put("loss", lossEngine);
                    }
                    engineTensors.forEach((n, t) -> out.put(n, t.detach()));
                    return out;
                }));
        tensorLayouts.forEach(c::layout);
        return c.run();
    }

    private static Map<String, org.tensorflow.Tensor> fetch(Session s, Map<String, Operand<TFloat32>> tensors,
            float loss) {
        Session.Runner runner = s.runner();
        tensors.values().forEach(runner::fetch);
        Result r = runner.run();   // not closed: the harness copies and closes each tensor
        Map<String, org.tensorflow.Tensor> out = new LinkedHashMap<>();
        if (!Float.isNaN(loss)) {
            out.put("loss", TFloat32.scalarOf(loss));
        }
        int i = 0;
        for (String n : tensors.keySet()) {
            out.put(n, r.get(i++));
        }
        return out;
    }
}
