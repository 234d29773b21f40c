package dev.ember.engine.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The tqdm-like line, throttled drawing with a fake clock, and silence off a terminal. */
class ProgressBarTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

    private ProgressBar.Builder bar(long total) {
        return ProgressBar.builder(total).description("train").clock(nanos::get).width(10)
                .output(new PrintStream(sink, true, StandardCharsets.UTF_8));
    }

    private void advanceSeconds(double s) {
        nanos.addAndGet((long) (s * 1e9));
    }

    private String printed() {
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void formatsPercentBarCountTimesRateAndPostfix() {
        ProgressBar b = bar(1000).interactive(false).build();
        assertThat(b.render()).isEqualTo("train:   0%|          | 0/1000 [00:00<?, ?it/s]");
        advanceSeconds(4);
        b.update(450);
        assertThat(b.render()).isEqualTo("train:  45%|####      | 450/1000 [00:04<00:04, 112.50it/s]");
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("loss", 0.123456);
        post.put("epoch", 3);
        b.setPostfix(post);
        assertThat(b.render()).endsWith(", 112.50it/s, loss=0.1235, epoch=3]");
        advanceSeconds(3600);
        b.update(1);
        assertThat(b.render()).contains("[1:00:04<").contains("s/it");
        b.update(549);
        assertThat(b.render()).startsWith("train: 100%|##########| 1000/1000 [1:00:04<00:00, ");
        assertThat(b.current()).isEqualTo(1000);
    }

    @Test
    void unknownTotalShowsCountAndRateOnly() {
        ProgressBar b = bar(0).interactive(false).build();
        advanceSeconds(2);
        b.update(10);
        b.setPostfix("lr=0.1");
        assertThat(b.render()).isEqualTo("train: 10it [00:02, 5.00it/s, lr=0.1]");
    }

    @Test
    void drawsWithCarriageReturnsAtMostEveryInterval() {
        try (ProgressBar b = bar(100).interactive(true).minIntervalMillis(100).build()) {
            b.step();                      // first draw
            advanceSeconds(0.05);
            b.step();                      // too soon: skipped
            advanceSeconds(0.06);
            b.step();                      // drawn
            assertThat(printed().split("\r", -1)).hasSize(3);
            assertThat(printed()).endsWith("3/100 [00:00<00:03, 27.27it/s]");
            advanceSeconds(0.2);
            b.setPostfix("a-long-postfix=1");
            advanceSeconds(0.2);
            b.setPostfix("");              // shorter line: padded with spaces over the old one
            String[] segments = printed().split("\r");
            String before = segments[segments.length - 2];
            String last = segments[segments.length - 1];
            assertThat(before).endsWith(", a-long-postfix=1]");
            assertThat(last).hasSameSizeAs(before).doesNotContain("postfix");
            assertThat(last.strip()).endsWith("it/s]");
        }
        assertThat(printed()).endsWith(System.lineSeparator());
    }

    @Test
    void offATerminalLogsAPlainLineEveryIntervalAndALastOneOnClose() {
        try (ProgressBar b = bar(100).logEverySeconds(30).build()) {
            for (int i = 0; i < 100; i++) {
                advanceSeconds(1);
                b.step();
            }
        }
        String[] lines = printed().split(System.lineSeparator());
        assertThat(printed()).doesNotContain("\r");
        assertThat(lines).containsExactly(
                "train:  30%|###       | 30/100 [00:30<01:10, 1.00it/s]",
                "train:  60%|######    | 60/100 [01:00<00:40, 1.00it/s]",
                "train:  90%|######### | 90/100 [01:30<00:10, 1.00it/s]",
                "train: 100%|##########| 100/100 [01:40<00:00, 1.00it/s]");
        assertThat(ProgressBar.logsLines(false, null)).isTrue();
        assertThat(ProgressBar.logsLines(false, "true")).isFalse();
        assertThat(ProgressBar.logsLines(true, null)).isFalse();
    }

    @Test
    void printsNothingWhenNotInteractive() {
        // Under the build tool System.console() is null: a detected bar only logs after 30 s, so short loops stay silent.
        ProgressBar detected = bar(5).build();
        ProgressBar forced = bar(5).interactive(false).build();
        for (int i = 0; i < 5; i++) {
            advanceSeconds(1);
            detected.step();
            forced.step();
        }
        detected.setPostfix("x=1");
        detected.close();
        forced.close();
        assertThat(System.console()).isNull();
        assertThat(printed()).isEmpty();
        assertThat(ProgressBar.isInteractive("true")).isFalse();
        assertThat(ProgressBar.isInteractive("TRUE")).isFalse();
    }

    @Test
    void badArguments() {
        assertThatThrownBy(() -> bar(5).build().update(-1)).hasMessage("ProgressBar.update: steps must be >= 0, got -1");
        assertThatThrownBy(() -> bar(5).width(0)).hasMessage("ProgressBar: width must be >= 1, got 0");
        assertThatThrownBy(() -> bar(5).logEverySeconds(-1)).hasMessage("ProgressBar: logEverySeconds must be >= 0, got -1");
    }
}
