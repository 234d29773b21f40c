/**
 * Files: {@link dev.ember.engine.io.StateDicts} saves and loads state_dicts as safetensors
 * (the format {@code safetensors.torch.save_file}/{@code load_file} use; PyTorch opens the files),
 * and {@link dev.ember.engine.io.SummaryWriter} writes TensorBoard event files like
 * {@code torch.utils.tensorboard.SummaryWriter}. {@link dev.ember.engine.io.Checkpoint} saves and
 * loads a training checkpoint (model, optimizer, scheduler, epoch, extra values, generator state)
 * in one safetensors file. No dependency: the safetensors JSON header and
 * the Event protobufs are encoded by small classes of this package.
 */
package dev.ember.engine.io;
