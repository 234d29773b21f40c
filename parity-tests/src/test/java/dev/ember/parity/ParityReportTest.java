package dev.ember.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.Tensor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ParityReportTest {
    private static TfGraphSide chain;
    private static ParityResult passing;
    private static ParityResult failing;

    private static final EngineSide CHAIN = EngineSide.traced((in, trace) -> {
        Tensor h1 = trace.record("h1", in.get("x").matmul(in.get("w")).tanh());
        Tensor h2 = trace.record("h2", h1.matmul(in.get("w")).tanh());
        Tensor h3 = trace.record("h3", h2.matmul(in.get("w")).tanh());
        return Map.of("out", h3);
    });

    @BeforeAll
    static void run() {
        chain = TfGraphSide.build(b -> {
            Ops tf = b.tf();
            var x = b.placeholder("x", TFloat32.class, 3, 4);
            var w = b.placeholder("w", TFloat32.class, 4, 4);
            var h1 = tf.math.tanh(tf.linalg.matMul(x, w));
            var h2 = tf.math.tanh(tf.linalg.matMul(h1, w));
            var h3 = tf.math.tanh(tf.linalg.matMul(h2, w));
            b.intermediate("h1", h1).intermediate("h2", h2).intermediate("h3", h3).output("out", h3);
        });
        passing = chainCase("chain", CHAIN).intermediates(Parity.Intermediates.ALWAYS).run();
        failing = chainCase("chain_perturbed", Perturbation.add(CHAIN, "h2", 5, 1e-2)).run();
    }

    private static Parity.Builder chainCase(String name, EngineSide engine) {
        return Parity.named(name).seed(2)
                .input("x", Input.float32(3, 4).normal(0, 1))
                .input("w", Input.float32(4, 4).uniform(-0.5, 0.5))
                .tf(chain).engine(engine);
    }

    @AfterAll
    static void close() {
        chain.close();
    }

    private static List<Double> curve() {
        List<Double> c = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            c.add(i == 0 ? 0.0 : 1e-7 * Math.pow(1.6, i));
        }
        return c;
    }

    private static ParityReport report() {
        return new ParityReport("Parity <report> & co")
                .add(passing).add(failing)
                .addCurve("cnn_sgd", curve());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> byClass(Document d, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = d.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void theResultsBehindTheReportAreWhatTheTestExpects() {
        assertThat(passing.passed()).isTrue();
        assertThat(passing.localisation()).isPresent();
        assertThat(failing.passed()).isFalse();
        assertThat(failing.localisation().get().firstDivergingLayer().get().name()).isEqualTo("h2");
    }

    @Test
    void htmlIsOneWellFormedSelfContainedFileWithTablesPlotsAndHighlights(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/report.html");
        report().writeHtml(file);
        String html = Files.readString(file);
        Document d = parse(html);

        assertThat(d.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo("Parity <report> & co");
        assertThat(byClass(d, "section", "case")).hasSize(3);
        // A table of outputs per case with results, plus a per-layer table for both (ALWAYS / failure).
        assertThat(byClass(d, "table", "comparisons")).hasSize(2);
        assertThat(byClass(d, "table", "layers")).hasSize(2);
        // Two per-layer plots and one divergence curve, inline SVG.
        assertThat(d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength()).isEqualTo(3);
        assertThat(d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").getLength()).isEqualTo(3);
        // Failing rows are marked and carry their path; their worst-element cells are highlighted.
        List<Element> failRows = byClass(d, "tr", "fail");
        assertThat(failRows).extracting(e -> e.getAttribute("title"))
                .contains("chain_perturbed.outputs[out]", "chain_perturbed.intermediates[h2]",
                        "chain_perturbed.intermediates[h3]")
                .doesNotContain("chain_perturbed.intermediates[h1]", "chain.outputs[out]");
        Element h2 = failRows.stream().filter(e -> e.getAttribute("title").endsWith("[h2]")).findFirst().get();
        assertThat(byClass(d, "td", "worst").stream().filter(td -> td.getParentNode() == h2)).hasSize(4);
        assertThat(h2.getTextContent()).contains("[1, 1] flat 5");
        // Failing points of the per-layer plot are drawn red.
        assertThat(byClass(d, "circle", "bad")).hasSize(2);
        assertThat(html).contains("first diverging layer: h2", "Seed 2.", "layout none")
                .doesNotContain("<script", "<link", "src=", "href=", "@import", "url(");
        assertThat(html.indexOf("chain_perturbed")).isGreaterThan(0);
    }

    @Test
    void markdownHasATablePerCaseAndMarksFailures(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.md");
        report().writeMarkdown(file);
        String md = Files.readString(file);
        assertThat(md).startsWith("# Parity <report> & co\n")
                .contains("1 of 2 cases pass; **1 fail**.")
                .contains("## chain - PASS", "## chain_perturbed - **FAIL**", "## cnn_sgd")
                .contains("| tensor | status | dtype | shape TF -> engine |")
                .contains("| **intermediate h2** | **FAIL VALUES** |")
                .contains("Per-layer comparison: first diverging layer: h2 (layer 2 of 3).")
                .contains("| 19 | " + TensorComparison.num(curve().get(19)) + " |");
        assertThat(md.split("\\| tensor \\| status", -1)).hasSize(1 + 4);
    }

    @Test
    void writesAreAtomicAndReplaceTheOldFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.html");
        Files.writeString(file, "OLD-CONTENT");
        new ParityReport("first").add(passing).writeHtml(file);
        new ParityReport("second").add(failing).writeHtml(file);
        assertThat(Files.readString(file)).contains("<title>second</title>").doesNotContain("OLD-CONTENT");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.html");
        }
        Path blocked = dir.resolve("file-not-dir");
        Files.writeString(blocked, "x");
        assertThatThrownBy(() -> report().writeHtml(blocked.resolve("r.html")))
                .hasMessageContaining("could not write");
    }

    @Test
    void curvesAreValidated() {
        ParityReport r = new ParityReport("t");
        assertThatThrownBy(() -> r.addCurve("", List.of(1.0))).hasMessageContaining("blank");
        assertThatThrownBy(() -> r.addCurve("c", List.of())).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> r.addCurve("c", List.of(-1.0))).hasMessageContaining("negative");
        List<Double> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> r.addCurve("c", withNull)).hasMessageContaining("without nulls");
    }

    @Test
    void nonFiniteCurvePointsAreDrawnAndTheFileStillParses() throws Exception {
        String html = new ParityReport("t").addCurve("diverged", List.of(1e-6, 1e-3, Double.NaN,
                Double.POSITIVE_INFINITY)).toHtml();
        Document d = parse(html);
        assertThat(byClass(d, "circle", "bad")).hasSize(2);
    }
}
