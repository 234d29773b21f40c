package dev.ember.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class OptimizerStateDictTest {

    /** Two parameters in two groups; the second group has its own lr. */
    static Optimizer make(String kind, Tensor w, Tensor b) {
        List<ParamGroup> groups = List.of(ParamGroup.of(w), ParamGroup.of(b).lr(0.02));
        return switch (kind) {
            case "SGD" -> new SGD(groups, 0.05).momentum(0.9).nesterov(true).weightDecay(0.01);
            case "Adam" -> new Adam(groups, 0.05).amsgrad(true).weightDecay(0.01);
            case "AdamW" -> new AdamW(groups, 0.05).amsgrad(true);
            case "RMSprop" -> new RMSprop(groups, 0.01).centered(true).momentum(0.5);
            case "Adagrad" -> new Adagrad(groups, 0.1).lrDecay(0.1).initialAccumulatorValue(0.1);
            default -> throw new AssertionError(kind);
        };
    }

    static Tensor w0() {
        return Tensor.fromArray(new double[] {0.5, -1.0, 1.5, 0.25, -0.75, 2.0}, 3, 2).requiresGrad_(true);
    }

    static Tensor b0() {
        return Tensor.fromArray(new double[] {0.1, -0.2}, 2).requiresGrad_(true);
    }

    static void train(Optimizer opt, Tensor w, Tensor b, int steps) {
        Tensor x = Tensor.fromArray(new double[] {1, 2, -1, 0.5, 0, 1, 3, -2, 1, 1, 1, 1}, 4, 3);
        for (int i = 0; i < steps; i++) {
            opt.zeroGrad();
            x.matmul(w).add(b).tanh().sub(0.3).pow(2).sum().add(w.pow(4).sum().mul(0.1)).backward();
            opt.step();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SGD", "Adam", "AdamW", "RMSprop", "Adagrad"})
    void resumingFromAStateDictEqualsUninterruptedTraining(String kind) {
        Tensor w = w0();
        Tensor b = b0();
        Optimizer straight = make(kind, w, b);
        train(straight, w, b, 8);

        Tensor w1 = w0();
        Tensor b1 = b0();
        Optimizer first = make(kind, w1, b1);
        train(first, w1, b1, 4);
        Map<String, Object> saved = first.stateDict();
        train(first, w1, b1, 3); // the snapshot must not follow later training

        Tensor w2 = Tensor.fromArray(new double[6], 3, 2).requiresGrad_(true);
        Tensor b2 = Tensor.fromArray(new double[2], 2).requiresGrad_(true);
        Optimizer resumed = make(kind, w2, b2);
        resumed.paramGroups().get(1).lr(0.5); // overwritten by the loaded group options
        resumed.loadStateDict(saved);
        // Parameters come from the model's own state dict in real use; here: the values after 4 steps.
        Tensor w4 = w0();
        Tensor b4 = b0();
        Optimizer four = make(kind, w4, b4);
        train(four, w4, b4, 4);
        w2.setData(w4.detach().clone());
        b2.setData(b4.detach().clone());
        train(resumed, w2, b2, 4);

        assertThat(w2.toDoubleArray()).containsExactly(w.toDoubleArray());
        assertThat(b2.toDoubleArray()).containsExactly(b.toDoubleArray());
        assertThat(resumed.paramGroups().get(1).lr()).isEqualTo(0.02);
        assertThat(w2.toDoubleArray()).isNotEqualTo(w0().toDoubleArray());
    }

    @Test
    void layoutIsPyTorchs() {
        Tensor w = w0();
        Tensor b = b0();
        Optimizer opt = make("Adam", w, b);
        train(opt, w, b, 2);
        Map<String, Object> sd = opt.stateDict();
        assertThat(sd.keySet()).containsExactly("type", "state", "param_groups");
        assertThat(sd.get("type")).isEqualTo("Adam");
        Map<Object, Object> state = (Map<Object, Object>) sd.get("state");
        assertThat(state.keySet()).containsExactly(0, 1);
        Map<Object, Object> s1 = (Map<Object, Object>) state.get(1);
        assertThat(s1.keySet()).containsExactly("step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq");
        assertThat(s1.get("step")).isEqualTo(2L);
        assertThat(((Tensor) s1.get("exp_avg")).shape()).containsExactly(2);
        List<?> groups = (List<?>) sd.get("param_groups");
        Map<?, ?> g1 = (Map<?, ?>) groups.get(1);
        assertThat(g1.get("params")).isEqualTo(List.of(1));
        assertThat(g1.get("lr")).isEqualTo(0.02);
        assertThat(g1.get("betas")).isEqualTo(List.of(0.9, 0.999));
        assertThat(((Map<?, ?>) groups.get(0)).get("params")).isEqualTo(List.of(0));
        // Snapshot: changing the returned tensors does not touch the optimizer.
        ((Tensor) s1.get("exp_avg")).zero_();
        assertThat(((Tensor) opt.state(b).get("exp_avg")).toDoubleArray()).isNotEqualTo(new double[2]);
    }

    @Test
    void loadsSerialisedFormsStringIndicesAndTensorSteps() {
        Tensor w = w0();
        Tensor b = b0();
        Optimizer opt = make("Adam", w, b);
        train(opt, w, b, 3);
        Map<String, Object> sd = opt.stateDict();
        // What a file round trip may give back: string keys, Integer numbers, a 0-d tensor step (PyTorch's form).
        Map<String, Object> state = new LinkedHashMap<>();
        ((Map<?, ?>) sd.get("state")).forEach((k, v) -> {
            Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) v);
            s.put("step", Tensor.scalar(3.0));
            state.put(String.valueOf(k), s);
        });
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Object g : (List<?>) sd.get("param_groups")) {
            Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) g);
            m.put("weight_decay", 0);
            groups.add(m);
        }
        Map<String, Object> file = Map.of("type", "Adam", "state", state, "param_groups", groups);
        Tensor w2 = w0();
        Tensor b2 = b0();
        Optimizer other = make("Adam", w2, b2);
        other.loadStateDict(file);
        assertThat(other.state(w2).get("step")).isEqualTo(3L);
        assertThat(other.paramGroups().get(0).getDouble("weight_decay")).isZero();
    }

    @Test
    void floatingStateIsCastToTheParameterDtype() {
        Tensor w = w0();
        Tensor b = b0();
        Optimizer opt = make("SGD", w, b);
        train(opt, w, b, 1);
        Map<String, Object> sd = opt.stateDict();
        Tensor wf = Tensor.zeros(3, 2).requiresGrad_(true);
        Tensor bf = Tensor.zeros(2).requiresGrad_(true);
        Optimizer f32 = make("SGD", wf, bf);
        f32.loadStateDict(sd);
        assertThat(((Tensor) f32.state(wf).get("momentum_buffer")).dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void loadingAnotherOptimizersStateNamesBothTypes() {
        Tensor w = w0();
        Tensor b = b0();
        Optimizer adam = make("Adam", w, b);
        train(adam, w, b, 1);
        Optimizer sgd = make("SGD", w0(), b0());
        assertThatThrownBy(() -> sgd.loadStateDict(adam.stateDict()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SGD.loadStateDict: the state dict was saved from optimizer Adam, this optimizer is SGD");
        Map<String, Object> untyped = new LinkedHashMap<>(adam.stateDict());
        untyped.remove("type");
        assertThatThrownBy(() -> make("Adam", w0(), b0()).loadStateDict(untyped))
                .hasMessageContaining("saved from an optimizer of unknown type (no \"type\" entry)");
    }

    @Test
    void groupAndParameterCountsAndShapesMustMatch() {
        Tensor w = w0();
        Tensor b = b0();
        Optimizer adam = make("Adam", w, b);
        train(adam, w, b, 1);
        Map<String, Object> sd = adam.stateDict();

        Optimizer oneGroup = new Adam(List.of(w0(), b0()));
        assertThatThrownBy(() -> oneGroup.loadStateDict(sd)).hasMessage("Adam.loadStateDict: loaded state dict has a "
                + "different number of parameter groups (2) than the optimizer (1)");

        Optimizer bigger = new Adam(List.of(ParamGroup.of(w0()), ParamGroup.of(b0(), Tensor.zeros(1).requiresGrad_(true))));
        assertThatThrownBy(() -> bigger.loadStateDict(sd)).hasMessage("Adam.loadStateDict: loaded state dict contains "
                + "a parameter group that doesn't match the size of optimizer's group: group 1 has 2 parameters, the "
                + "saved one 1");

        Tensor wrongShape = Tensor.zeros(DType.FLOAT64, 2, 3).requiresGrad_(true);
        Optimizer shaped = new Adam(List.of(ParamGroup.of(wrongShape), ParamGroup.of(b0())));
        shaped.paramGroups().get(1).lr(0.7);
        assertThatThrownBy(() -> shaped.loadStateDict(sd)).hasMessage("Adam.loadStateDict: state 'exp_avg' of "
                + "parameter 0 has shape [3, 2] but the parameter has shape [2, 3]");
        // Nothing was loaded: the group keeps its own lr and there is no state.
        assertThat(shaped.paramGroups().get(1).lr()).isEqualTo(0.7);
        assertThat(shaped.state(wrongShape)).isEmpty();

        Map<String, Object> badIndex = new LinkedHashMap<>(sd);
        badIndex.put("state", Map.of(5, Map.of("step", 1L)));
        assertThatThrownBy(() -> make("Adam", w0(), b0()).loadStateDict(badIndex))
                .hasMessage("Adam.loadStateDict: state for parameter index 5 but the optimizer has 2 parameters");

        Map<String, Object> badOption = new LinkedHashMap<>(sd);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Object g : (List<?>) sd.get("param_groups")) {
            groups.add(new LinkedHashMap<>((Map<String, Object>) g));
        }
        groups.get(0).put("lr", -1.0);
        badOption.put("param_groups", groups);
        assertThatThrownBy(() -> make("Adam", w0(), b0()).loadStateDict(badOption))
                .hasMessage("Adam: Invalid learning rate: lr=-1.0 (must be >= 0)");
    }

    @Test
    void schedulerStateRoundTripsAndChecksItsType() {
        Function<Optimizer, OneCycleLR> sched = o -> new OneCycleLR(o, 0.1, 20);
        Optimizer a = new Adam(List.of(w0()));
        OneCycleLR straight = sched.apply(a);
        List<List<Double>> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            straight.step();
            expected.add(List.of(a.paramGroups().get(0).lr(), a.paramGroups().get(0).getDoubles("betas")[0]));
        }

        Optimizer b = new Adam(List.of(w0()));
        OneCycleLR first = sched.apply(b);
        for (int i = 0; i < 8; i++) {
            first.step();
        }
        Map<String, Object> optState = b.stateDict();
        Map<String, Object> schedState = first.stateDict();

        Optimizer c = new Adam(List.of(w0()));
        OneCycleLR resumed = new OneCycleLR(c, 0.9, OneCycleLR.options().totalSteps(5).annealStrategy("linear"));
        c.loadStateDict(optState); // group options (lr, betas, initial_lr, max_lr, ...) come with the optimizer
        resumed.loadStateDict(schedState);
        for (int i = 8; i < 20; i++) {
            resumed.step();
            assertThat(List.of(c.paramGroups().get(0).lr(), c.paramGroups().get(0).getDoubles("betas")[0]))
                    .as("step %d", i).isEqualTo(expected.get(i));
        }
        assertThatThrownBy(() -> new StepLR(new SGD(List.of(w0()), 0.1), 3).loadStateDict(schedState))
                .hasMessage("StepLR.loadStateDict: the state dict was saved from scheduler OneCycleLR, this scheduler "
                        + "is StepLR");
    }

    @Test
    void plateauStateRoundTrips() {
        Optimizer a = new SGD(List.of(w0()), 0.1);
        ReduceLROnPlateau p = new ReduceLROnPlateau(a, ReduceLROnPlateau.options().patience(1).cooldown(1));
        double[] metrics = {1, 0.9, 0.95, 0.95, 0.97, 0.96, 0.99, 0.98, 0.97};
        for (int i = 0; i < 4; i++) {
            p.step(metrics[i]);
        }
        Optimizer b = new SGD(List.of(w0()), 0.1);
        b.loadStateDict(a.stateDict());
        ReduceLROnPlateau q = new ReduceLROnPlateau(b);
        q.loadStateDict(p.stateDict());
        for (int i = 4; i < metrics.length; i++) {
            p.step(metrics[i]);
            q.step(metrics[i]);
            assertThat(q.getLastLr()).isEqualTo(p.getLastLr());
        }
        assertThat(q.getLastLr().get(0)).isLessThan(0.01);
    }
}
