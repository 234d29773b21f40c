package dev.ember.tfcompat.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteCursorTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void varintsUseLeb128() {
        assertThat(new ByteSink().varint(0).toByteArray()).containsExactly(bytes(0));
        assertThat(new ByteSink().varint(127).toByteArray()).containsExactly(bytes(0x7f));
        assertThat(new ByteSink().varint(128).toByteArray()).containsExactly(bytes(0x80, 0x01));
        assertThat(new ByteSink().varint(300).toByteArray()).containsExactly(bytes(0xac, 0x02));
        assertThat(new ByteSink().varint(-1).toByteArray()).hasSize(10);
        assertThat(new ByteSink().varint(0xffffffffL).toByteArray()).containsExactly(bytes(0xff, 0xff, 0xff, 0xff, 0x0f));
    }

    @Test
    void varintRoundTrip() {
        long[] values = {0, 1, 127, 128, 16383, 16384, 1L << 31, 0xffffffffL, 1L << 35, Long.MAX_VALUE, -1, Long.MIN_VALUE};
        ByteSink s = new ByteSink();
        for (long v : values) {
            s.varint(v);
        }
        ByteCursor c = new ByteCursor(s.toByteArray());
        for (long v : values) {
            assertThat(c.varint64()).isEqualTo(v);
        }
        assertThat(c.hasRemaining()).isFalse();
    }

    @Test
    void varint32RejectsValuesOver32Bits() {
        assertThat(new ByteCursor(bytes(0xff, 0xff, 0xff, 0xff, 0x0f)).varint32()).isEqualTo(-1);
        assertThatThrownBy(() -> new ByteCursor(new ByteSink().varint(1L << 32).toByteArray()).varint32())
                .isInstanceOf(Malformed.class).hasMessageContaining("varint32 out of range");
        assertThatThrownBy(() -> new ByteCursor(bytes(0xff, 0xff, 0xff, 0xff, 0x0f)).length())
                .isInstanceOf(Malformed.class).hasMessageContaining("too large");
    }

    @Test
    void truncatedAndOverlongVarintsAreErrors() {
        assertThatThrownBy(() -> new ByteCursor(bytes(0x80, 0x80)).varint64())
                .isInstanceOf(Malformed.class).hasMessageContaining("varint needs 1 bytes at offset 2");
        assertThatThrownBy(() -> new ByteCursor(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01))
                .varint64()).isInstanceOf(Malformed.class).hasMessageContaining("longer than 10 bytes");
    }

    @Test
    void fixedWidthIsLittleEndian() {
        byte[] b = new ByteSink().fixed32(0x01020304).fixed64(0x1122334455667788L).toByteArray();
        assertThat(b).startsWith(bytes(4, 3, 2, 1, 0x88, 0x77));
        ByteCursor c = new ByteCursor(b);
        assertThat(c.fixed32()).isEqualTo(0x01020304);
        assertThat(c.fixed64()).isEqualTo(0x1122334455667788L);
        assertThatThrownBy(c::fixed32).isInstanceOf(Malformed.class).hasMessageContaining("fixed32 needs 4 bytes");
    }

    @Test
    void slicesAreBounded() {
        ByteCursor c = new ByteCursor(bytes(1, 2, 3, 4, 5), 1, 3);
        ByteCursor s = c.slice(2);
        assertThat(s.bytes(2)).containsExactly(bytes(2, 3));
        assertThatThrownBy(() -> s.bytes(1)).isInstanceOf(Malformed.class);
        assertThat(c.remaining()).isEqualTo(1);
        assertThatThrownBy(() -> c.bytes(2)).isInstanceOf(Malformed.class);
    }
}
