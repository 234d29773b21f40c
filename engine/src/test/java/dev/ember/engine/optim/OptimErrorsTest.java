package dev.ember.engine.optim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad arguments give PyTorch's checks with messages naming the argument and the value. */
class OptimErrorsTest {

    static Tensor p() {
        return Tensor.zeros(2).requiresGrad_(true);
    }

    static List<Tensor> ps() {
        return List.of(p());
    }

    @Test
    void sgdOptions() {
        assertThatThrownBy(() -> new SGD(ps(), -0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SGD: Invalid learning rate: lr=-0.1 (must be >= 0)");
        assertThatThrownBy(() -> new SGD(ps(), Double.NaN)).hasMessage("SGD: Invalid learning rate: lr=NaN (must be >= 0)");
        assertThatThrownBy(() -> new SGD(ps(), 0.1).momentum(-0.5))
                .hasMessage("SGD: Invalid momentum value: momentum=-0.5 (must be >= 0)");
        assertThatThrownBy(() -> new SGD(ps(), 0.1).weightDecay(-1e-4))
                .hasMessage("SGD: Invalid weight_decay value: weight_decay=-1.0E-4 (must be >= 0)");
        SGD noMomentum = new SGD(ps(), 0.1).nesterov(true);
        assertThatThrownBy(noMomentum::step).hasMessage("SGD: Nesterov momentum requires a momentum and zero "
                + "dampening, but param group 0 has momentum=0.0, dampening=0.0");
        SGD dampened = new SGD(ps(), 0.1).nesterov(true).momentum(0.9).dampening(0.1);
        assertThatThrownBy(dampened::step).hasMessage("SGD: Nesterov momentum requires a momentum and zero "
                + "dampening, but param group 0 has momentum=0.9, dampening=0.1");
    }

    @Test
    void adamOptions() {
        assertThatThrownBy(() -> new Adam(ps()).betas(1.0, 0.999))
                .hasMessage("Adam: Invalid beta parameter at index 0: betas[0]=1.0 (must be in [0, 1))");
        assertThatThrownBy(() -> new Adam(ps()).betas(0.9, -0.1))
                .hasMessage("Adam: Invalid beta parameter at index 1: betas[1]=-0.1 (must be in [0, 1))");
        assertThatThrownBy(() -> new Adam(ps()).eps(-1e-8))
                .hasMessage("Adam: Invalid epsilon value: eps=-1.0E-8 (must be >= 0)");
        assertThatThrownBy(() -> new Adam(ps(), -1e-3)).hasMessage("Adam: Invalid learning rate: lr=-0.001 (must be >= 0)");
        assertThatThrownBy(() -> new AdamW(ps()).weightDecay(-0.01))
                .hasMessage("AdamW: Invalid weight_decay value: weight_decay=-0.01 (must be >= 0)");
        assertThatThrownBy(() -> new AdamW(List.of(ParamGroup.of(p()).set("betas", List.of(0.9)))))
                .hasMessage("AdamW: option 'betas' must have 2 values, got [0.9]");
    }

    @Test
    void rmspropAndAdagradOptions() {
        assertThatThrownBy(() -> new RMSprop(ps()).alpha(-0.1))
                .hasMessage("RMSprop: Invalid alpha value: alpha=-0.1 (must be >= 0)");
        assertThatThrownBy(() -> new RMSprop(ps()).momentum(-1))
                .hasMessage("RMSprop: Invalid momentum value: momentum=-1.0 (must be >= 0)");
        assertThatThrownBy(() -> new RMSprop(ps()).eps(-1))
                .hasMessage("RMSprop: Invalid epsilon value: eps=-1.0 (must be >= 0)");
        assertThatThrownBy(() -> new Adagrad(ps()).lrDecay(-0.1))
                .hasMessage("Adagrad: Invalid lr_decay value: lr_decay=-0.1 (must be >= 0)");
        assertThatThrownBy(() -> new Adagrad(ps()).initialAccumulatorValue(-1))
                .hasMessage("Adagrad: Invalid initial_accumulator_value value: initial_accumulator_value=-1.0 "
                        + "(must be >= 0)");
    }

    @Test
    void parameters() {
        assertThatThrownBy(() -> new SGD(List.<Tensor>of(), 0.1)).hasMessage("SGD: optimizer got an empty parameter list");
        assertThatThrownBy(() -> new Adam(List.<ParamGroup>of())).hasMessage("Adam: optimizer got an empty parameter list");
        assertThatThrownBy(() -> new SGD(List.of(Tensor.zeros(DType.INT64, 2)), 0.1))
                .hasMessage("SGD: can only optimize floating-point tensors, but parameter 0 of group 0 has dtype int64");
        Tensor leaf = p();
        Tensor nonLeaf = leaf.mul(2.0);
        assertThatThrownBy(() -> new SGD(List.of(leaf, nonLeaf), 0.1))
                .hasMessage("SGD: can't optimize a non-leaf Tensor (parameter 1 of group 0)");
        Tensor shared = p();
        assertThatThrownBy(() -> new SGD(List.of(ParamGroup.of(shared), ParamGroup.of(p(), shared)), 0.1))
                .hasMessage("SGD: some parameters appear in more than one parameter group (parameter 1 of group 1)");
        assertThatThrownBy(() -> new SGD(List.of(shared, shared), 0.1))
                .hasMessage("SGD: parameter 1 of group 0 appears twice in the group");
        ParamGroup g = ParamGroup.of(p());
        SGD opt = new SGD(List.of(g), 0.1);
        assertThatThrownBy(() -> opt.addParamGroup(g)).hasMessage("SGD.addParamGroup: this ParamGroup already "
                + "belongs to this optimizer");
        assertThatThrownBy(() -> new Adam(List.of(g))).hasMessage("Adam.addParamGroup: this ParamGroup already "
                + "belongs to another optimizer (SGD)");
    }

    @Test
    void groupOptions() {
        assertThatThrownBy(() -> new SGD(List.of(ParamGroup.of(p()).set("learning_rate", 0.1)), 0.1))
                .hasMessage("SGD: unknown option 'learning_rate' in param group 0 (options: lr, momentum, dampening, "
                        + "weight_decay, nesterov, maximize)");
        assertThatThrownBy(() -> new SGD(List.of(ParamGroup.of(p()).set("momentum", true)), 0.1))
                .hasMessage("SGD: option 'momentum' must be a number, got true (boolean)");
        assertThatThrownBy(() -> new SGD(List.of(ParamGroup.of(p()).lr(-2)), 0.1))
                .hasMessage("SGD: Invalid learning rate: lr=-2.0 (must be >= 0)");
        SGD opt = new SGD(ps(), 0.1);
        assertThatThrownBy(() -> opt.paramGroups().get(0).lr(-0.5))
                .hasMessage("SGD: Invalid learning rate: lr=-0.5 (must be >= 0)");
        assertThatThrownBy(() -> opt.paramGroups().get(0).set("nesterov", 1))
                .hasMessage("SGD: option 'nesterov' must be a boolean, got 1.0 (number)");
        assertThatThrownBy(() -> opt.paramGroups().get(0).get("betas"))
                .hasMessageStartingWith("ParamGroup: no option 'betas' (options: [lr, momentum,");
        assertThatThrownBy(() -> ParamGroup.of(p()).set("lr", "fast"))
                .hasMessage("option 'lr': expected a number, boolean or list of numbers, got fast (String)");
    }

    @Test
    void integerGradient() {
        Tensor x = p();
        SGD opt = new SGD(List.of(x), 0.1);
        x.setGrad(Tensor.zeros(DType.INT64, 2));
        assertThatThrownBy(opt::step).hasMessage("SGD.step: parameter 0 of group 0 has a gradient of dtype int64; "
                + "gradients must be floating point");
    }

    @Test
    void schedulers() {
        SGD opt = new SGD(ps(), 0.1);
        assertThatThrownBy(() -> new StepLR(opt, 0))
                .hasMessage("StepLR: step_size must be a positive number of epochs, got 0");
        assertThatThrownBy(() -> new CosineAnnealingLR(opt, 0))
                .hasMessage("CosineAnnealingLR: T_max must be a positive number of epochs, got 0");
        assertThatThrownBy(() -> new LambdaLR(opt, List.of(e -> 1.0, e -> 2.0)))
                .hasMessage("LambdaLR: Expected 1 lr_lambdas, but got 2");
        assertThatThrownBy(() -> new OneCycleLR(opt, 0.1, OneCycleLR.options()))
                .hasMessage("OneCycleLR: You must define either total_steps OR (epochs AND steps_per_epoch)");
        assertThatThrownBy(() -> new OneCycleLR(opt, 0.1, 0))
                .hasMessage("OneCycleLR: Expected positive integer total_steps, but got 0");
        assertThatThrownBy(() -> new OneCycleLR(opt, 0.1, OneCycleLR.options().epochs(0).stepsPerEpoch(3)))
                .hasMessage("OneCycleLR: Expected positive integer epochs, but got 0");
        assertThatThrownBy(() -> new OneCycleLR(opt, 0.1, OneCycleLR.options().totalSteps(10).pctStart(1.5)))
                .hasMessage("OneCycleLR: Expected float between 0 and 1 pct_start, but got 1.5");
        assertThatThrownBy(() -> new OneCycleLR(opt, 0.1, OneCycleLR.options().totalSteps(10).annealStrategy("exp")))
                .hasMessage("OneCycleLR: anneal_strategy must be one of 'cos' or 'linear', instead got 'exp'");
        assertThatThrownBy(() -> new OneCycleLR(opt, new double[] {0.1, 0.2}, OneCycleLR.options().totalSteps(10)))
                .hasMessage("OneCycleLR: expected 1 values for max_lr, got 2");
        assertThatThrownBy(() -> new OneCycleLR(new Adagrad(ps()), 0.1, 10))
                .hasMessage("OneCycleLR: optimizer must support momentum with `cycle_momentum` option enabled "
                        + "(Adagrad has neither momentum nor betas); use cycleMomentum(false)");
        OneCycleLR short3 = new OneCycleLR(new SGD(ps(), 0.1), 0.1, 3);
        for (int i = 0; i < 3; i++) {
            short3.step();
        }
        assertThatThrownBy(short3::step)
                .hasMessage("OneCycleLR: Tried to step 5 times. The specified number of total steps is 3");
    }

    @Test
    void plateau() {
        SGD opt = new SGD(ps(), 0.1);
        assertThatThrownBy(() -> new ReduceLROnPlateau(opt, ReduceLROnPlateau.options().factor(1.0)))
                .hasMessage("ReduceLROnPlateau: Factor should be < 1.0, got factor=1.0");
        assertThatThrownBy(() -> new ReduceLROnPlateau(opt, ReduceLROnPlateau.options().mode("avg")))
                .hasMessage("ReduceLROnPlateau: mode avg is unknown! (use \"min\" or \"max\")");
        assertThatThrownBy(() -> new ReduceLROnPlateau(opt, ReduceLROnPlateau.options().thresholdMode("pct")))
                .hasMessage("ReduceLROnPlateau: threshold mode pct is unknown! (use \"rel\" or \"abs\")");
        assertThatThrownBy(() -> new ReduceLROnPlateau(opt, ReduceLROnPlateau.options().minLr(0.1, 0.2, 0.3)))
                .hasMessage("ReduceLROnPlateau: expected 1 min_lrs, got 3");
        assertThatThrownBy(() -> new ReduceLROnPlateau(opt, ReduceLROnPlateau.options().patience(-1)))
                .hasMessage("ReduceLROnPlateau: patience and cooldown must be >= 0, got patience=-1, cooldown=0");
    }
}
