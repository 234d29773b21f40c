package dev.ember.engine.autograd;

import dev.ember.engine.Tensor;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code ctx} handed to a custom {@link Function}'s forward and backward; mirrors PyTorch's
 * {@code ctx}: {@link #saveForBackward}, {@link #savedTensors()}, {@link #needsInputGrad(int)},
 * plus named values for non-tensor state ({@code ctx.put("alpha", 0.5)}).
 */
public final class FunctionCtx {
    private final boolean[] needsInputGrad;
    private Tensor[] toSave = new Tensor[0];
    private SavedTensor[] saved;
    private Node node;
    private final Map<String, Object> values = new HashMap<>();

    FunctionCtx(boolean[] needsInputGrad) {
        this.needsInputGrad = needsInputGrad;
    }

    /** Keeps tensors for backward; call once in forward. Mirrors {@code ctx.save_for_backward}. */
    public void saveForBackward(Tensor... tensors) {
        if (node != null) {
            throw new IllegalStateException("saveForBackward may only be called in forward");
        }
        toSave = tensors.clone();
    }

    /** The saved tensors, checked against in-place changes; mirrors {@code ctx.saved_tensors}. */
    public Tensor[] savedTensors() {
        if (saved == null) {
            return toSave.clone();
        }
        Tensor[] out = new Tensor[saved.length];
        for (int i = 0; i < saved.length; i++) {
            out[i] = saved[i].get();
        }
        return out;
    }

    /** Whether input {@code i} needs a gradient; mirrors {@code ctx.needs_input_grad[i]}. */
    public boolean needsInputGrad(int i) {
        if (i < 0 || i >= needsInputGrad.length) {
            throw new IndexOutOfBoundsException("needsInputGrad: input " + i + " of " + needsInputGrad.length);
        }
        return needsInputGrad[i];
    }

    /** Stores a non-tensor value for backward. */
    public void put(String key, Object value) {
        values.put(key, value);
    }

    /** A value stored with {@link #put}. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("FunctionCtx: no value named '" + key + "' (stored: " + values.keySet() + ")");
        }
        return (T) values.get(key);
    }

    void bind(Node owner) {
        node = owner;
        saved = new SavedTensor[toSave.length];
        for (int i = 0; i < toSave.length; i++) {
            saved[i] = owner.save(toSave[i]);
        }
        toSave = null;
    }
}
