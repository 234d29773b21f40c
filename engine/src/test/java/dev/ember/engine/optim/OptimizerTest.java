package dev.ember.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.nn.Linear;
import dev.ember.engine.nn.Module;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behaviour of the Optimizer base: groups, defaults, zeroGrad, skipping, run-time options. */
class OptimizerTest {

    static Tensor param(double... values) {
        return Tensor.fromArray(values, values.length).requiresGrad_(true);
    }

    @Test
    void trainsAModuleWithoutRecordingHistory() {
        Module net = new Linear(3, 1);
        Optimizer opt = new SGD(net.parameters(), 0.1).momentum(0.9);
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {-1, 0, 1}});
        Tensor y = Tensor.of(new double[][] {{1}, {0}});
        double first = 0;
        double last = 0;
        for (int i = 0; i < 30; i++) {
            opt.zeroGrad();
            Tensor loss = net.forward(x).sub(y).pow(2).mean();
            loss.backward();
            opt.step();
            last = loss.item();
            first = i == 0 ? last : first;
        }
        assertThat(last).isLessThan(first / 10);
        for (Tensor p : net.parameters()) {
            assertThat(p.isLeaf()).isTrue();
            assertThat(p.gradFn()).isNull();
            assertThat(p.requiresGrad()).isTrue();
        }
    }

    @Test
    void zeroGradSetsToNoneByDefaultOrZerosInPlace() {
        Tensor p = param(1, 2);
        Optimizer opt = new SGD(List.of(p), 0.1);
        p.setGrad(Tensor.fromArray(new double[] {3, 4}, 2));
        Tensor grad = p.grad();
        opt.zeroGrad(false);
        assertThat(p.grad()).isSameAs(grad);
        assertThat(grad.toDoubleArray()).containsExactly(0, 0);
        opt.zeroGrad();
        assertThat(p.grad()).isNull();
    }

    @Test
    void parametersWithoutGradientAreSkipped() {
        Tensor a = param(1, 2);
        Tensor b = param(3, 4);
        Optimizer opt = new Adam(List.of(a, b), 0.1);
        a.setGrad(Tensor.fromArray(new double[] {1, 1}, 2));
        opt.step();
        assertThat(b.toDoubleArray()).containsExactly(3, 4);
        assertThat(opt.state(b)).isEmpty();
        assertThat(opt.state(a).get("step")).isEqualTo(1L);
        assertThat(a.toDoubleArray()[0]).isLessThan(1);
    }

    @Test
    void fluentDefaultsReachGroupsThatDidNotSetTheOption() {
        Tensor a = param(1);
        Tensor b = param(2);
        SGD opt = new SGD(List.of(ParamGroup.of(a), ParamGroup.of(b).lr(0.01).set("momentum", 0.5)), 0.1)
                .momentum(0.9).weightDecay(1e-4);
        assertThat(opt.paramGroups().get(0).options()).containsEntry("lr", 0.1).containsEntry("momentum", 0.9)
                .containsEntry("weight_decay", 1e-4);
        assertThat(opt.paramGroups().get(1).options()).containsEntry("lr", 0.01).containsEntry("momentum", 0.5)
                .containsEntry("weight_decay", 1e-4);
        assertThat(opt.defaults()).containsEntry("momentum", 0.9).containsEntry("nesterov", false);
        // A group added later takes the current defaults.
        Tensor c = param(3);
        opt.addParamGroup(ParamGroup.of(c));
        assertThat(opt.paramGroups().get(2).options()).containsEntry("lr", 0.1).containsEntry("momentum", 0.9);
    }

    @Test
    void learningRateChangesTakeEffectAtRunTime() {
        Tensor p = param(1.0);
        Optimizer opt = new SGD(List.of(p), 0.1);
        p.setGrad(Tensor.fromArray(new double[] {1}, 1));
        opt.step();
        opt.paramGroups().get(0).lr(0.5);
        opt.step();
        assertThat(p.toDoubleArray()[0]).isEqualTo(1 - 0.1 - 0.5);
    }

    @Test
    void stepWithClosureEvaluatesTheLoss() {
        Tensor p = param(2.0);
        Optimizer opt = new SGD(List.of(p), 0.25);
        Tensor loss = opt.step(() -> {
            opt.zeroGrad();
            Tensor l = p.pow(2).sum();
            l.backward();
            return l;
        });
        assertThat(loss.item()).isEqualTo(4.0);
        assertThat(p.toDoubleArray()[0]).isEqualTo(2.0 - 0.25 * 4.0);
    }

    @Test
    void printsLikePyTorch() {
        Optimizer opt = new SGD(List.of(param(1)), 0.1).momentum(0.9);
        assertThat(opt.toString()).isEqualTo("SGD (\nParameter Group 0\n    dampening: 0.0\n    lr: 0.1\n"
                + "    maximize: False\n    momentum: 0.9\n    nesterov: False\n    weight_decay: 0.0\n)");
    }

    @Test
    void adagradStateStartsAtTheInitialAccumulator() {
        Tensor p = param(1, 2);
        Optimizer opt = new Adagrad(List.of(p)).initialAccumulatorValue(0.5);
        p.setGrad(Tensor.fromArray(new double[] {1, 2}, 2));
        opt.step();
        Map<String, Object> s = opt.state(p);
        assertThat(((Tensor) s.get("sum")).toDoubleArray()).containsExactly(1.5, 4.5);
        assertThat(s.get("step")).isEqualTo(1L);
    }

    @Test
    void float32GradientOnFloat64ParameterIsAccepted() {
        Tensor p = param(1, 2);
        Optimizer opt = new SGD(List.of(p), 1.0);
        p.setGrad(Tensor.of(0.5f, 0.25f));
        opt.step();
        assertThat(p.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(p.toDoubleArray()).containsExactly(0.5, 1.75);
    }

    @Test
    void schedulerAndOptimizerInATrainingLoop() {
        Tensor p = param(1.0);
        Optimizer opt = new SGD(List.of(p), 1.0);
        StepLR sched = new StepLR(opt, 2, 0.5);
        assertThat(sched.getLastLr()).containsExactly(1.0);
        assertThat(opt.paramGroups().get(0).getDouble("initial_lr")).isEqualTo(1.0);
        double[] lrs = new double[5];
        for (int i = 0; i < 5; i++) {
            p.setGrad(Tensor.fromArray(new double[] {1}, 1));
            opt.step();
            sched.step();
            lrs[i] = sched.getLastLr().get(0);
        }
        assertThat(lrs).containsExactly(1.0, 0.5, 0.5, 0.25, 0.25);
        assertThat(sched.lastEpoch()).isEqualTo(5);
        assertThat(p.toDoubleArray()[0]).isEqualTo(1.0 - 1 - 1 - 0.5 - 0.5 - 0.25);
    }
}
