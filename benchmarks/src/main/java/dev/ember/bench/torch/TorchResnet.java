package dev.ember.bench.torch;

import dev.ember.bench.Data;
import dev.ember.bench.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.SGD;
import org.bytedeco.pytorch.SGDOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/** W6 on libtorch: the ResNet stack with ATen ops, forward + backward (grads reset to none each step). */
final class TorchResnet {
    private final Map<String, Tensor> kernels = new LinkedHashMap<>();
    private final Map<String, Tensor[]> norms = new LinkedHashMap<>();
    private final List<Tensor> params = new ArrayList<>();
    private final Tensor fcW;
    private final Tensor fcB;

    private TorchResnet(Data.Resnet d) {
        for (Data.Conv c : Data.resnetConvs()) {
            kernels.put(c.name(), keep(LibtorchSuite.param(d.kernels().get(c.name()), c.out(), c.in(), c.k(), c.k())));
            float[] ones = new float[c.out()];
            java.util.Arrays.fill(ones, 1f);
            norms.put(c.bn(), new Tensor[] {keep(LibtorchSuite.param(ones, c.out())),
                keep(LibtorchSuite.param(new float[c.out()], c.out())), LibtorchSuite.tensor(new float[c.out()], c.out()),
                LibtorchSuite.tensor(ones, c.out())});
        }
        fcW = keep(LibtorchSuite.param(d.fcW(), Data.Resnet.OUT, Data.Resnet.FEATURES));
        fcB = keep(LibtorchSuite.param(d.fcB(), Data.Resnet.OUT));
    }

    private Tensor keep(Tensor p) {
        params.add(p);
        return p;
    }

    static Timer.Step step() {
        Data.Resnet d = Data.resnet();
        TorchResnet net = new TorchResnet(d);
        Tensor x = LibtorchSuite.tensor(d.x(), Data.Resnet.BATCH, 3, Data.Resnet.HW, Data.Resnet.HW);
        Tensor y = LibtorchSuite.labels(d.y());
        // Only for zero_grad (grads to none); no step is taken.
        SGD holder = new SGD(new TensorVector(net.params.toArray(new Tensor[0])), new SGDOptions(0.1));
        return () -> {
            holder.zero_grad();
            Tensor loss = torch.cross_entropy_loss(net.forward(x), y);
            loss.backward();
            return loss.item_double();
        };
    }

    private Tensor forward(Tensor x) {
        Tensor h = torch.relu(convBn(x, Data.RESNET_STEM));
        h = torch.max_pool2d(h, new long[] {3, 3}, new long[] {2, 2}, new long[] {1, 1}, new long[] {1, 1}, false);
        for (Data.Block b : Data.RESNET_BLOCKS) {
            Tensor out = torch.relu(convBn(h, b.conv1()));
            out = convBn(out, b.conv2());
            Tensor shortcut = b.downsample() == null ? h : convBn(h, b.downsample());
            h = torch.relu(out.add(shortcut));
        }
        Tensor pooled = torch.mean(h, new long[] {2, 3}, false, new org.bytedeco.pytorch.ScalarTypeOptional());
        return torch.linear(pooled, fcW, LibtorchSuite.opt(fcB));
    }

    private Tensor convBn(Tensor x, Data.Conv c) {
        long[] s = {c.stride(), c.stride()};
        long[] p = {c.pad(), c.pad()};
        Tensor y = torch.conv2d(x, kernels.get(c.name()), LibtorchSuite.opt(null), s, p, new long[] {1, 1}, 1);
        Tensor[] bn = norms.get(c.bn());
        return torch.batch_norm(y, LibtorchSuite.opt(bn[0]), LibtorchSuite.opt(bn[1]), LibtorchSuite.opt(bn[2]),
                LibtorchSuite.opt(bn[3]), true, 0.1, Data.Resnet.BN_EPS, false);
    }
}
