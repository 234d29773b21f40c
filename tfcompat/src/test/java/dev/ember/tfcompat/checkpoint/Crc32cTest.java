package dev.ember.tfcompat.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Crc32cTest {

    @Test
    void standardCheckValue() {
        byte[] b = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc32c.of(b, 0, b.length)).isEqualTo(0xe3069283);
    }

    @Test
    void maskOfZeroIsTheStoredCrcOfEmptyTensors() {
        assertThat(Crc32c.of(new byte[0], 0, 0)).isZero();
        assertThat(Crc32c.mask(0)).isEqualTo(0xa282ead8);
    }

    @Test
    void maskMatchesLevelDbFormulaAndUnmaskInvertsIt() {
        Random r = new Random(1);
        for (int i = 0; i < 1000; i++) {
            int c = r.nextInt();
            long expected = ((((c & 0xffffffffL) >>> 15) | ((c & 0xffffffffL) << 17)) + 0xa282ead8L) & 0xffffffffL;
            assertThat(Crc32c.mask(c)).isEqualTo((int) expected);
            assertThat(Crc32c.unmask(Crc32c.mask(c))).isEqualTo(c);
        }
        assertThat(Crc32c.mask(Crc32c.mask(5))).isNotEqualTo(Crc32c.mask(5));
    }
}
