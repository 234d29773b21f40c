package dev.ember.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON writer used for checkpoint metadata, and the opt-in non-finite literals of the reader. */
class JsonTest {

    @Test
    void writesValuesThatReadBackWithTheSameTypesAndBits() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("i", 3);
        m.put("l", Long.MIN_VALUE);
        m.put("d", 1.0);
        m.put("f", 0.1f);
        m.put("s", "a\"b\\\n\u0001");
        m.put("b", true);
        m.put("n", null);
        m.put("arr", new long[] {1, -2});
        m.put("list", List.of(1e-310, -0.0, Double.MAX_VALUE));
        m.put("nested", Map.of(7, List.of()));
        String json = Json.write(m);
        assertThat(json).isEqualTo("{\"i\":3,\"l\":-9223372036854775808,\"d\":1.0,\"f\":" + (double) 0.1f
                + ",\"s\":\"a\\\"b\\\\\\n\\u0001\",\"b\":true,\"n\":null,\"arr\":[1,-2],"
                + "\"list\":[1.0E-310,-0.0,1.7976931348623157E308],\"nested\":{\"7\":[]}}");
        Map<?, ?> back = (Map<?, ?>) Json.parse(json);
        assertThat(back.get("i")).isEqualTo(3L);
        assertThat(back.get("d")).isEqualTo(1.0);
        assertThat(back.get("f")).isEqualTo((double) 0.1f);
        assertThat(back.get("s")).isEqualTo("a\"b\\\n\u0001");
        assertThat(back.get("arr")).isEqualTo(List.of(1L, -2L));
        List<?> list = (List<?>) back.get("list");
        assertThat(Double.doubleToRawLongBits((Double) list.get(1))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(list.get(0)).isEqualTo(1e-310);
    }

    @Test
    @SuppressWarnings("unchecked")
    void nonFiniteNumbersOnlyWhenAskedFor() {
        String json = Json.write(Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertThat(json).isEqualTo("[NaN,Infinity,-Infinity]");
        assertThat((List<Object>) Json.parse(json, true)).containsExactly(Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
        // The safetensors header stays strict RFC 8259.
        assertThatThrownBy(() -> Json.parse(json)).hasMessage("malformed JSON at character 1: unexpected 'N'");
        assertThatThrownBy(() -> Json.parse("[-Infinity]")).hasMessageContaining("bad number");
        assertThatThrownBy(() -> Json.parse("[Inf]", true)).hasMessage("malformed JSON at character 1: unexpected 'I'");
    }

    @Test
    void unsupportedValuesNameTheirPath() {
        assertThatThrownBy(() -> Json.write(Map.of("a", List.of(1, new Object()))))
                .hasMessage("JSON: cannot write $.a.1 of type java.lang.Object (numbers, booleans, strings, lists, maps "
                        + "and primitive arrays only)");
    }
}
