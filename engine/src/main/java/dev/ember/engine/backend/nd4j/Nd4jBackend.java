package dev.ember.engine.backend.nd4j;

import dev.ember.engine.Device;
import dev.ember.engine.backend.Backend;
import dev.ember.engine.backend.CreationKernels;
import dev.ember.engine.backend.ElementwiseKernels;
import dev.ember.engine.backend.LinalgKernels;
import dev.ember.engine.backend.NnKernels;
import dev.ember.engine.backend.ReductionKernels;
import dev.ember.engine.backend.ShapeKernels;
import org.nd4j.linalg.factory.Nd4j;

/** The engine's backend on ND4J 1.0.0-M2.1 (CPU natives by default, CUDA with {@code -Pcuda}). */
public final class Nd4jBackend implements Backend {
    // Runs before any ND4J class initialises: the native build is chosen once, per JVM.
    private static final String VARIANT = Nd4jPlatform.selectNativeBuild();
    private final Device device;
    private final CreationKernels creation = new Nd4jCreation();
    private final ElementwiseKernels elementwise = new Nd4jElementwise();
    private final ShapeKernels shape = new Nd4jShape();
    private final ReductionKernels reduction = new Nd4jReduction();
    private final LinalgKernels linalg = new Nd4jLinalg();
    private final NnKernels nn = new Nd4jNn();

    /** Loads ND4J, after choosing its native build (see {@link Nd4jPlatform}). */
    public Nd4jBackend() {
        String backendClass = Nd4j.getBackend().getClass().getSimpleName();
        this.device = backendClass.toLowerCase(java.util.Locale.ROOT).contains("cuda") ? Device.cuda(0) : Device.CPU;
        // ND4J otherwise warns and pads every op with workspace/debug bookkeeping.
        Nd4j.getEnvironment().setDebug(false);
        Nd4j.getEnvironment().setVerbose(false);
    }

    @Override
    public String name() {
        return device.type().equals("cuda") ? "nd4j-cuda" : "nd4j-native";
    }

    @Override
    public Device device() {
        return device;
    }

    @Override
    public String describe() {
        return name() + " 1.0.0-M2.1 (" + VARIANT + "), " + numThreads() + " threads, device " + device;
    }

    @Override
    public void setNumThreads(int n) {
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
    }

    @Override
    public int numThreads() {
        return Nd4j.getEnvironment().maxThreads();
    }

    @Override
    public CreationKernels creation() {
        return creation;
    }

    @Override
    public ElementwiseKernels elementwise() {
        return elementwise;
    }

    @Override
    public ShapeKernels shape() {
        return shape;
    }

    @Override
    public ReductionKernels reduction() {
        return reduction;
    }

    @Override
    public LinalgKernels linalg() {
        return linalg;
    }

    @Override
    public NnKernels nn() {
        return nn;
    }
}
