package dev.ember.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ember.engine.Ember;
import dev.ember.engine.Tensor;
import dev.ember.engine.testing.RealTorch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Default initialisation of the layers against PyTorch's: the random ones by their statistics
 * (the bound PyTorch's own formula gives for the same weight shape, and torch's draws checked
 * against it too), the constant ones value for value.
 */
class LayerInitTest {

    /** A conv layer built in both, and the weight shape its fan_in comes from. */
    private record ConvCase(String torch, ConvNd engine) {
    }

    @Test
    void convolutionBoundsFollowPyTorchsFanInRules() {
        RealTorch.assumeAvailable();
        Ember.manualSeed(11);
        List<ConvCase> cases = List.of(
                new ConvCase("nn.Conv2d(16, 32, 3)", new Conv2d(16, 32, 3)),
                new ConvCase("nn.Conv2d(16, 32, (3, 5), groups=4)",
                        new Conv2d(16, 32, new int[] {3, 5}, ConvOptions.defaults().groups(4))),
                new ConvCase("nn.Conv1d(8, 64, 5)", new Conv1d(8, 64, 5)),
                // Transposed: fan_in is weight.size(1) * k*k = out_channels/groups * k*k, as in PyTorch.
                new ConvCase("nn.ConvTranspose2d(64, 8, 3)", new ConvTranspose2d(64, 8, 3)),
                new ConvCase("nn.ConvTranspose2d(32, 16, 4, groups=2)",
                        new ConvTranspose2d(32, 16, 4, ConvOptions.defaults().groups(2))));
        StringBuilder script = new StringBuilder("import math, torch, torch.nn as nn\ntorch.manual_seed(0)\n");
        for (ConvCase c : cases) {
            script.append("m = ").append(c.torch).append('\n')
                    .append("fan_in, _ = nn.init._calculate_fan_in_and_fan_out(m.weight)\n")
                    .append("gain = nn.init.calculate_gain('leaky_relu', math.sqrt(5))\n")
                    .append("print(fan_in, gain * math.sqrt(3.0 / fan_in), 1 / math.sqrt(fan_in),"
                            + " m.weight.abs().max().item(), m.bias.abs().max().item())\n");
        }
        String[] lines = RealTorch.run(script.toString()).strip().split("\n");
        for (int i = 0; i < cases.size(); i++) {
            String[] v = lines[i].split(" ");
            ConvCase c = cases.get(i);
            long fanIn = Long.parseLong(v[0]);
            double weightBound = Double.parseDouble(v[1]);
            double biasBound = Double.parseDouble(v[2]);
            // torch's own draws respect the bounds it states (so the formula read here is the one it uses)
            assertThat(Double.parseDouble(v[3])).as(c.torch).isLessThanOrEqualTo(weightBound);
            assertThat(Double.parseDouble(v[4])).as(c.torch).isLessThanOrEqualTo(biasBound);
            assertThat(Init.fans(c.engine.weight())[0]).as(c.torch).isEqualTo(fanIn);
            assertUniform(c.torch + " weight", c.engine.weight(), weightBound);
            assertUniform(c.torch + " bias", c.engine.bias(), biasBound);
        }
    }

    @Test
    void embeddingIsStandardNormalWithAZeroPaddingRow() {
        Ember.manualSeed(12);
        Embedding e = new Embedding(2000, 16, 7);
        double[] w = e.weight().toDoubleArray();
        double sum = 0;
        double sq = 0;
        for (int r = 0; r < 2000; r++) {
            for (int k = 0; k < 16; k++) {
                double x = w[r * 16 + k];
                if (r == 7) {
                    assertThat(x).isZero();
                }
                sum += x;
                sq += x * x;
            }
        }
        int n = 1999 * 16;
        double mean = sum / n;
        assertThat(mean).isCloseTo(0, within(0.03));
        assertThat(Math.sqrt(sq / n - mean * mean)).isCloseTo(1, within(0.02));
    }

    @Test
    void constantInitialisationsEqualTorchs() {
        RealTorch.assumeAvailable();
        Map<String, Module> modules = new LinkedHashMap<>();
        modules.put("nn.BatchNorm1d(3)", new BatchNorm1d(3));
        modules.put("nn.BatchNorm2d(4, momentum=None)", new BatchNorm2d(4, 1e-5, null, true, true));
        modules.put("nn.BatchNorm2d(2, affine=False)", new BatchNorm2d(2, 1e-5, 0.1, false, true));
        modules.put("nn.LayerNorm([2, 3])", new LayerNorm(new long[] {2, 3}));
        StringBuilder script = new StringBuilder("import torch, torch.nn as nn\n");
        for (String torch : modules.keySet()) {
            script.append("print(' '.join('%s=%s' % (k, v.reshape(-1).tolist()) for k, v in ").append(torch)
                    .append(".state_dict().items()))\n");
        }
        String[] lines = RealTorch.run(script.toString()).strip().split("\n");
        int i = 0;
        for (Map.Entry<String, Module> e : modules.entrySet()) {
            StringBuilder got = new StringBuilder();
            e.getValue().stateDict().forEach((k, v) -> {
                got.append(got.length() == 0 ? "" : " ").append(k).append('=');
                got.append(v.dtype().isFloatingPoint() ? java.util.Arrays.toString(v.toDoubleArray())
                        : java.util.Arrays.toString(v.reshape(-1).toLongArray()));
            });
            assertThat(got.toString()).as(e.getKey()).isEqualTo(lines[i++]);
        }
    }

    @Test
    void resetParametersRedrawsWithinTheSameBounds() {
        Ember.manualSeed(13);
        Conv2d c = new Conv2d(6, 10, 3);
        double[] before = c.weight().toDoubleArray();
        c.resetParameters();
        assertThat(c.weight().toDoubleArray()).isNotEqualTo(before);
        assertUniform("reset conv", c.weight(), 1 / Math.sqrt(54));
        Embedding e = new Embedding(5, 3, 2);
        e.resetParameters();
        assertThat(e.weight().select(0, 2).toDoubleArray()).containsOnly(0.0);
    }

    /** Inside [-bound, bound], reaching near it, spread like U(-bound, bound) (std bound/sqrt(3)), mean about 0. */
    private static void assertUniform(String what, Tensor t, double bound) {
        double[] v = t.toDoubleArray();
        double max = 0;
        double sum = 0;
        double sq = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
            sum += x;
            sq += x * x;
        }
        double mean = sum / v.length;
        double std = Math.sqrt(sq / v.length - mean * mean);
        // float32 storage may round a value a hair past the double bound
        assertThat(max).as(what + " max |w|").isLessThanOrEqualTo(bound * (1 + 1e-6));
        double spread = 1 / Math.sqrt(v.length);
        assertThat(max).as(what + " max |w| reaches the bound").isGreaterThan(bound * (1 - 3 * spread));
        assertThat(std).as(what + " std").isCloseTo(bound / Math.sqrt(3), within(bound * 2 * spread));
        assertThat(mean).as(what + " mean").isCloseTo(0, within(bound * 2 * spread));
    }
}
