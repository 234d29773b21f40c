package dev.ember.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code Tensor.toString()} against real PyTorch's {@code repr}: the same values printed by both
 * must be the same text (dtype names aside: PyTorch says {@code torch.float64}, we say {@code float64}).
 */
class TensorFormatterTest {

    /** Each case: the Python expression building the tensor, and the engine tensor. */
    private static Map<String, Tensor> cases() {
        Map<String, Tensor> c = new LinkedHashMap<>();
        c.put("torch.tensor(7776.)", Tensor.scalar(7776f));
        c.put("torch.tensor([[1., 2.]], requires_grad=True)", Tensor.of(new float[][] {{1, 2}}).requiresGrad_(true));
        c.put("torch.tensor([0.12345, 2.0, -3.5])", Tensor.of(0.12345, 2.0, -3.5));
        c.put("torch.tensor([1e-5, 1.0, 1e5])", Tensor.of(1e-5, 1.0, 1e5));
        c.put("torch.tensor([1, -20, 300])", Tensor.of(1, -20, 300));
        c.put("torch.tensor([True, False])", Tensor.of(true, false));
        c.put("torch.tensor([1.5, 2.25], dtype=torch.float64)", Tensor.fromArray(new double[] {1.5, 2.25}, 2));
        c.put("torch.tensor([1, 2], dtype=torch.int32)", Tensor.fromArray(new int[] {1, 2}, 2));
        c.put("torch.zeros(0, 3)", Tensor.zeros(0, 3));
        c.put("torch.tensor([])", Tensor.zeros(0));
        c.put("torch.arange(24.).reshape(2, 3, 4)", Tensor.arange(0, 24, 1).reshape(2, 3, 4));
        c.put("torch.arange(40.) / 3", Tensor.arange(0, 40, 1).div(3.0));
        c.put("torch.arange(2000.).reshape(40, 50)", Tensor.arange(0, 2000, 1).reshape(40, 50));
        c.put("torch.tensor([float('nan'), float('inf'), 1.5])", Tensor.of(Double.NaN, Double.POSITIVE_INFINITY, 1.5));
        c.put("torch.tensor([2.0], requires_grad=True) * 3",
                Tensor.of(2.0).requiresGrad_(true).mul(3.0));
        return c;
    }

    @Test
    void printsLikePyTorch() throws Exception {
        Path py = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(py), "PyTorch not available: /usr/bin/python3 missing");
        Map<String, Tensor> cases = cases();
        StringBuilder script = new StringBuilder("import torch\n");
        for (String expr : cases.keySet()) {
            script.append("print(repr(").append(expr).append(").replace('\\n', '\\\\n'))\n");
        }
        Process p = new ProcessBuilder(py.toString(), "-c", script.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        Assumptions.assumeFalse(err.contains("No module named 'torch'"), "PyTorch not available: no torch module");
        assertThat(p.exitValue()).as(err).isZero();
        List<String> torch = new ArrayList<>(List.of(out.split("\n")));
        int i = 0;
        for (Map.Entry<String, Tensor> e : cases.entrySet()) {
            String expected = torch.get(i++).replace("\\n", "\n").replace("torch.float64", "float64")
                    .replace("torch.int32", "int32");
            assertThat(e.getValue().toString()).as(e.getKey()).isEqualTo(expected);
        }
    }
}
