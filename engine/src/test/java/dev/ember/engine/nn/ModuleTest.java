package dev.ember.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Ember;
import dev.ember.engine.Tensor;
import dev.ember.engine.testing.RealTorch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleTest {

    /** A model in the style users write: fields registered in the constructor order. */
    static final class Net extends Module {
        final Linear fc1 = registerModule("fc1", new Linear(4, 3));
        final Sequential head = registerModule("head", new Sequential(new Identity(), new Linear(3, 2, false)));
        final Tensor scale = registerParameter("scale", Tensor.ones(2));
        final Tensor steps = registerBuffer("steps", Tensor.zeros(DType.INT64));

        @Override
        public Tensor forward(Tensor x) {
            return head.forward(fc1.forward(x)).mul(scale);
        }
    }

    @Test
    void printsAndNamesLikePyTorch() {
        RealTorch.assumeAvailable();
        Module flat = new Sequential(new Flatten(), new Linear(3072, 10));
        Net net = new Net();
        String torch = RealTorch.run(String.join("\n",
                "import torch, torch.nn as nn",
                "print(nn.Sequential(nn.Flatten(), nn.Linear(3072, 10)))",
                "print('---')",
                "class Net(nn.Module):",
                "    def __init__(self):",
                "        super().__init__()",
                "        self.fc1 = nn.Linear(4, 3)",
                "        self.head = nn.Sequential(nn.Identity(), nn.Linear(3, 2, bias=False))",
                "        self.scale = nn.Parameter(torch.ones(2))",
                "        self.register_buffer('steps', torch.zeros((), dtype=torch.long))",
                "n = Net()",
                "print(n)",
                "print('---')",
                "print(','.join(n.state_dict().keys()))",
                "print(','.join(k for k, _ in n.named_parameters()))",
                "print(','.join(k for k, _ in n.named_modules()))"));
        String[] parts = torch.split("---\n");
        assertThat(flat.toString()).isEqualTo(parts[0].strip());
        assertThat(net.toString()).isEqualTo(parts[1].strip());
        String[] lines = parts[2].strip().split("\n");
        assertThat(String.join(",", net.stateDict().keySet())).isEqualTo(lines[0]);
        assertThat(String.join(",", net.namedParameters().keySet())).isEqualTo(lines[1]);
        assertThat(String.join(",", net.namedModules().keySet())).isEqualTo(lines[2]);
    }

    @Test
    void linearMatchesTorchOnTheSameWeights() {
        RealTorch.assumeAvailable();
        Ember.manualSeed(3);
        Linear lin = new Linear(3, 2);
        Tensor x = Tensor.fromArray(new float[] {1, 2, 3, -1, 0.5f, 2}, 2, 3);
        float[] w = lin.weight().toFloatArray();
        float[] b = lin.bias().toFloatArray();
        String out = RealTorch.run(String.format(java.util.Locale.ROOT,
                "import torch\nl = torch.nn.Linear(3, 2)\nwith torch.no_grad():\n"
                        + "  l.weight.copy_(torch.tensor(%s).reshape(2, 3)); l.bias.copy_(torch.tensor(%s))\n"
                        + "print(' '.join(repr(v) for v in l(torch.tensor([[1., 2, 3], [-1, .5, 2]])).reshape(-1).tolist()))",
                java.util.Arrays.toString(w), java.util.Arrays.toString(b)));
        float[] got = lin.forward(x).toFloatArray();
        String[] want = out.strip().split(" ");
        for (int i = 0; i < got.length; i++) {
            assertThat((double) got[i]).isCloseTo(Double.parseDouble(want[i]), org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void defaultLinearInitIsPyTorchs() {
        Ember.manualSeed(0);
        Linear lin = new Linear(400, 300);
        double bound = 1 / Math.sqrt(400);
        float[] w = lin.weight().toFloatArray();
        double max = 0;
        double sumSq = 0;
        for (float v : w) {
            max = Math.max(max, Math.abs(v));
            sumSq += v * v;
        }
        assertThat(max).isLessThanOrEqualTo(bound).isGreaterThan(0.99 * bound);
        assertThat(Math.sqrt(sumSq / w.length)).as("std of U(-b, b) is b/sqrt(3)")
                .isCloseTo(bound / Math.sqrt(3), org.assertj.core.data.Offset.offset(0.01 * bound));
        assertThat(lin.weight().requiresGrad()).isTrue();
        assertThat(lin.weight().isLeaf()).isTrue();
    }

    @Test
    void stateDictSharesStorageAndRoundTrips() {
        Net a = new Net();
        Net b = new Net();
        LinkedHashMap<String, Tensor> sd = a.stateDict();
        assertThat(sd.get("fc1.weight").requiresGrad()).isFalse();
        Tensor before = b.fc1.weight();
        Module.LoadResult r = b.loadStateDict(sd, true);
        assertThat(r.isClean()).isTrue();
        assertThat(b.fc1.weight()).as("identity kept, as optimizers hold it").isSameAs(before);
        assertThat(b.fc1.weight().toFloatArray()).containsExactly(a.fc1.weight().toFloatArray());
        Tensor x = Tensor.randn(5, 4);
        assertThat(b.forward(x).toFloatArray()).containsExactly(a.forward(x).toFloatArray());
    }

    @Test
    void strictLoadReportsEverythingAndLoadsNothing() {
        Net a = new Net();
        Net b = new Net();
        float[] original = b.fc1.weight().toFloatArray();
        Map<String, Tensor> sd = new LinkedHashMap<>(a.stateDict());
        sd.remove("head.1.weight");
        sd.put("extra.bias", Tensor.zeros(3));
        sd.put("fc1.bias", Tensor.zeros(5));
        assertThatThrownBy(() -> b.loadStateDict(sd, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Missing key(s) in state_dict: \"head.1.weight\"")
                .hasMessageContaining("Unexpected key(s) in state_dict: \"extra.bias\"")
                .hasMessageContaining("size mismatch for fc1.bias: copying a param with shape [5]")
                .hasMessageContaining("Nothing was loaded");
        assertThat(b.fc1.weight().toFloatArray()).containsExactly(original);
        Module.LoadResult r = b.loadStateDict(sd, false);
        assertThat(r.missingKeys()).containsExactly("head.1.weight");
        assertThat(r.unexpectedKeys()).containsExactly("extra.bias");
        assertThat(r.shapeMismatches()).hasSize(1);
        assertThat(b.fc1.weight().toFloatArray()).as("matching keys load in non-strict mode")
                .containsExactly(a.fc1.weight().toFloatArray());
    }

    @Test
    void trainEvalApplyZeroGradFreeze() {
        Net net = new Net();
        net.eval();
        assertThat(net.modules()).allSatisfy(m -> assertThat(m.isTraining()).isFalse());
        net.train();
        assertThat(net.head.get(1).isTraining()).isTrue();
        List<String> order = new ArrayList<>();
        net.apply(m -> order.add(m.getClass().getSimpleName()));
        assertThat(order).containsExactly("Linear", "Identity", "Linear", "Sequential", "Net");
        net.forward(Tensor.randn(2, 4)).sum().backward();
        assertThat(net.fc1.weight().grad()).isNotNull();
        net.zeroGrad();
        assertThat(net.parameters()).allSatisfy(p -> assertThat(p.grad()).isNull());
        net.requiresGrad_(false);
        assertThat(net.forward(Tensor.randn(2, 4)).requiresGrad()).isFalse();
        assertThat(net.parameters()).hasSize(4);
    }

    @Test
    void sharedModulesAndParametersAreListedOnce() {
        Linear shared = new Linear(2, 2);
        Sequential s = new Sequential(shared, shared);
        assertThat(s.parameters()).hasSize(2);
        assertThat(s.namedParameters().keySet()).containsExactly("0.weight", "0.bias");
        assertThat(s.stateDict().keySet()).containsExactly("0.weight", "0.bias");
    }

    @Test
    void toDtypeConvertsInPlace() {
        Net net = new Net();
        Tensor w = net.fc1.weight();
        net.to(DType.FLOAT64);
        assertThat(net.fc1.weight()).isSameAs(w);
        assertThat(w.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(net.steps.dtype()).as("integer buffers keep their dtype").isEqualTo(DType.INT64);
        assertThat(net.forward(Tensor.randn(1, 4).to(DType.FLOAT64)).dtype()).isEqualTo(DType.FLOAT64);
    }

    @Test
    void badRegistrationsAndInputs() {
        assertThatThrownBy(() -> new Module() {
            final Tensor w = registerParameter("a.b", Tensor.zeros(1));

            @Override
            public Tensor forward(Tensor x) {
                return x;
            }
        }).hasMessageContaining("contain no '.'");
        assertThatThrownBy(() -> new Linear(3, 2).forward(Tensor.zeros(4, 5)))
                .hasMessageContaining("linear: input last dimension 5 does not match in_features=3");
        assertThatThrownBy(() -> new Linear(0, 2)).hasMessageContaining("must be > 0");
        assertThatThrownBy(() -> new ModuleList(new Identity()).forward(Tensor.zeros(1)))
                .hasMessageContaining("ModuleList has no forward()");
        assertThatThrownBy(() -> new Sequential().get(0)).hasMessageContaining("index 0 is out of range");
    }

    @Test
    void linearOnHigherRankInputs() {
        Linear lin = new Linear(3, 2);
        assertThat(lin.forward(Tensor.randn(4, 5, 3)).shape()).containsExactly(4, 5, 2);
        assertThat(lin.forward(Tensor.randn(3)).shape()).containsExactly(2);
    }
}
