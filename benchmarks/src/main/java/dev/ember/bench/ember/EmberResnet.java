package dev.ember.bench.ember;

import dev.ember.bench.Data;
import dev.ember.bench.Timer;
import dev.ember.engine.Tensor;
import dev.ember.engine.nn.Functional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** W6 on the engine: the ResNet-18-style stack in Functional calls, forward + backward per step. */
final class EmberResnet {
    private final Map<String, Tensor> kernels = new LinkedHashMap<>();
    private final Map<String, Tensor[]> norms = new LinkedHashMap<>();
    private final List<Tensor> params = new ArrayList<>();
    private final Tensor fcW;
    private final Tensor fcB;

    private EmberResnet(Data.Resnet d) {
        for (Data.Conv c : Data.resnetConvs()) {
            Tensor k = param(Tensor.fromArray(d.kernels().get(c.name()), c.out(), c.in(), c.k(), c.k()));
            kernels.put(c.name(), k);
            Tensor[] bn = {param(Tensor.ones(c.out())), param(Tensor.zeros(c.out())), Tensor.zeros(c.out()),
                Tensor.ones(c.out())};
            norms.put(c.bn(), bn);
        }
        fcW = param(Tensor.fromArray(d.fcW(), Data.Resnet.OUT, Data.Resnet.FEATURES));
        fcB = param(Tensor.fromArray(d.fcB(), Data.Resnet.OUT));
    }

    private Tensor param(Tensor t) {
        params.add(t.requiresGrad_(true));
        return t;
    }

    static Timer.Step step() {
        Data.Resnet d = Data.resnet();
        EmberResnet net = new EmberResnet(d);
        Tensor x = Tensor.fromArray(d.x(), Data.Resnet.BATCH, 3, Data.Resnet.HW, Data.Resnet.HW);
        Tensor y = Tensor.fromArray(d.y(), Data.Resnet.BATCH);
        return () -> {
            for (Tensor p : net.params) {
                p.setGrad(null);
            }
            Tensor loss = Functional.crossEntropy(net.forward(x), y);
            loss.backward();
            return loss.item();
        };
    }

    private Tensor forward(Tensor x) {
        Tensor h = Functional.relu(convBn(x, Data.RESNET_STEM));
        h = Functional.maxPool2d(h, 3, 2, 1, 1, false);
        for (Data.Block b : Data.RESNET_BLOCKS) {
            Tensor out = Functional.relu(convBn(h, b.conv1()));
            out = convBn(out, b.conv2());
            Tensor shortcut = b.downsample() == null ? h : convBn(h, b.downsample());
            h = Functional.relu(out.add(shortcut));
        }
        Tensor pooled = h.mean(new int[] {2, 3}, false);
        return Functional.linear(pooled, fcW, fcB);
    }

    private Tensor convBn(Tensor x, Data.Conv c) {
        Tensor y = Functional.conv2d(x, kernels.get(c.name()), null, c.stride(), c.pad());
        Tensor[] bn = norms.get(c.bn());
        return Functional.batchNorm(y, bn[2], bn[3], bn[0], bn[1], true, 0.1, Data.Resnet.BN_EPS);
    }
}
