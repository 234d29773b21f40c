package dev.ember.engine;

import dev.ember.engine.backend.Backends;
import java.util.Objects;

/**
 * Where a tensor lives; mirrors {@code torch.device}. The ND4J backend is chosen at build time
 * (the default build is CPU; {@code -Pcuda} builds the CUDA backend), so a build has exactly one
 * device type. Asking for a device the build does not have is an error, never a silent fallback.
 */
public final class Device {
    /** The host CPU. */
    public static final Device CPU = new Device("cpu", -1);

    private final String type;
    private final int index;

    private Device(String type, int index) {
        this.type = type;
        this.index = index;
    }

    /** CUDA device {@code index}; mirrors {@code torch.device("cuda", index)}. */
    public static Device cuda(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("Device.cuda: index must be >= 0, got " + index);
        }
        return new Device("cuda", index);
    }

    /** Parses {@code "cpu"}, {@code "cuda"} or {@code "cuda:1"}. */
    public static Device parse(String spec) {
        String s = spec.trim();
        if (s.equals("cpu")) {
            return CPU;
        }
        if (s.equals("cuda")) {
            return cuda(0);
        }
        if (s.startsWith("cuda:")) {
            try {
                return cuda(Integer.parseInt(s.substring(5)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Device.parse: bad device '" + spec + "'");
            }
        }
        throw new IllegalArgumentException("Device.parse: unknown device '" + spec
                + "'; expected cpu, cuda or cuda:N");
    }

    /** The device tensors of this build live on: CPU, or cuda:0 in a {@code -Pcuda} build. */
    public static Device current() {
        return Backends.get().device();
    }

    /** {@code "cpu"} or {@code "cuda"}. */
    public String type() {
        return type;
    }

    /** The CUDA ordinal, or -1 for the CPU. */
    public int index() {
        return index;
    }

    /** Throws when this build cannot place tensors on this device. */
    public Device requireAvailable() {
        Device have = current();
        if (!type.equals(have.type) || (index > 0 && !equals(have))) {
            throw new IllegalStateException("Device " + this + " is not available in this build"
                    + " (backend " + Backends.get().name() + " runs on " + have + ")."
                    + (type.equals("cuda") ? " Build with -Pcuda on a machine with CUDA 11.6 to use a GPU." : ""));
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Device && ((Device) o).type.equals(type) && ((Device) o).index == index;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, index);
    }

    @Override
    public String toString() {
        return index < 0 ? type : type + ":" + index;
    }
}
