package dev.ember.tfcompat.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameRulesTest {

    private static NameRules.Mapped mapped(NameRules rules, String key) {
        NameRules.Outcome o = rules.apply(key);
        assertThat(o).as(key).isInstanceOf(NameRules.Mapped.class);
        return (NameRules.Mapped) o;
    }

    private static String skipReason(NameRules rules, String key) {
        NameRules.Outcome o = rules.apply(key);
        assertThat(o).as(key).isInstanceOf(NameRules.Skipped.class);
        return ((NameRules.Skipped) o).reason();
    }

    @Test
    void tf1LayerNames() {
        NameRules r = NameRules.tf1();
        assertThat(mapped(r, "dense/kernel")).isEqualTo(new NameRules.Mapped("dense.weight", Transform.AUTO, "tf1"));
        assertThat(mapped(r, "conv2d_1/bias").engineName()).isEqualTo("conv2d_1.bias");
        assertThat(mapped(r, "block1/conv2d/kernel").engineName()).isEqualTo("block1.conv2d.weight");
        assertThat(mapped(r, "batch_normalization/gamma")).isEqualTo(
                new NameRules.Mapped("batch_normalization.weight", Transform.NONE, "tf1"));
        assertThat(mapped(r, "batch_normalization/beta").engineName()).isEqualTo("batch_normalization.bias");
        assertThat(mapped(r, "batch_normalization/moving_mean").engineName())
                .isEqualTo("batch_normalization.running_mean");
        assertThat(mapped(r, "batch_normalization/moving_variance").engineName())
                .isEqualTo("batch_normalization.running_var");
        assertThat(mapped(r, "embedding/embeddings").engineName()).isEqualTo("embedding.weight");
        assertThat(mapped(r, "depthwise_conv2d/depthwise_kernel").engineName()).isEqualTo("depthwise_conv2d.weight");
        assertThat(mapped(r, "lstm/lstm_cell/kernel").engineName()).isEqualTo("lstm.weight_ih_l0");
        assertThat(mapped(r, "lstm_1/lstm_cell_1/recurrent_kernel").engineName()).isEqualTo("lstm_1.weight_hh_l0");
        assertThat(mapped(r, "gru/gru_cell/bias").engineName()).isEqualTo("gru.bias_ih_l0");
        assertThat(r.apply("Variable")).isInstanceOf(NameRules.Unmapped.class);
        assertThat(r.apply("dense/kernel/ExponentialMovingAverage")).isInstanceOf(NameRules.Unmapped.class);
    }

    @Test
    void bookkeepingIsSkippedWithReasons() {
        NameRules r = NameRules.standard();
        assertThat(skipReason(r, "layer_with_weights-0/kernel/.OPTIMIZER_SLOT/optimizer/m/.ATTRIBUTES/VARIABLE_VALUE"))
                .isEqualTo("optimizer slot (.OPTIMIZER_SLOT)");
        assertThat(skipReason(r, "save_counter/.ATTRIBUTES/VARIABLE_VALUE")).isEqualTo("checkpoint save counter");
        assertThat(skipReason(r, "_CHECKPOINTABLE_OBJECT_GRAPH")).isEqualTo("object graph (checkpoint metadata)");
        assertThat(skipReason(r, "global_step")).isEqualTo("training step counter");
        assertThat(skipReason(r, "beta1_power")).isEqualTo("Adam accumulator (TF1)");
        assertThat(skipReason(r, "beta2_power_1")).isEqualTo("Adam accumulator (TF1)");
        assertThat(skipReason(r, "dense/kernel/Adam_1")).isEqualTo("optimizer slot (TF1)");
        assertThat(skipReason(r, "conv/bias/Momentum")).isEqualTo("optimizer slot (TF1)");
        assertThat(skipReason(r, "optimizer/iter/.ATTRIBUTES/VARIABLE_VALUE")).isEqualTo("optimizer state");
        assertThat(skipReason(r, "model/layer-0/.ATTRIBUTES/OBJECT_CONFIG_JSON"))
                .isEqualTo("object attribute, not a variable value");
        assertThat(skipReason(r, "keras_api/metrics/0/total/.ATTRIBUTES/VARIABLE_VALUE")).isEqualTo("Keras metric state");
    }

    @Test
    void kerasObjectGraphKeys() {
        NameRules r = NameRules.standard();
        assertThat(mapped(r, "layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE"))
                .isEqualTo(new NameRules.Mapped("layer_with_weights-0.weight", Transform.AUTO, "keras"));
        assertThat(mapped(r, "model/layer_with_weights-2/moving_variance/.ATTRIBUTES/VARIABLE_VALUE").engineName())
                .isEqualTo("model.layer_with_weights-2.running_var");
        assertThat(mapped(r, "layer_with_weights-1/cell/kernel/.ATTRIBUTES/VARIABLE_VALUE").engineName())
                .isEqualTo("layer_with_weights-1.weight_ih_l0");
        assertThat(mapped(r, "blocks/0/dense1/bias/.ATTRIBUTES/VARIABLE_VALUE").engineName())
                .isEqualTo("blocks.0.dense1.bias");
        // TF escapes '.' as '..' and '/' as '.S' inside an edge name; such characters become '_'
        assertThat(mapped(r, "my..layer/sub.Sname/kernel/.ATTRIBUTES/VARIABLE_VALUE").engineName())
                .isEqualTo("my_layer.sub_name.weight");
        assertThat(r.apply("layer_with_weights-0/custom_w/.ATTRIBUTES/VARIABLE_VALUE"))
                .isInstanceOf(NameRules.Unmapped.class);
    }

    @Test
    void edgeEscapingInvertsTfs() {
        for (String name : new String[] {"a", "a.b", "a/b", "..", "./", ".S", "x..S/y", ""}) {
            assertThat(NameRules.unescapeEdge(NameRules.escapeEdge(name))).isEqualTo(name);
        }
        assertThat(NameRules.escapeEdge("a.b/c")).isEqualTo("a..b.Sc");
    }

    @Test
    void tfJavaKeepsNamesAndShapes() {
        NameRules r = NameRules.tfJava();
        assertThat(mapped(r, "dense/kernel")).isEqualTo(new NameRules.Mapped("dense.kernel", Transform.NONE, "tf-java"));
        assertThat(mapped(r, "w1").engineName()).isEqualTo("w1");
        assertThat(r.apply("global_step")).isInstanceOf(NameRules.Skipped.class);
    }

    @Test
    void userRulesParseAndComeFirst() {
        String text = "# my model\n"
                + "\n"
                + "   # indented comment\n"
                + "dense/kernel -> classifier.weight dense\n"
                + "(?<block>conv\\d+)/kernel -> features.${block}.weight conv2d\n"
                + "ema/.* -> - exponential moving averages\n"
                + "misc/(.*) -> extra/$1\r\n"
                + "price\\$ -> cost$$\n";
        NameRules r = NameRules.parse(text, "rules.txt").then(NameRules.tf1());
        assertThat(mapped(r, "dense/kernel")).isEqualTo(new NameRules.Mapped("classifier.weight", Transform.DENSE,
                "rules.txt:4"));
        assertThat(mapped(r, "conv12/kernel")).isEqualTo(new NameRules.Mapped("features.conv12.weight",
                Transform.CONV2D, "rules.txt:5"));
        assertThat(skipReason(r, "ema/dense/kernel")).isEqualTo("exponential moving averages");
        assertThat(mapped(r, "misc/a/b")).isEqualTo(new NameRules.Mapped("extra.a.b", Transform.AUTO, "rules.txt:7"));
        assertThat(mapped(r, "price$").engineName()).isEqualTo("cost$");
        assertThat(mapped(r, "dense_1/kernel").rule()).isEqualTo("tf1");
        assertThat(r.describe()).first().isEqualTo("rules.txt:4: dense/kernel -> classifier.weight [dense]");
    }

    @Test
    void badUserRulesNameTheLine() {
        assertThatThrownBy(() -> NameRules.parse("a -> b\n\nno arrow here\n", "r.txt"))
                .hasMessage("r.txt line 3: expected 'regex -> template [transform]' in 'no arrow here'");
        assertThatThrownBy(() -> NameRules.parse("(unclosed -> x\n", "r.txt"))
                .hasMessageStartingWith("r.txt line 1: bad regex: Unclosed group");
        assertThatThrownBy(() -> NameRules.parse("a -> b transpose\n", "r.txt"))
                .hasMessage("r.txt line 1: unknown transform 'transpose'; expected one of " + Transform.ruleNames()
                        + " in 'a -> b transpose'");
        assertThatThrownBy(() -> NameRules.parse("(a)/(b) -> $3\n", "r.txt"))
                .hasMessage("r.txt line 1: template '$3' uses group $3 but the regex has 2 groups in '(a)/(b) -> $3'");
        assertThatThrownBy(() -> NameRules.parse("(a) -> ${nope}\n", "r.txt"))
                .hasMessageContaining("uses group ${nope}, which the regex does not define");
        assertThatThrownBy(() -> NameRules.parse("a -> b c d\n", "r.txt"))
                .hasMessageContaining("got 3 words (templates cannot contain spaces)");
        assertThatThrownBy(() -> NameRules.parse(" -> b\n", "r.txt")).hasMessageContaining("empty regex");
        assertThatThrownBy(() -> NameRules.parse("a ->\n", "r.txt")).hasMessageContaining("missing template");
        assertThatThrownBy(() -> NameRules.parse("a -> cost$\n", "r.txt")).hasMessageContaining("lone '$'");
    }

    @Test
    void loadsFromAFile(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("my.rules"), "x -> y none\n");
        assertThat(mapped(NameRules.load(f), "x").rule()).isEqualTo("my.rules:1");
        assertThatThrownBy(() -> NameRules.load(dir.resolve("absent.rules")))
                .hasMessageContaining("cannot read rules file");
    }
}
