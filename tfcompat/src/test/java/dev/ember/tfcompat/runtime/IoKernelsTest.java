package dev.ember.tfcompat.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Session;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.types.TString;
import org.junit.jupiter.api.Test;

class IoKernelsTest {
    @Test
    void stringJoinBroadcastsScalars() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var a = tf.constant("base");
            var b = tf.constantOf(TString.vectorOf("p", "q"));
            g.opBuilder("StringJoin", "j").addInput(a.asOutput()).addInput(b.asOutput()).setAttr("separator", "-").build();
            try (var r = s.runner().fetch("j").run()) {
                TString t = (TString) r.get(0);
                assertThat(t.getObject(0)).isEqualTo("base-p");
                assertThat(t.getObject(1)).isEqualTo("base-q");
            }
        }
    }
}
