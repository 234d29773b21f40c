/**
 * Optimizers and learning-rate schedulers; the engine's {@code torch.optim} and
 * {@code torch.optim.lr_scheduler}, with PyTorch 1.13's update formulas.
 *
 * <p><b>Optimizers</b>: {@link dev.ember.engine.optim.SGD}, {@link dev.ember.engine.optim.Adam},
 * {@link dev.ember.engine.optim.AdamW}, {@link dev.ember.engine.optim.RMSprop},
 * {@link dev.ember.engine.optim.Adagrad}, on the base class {@link dev.ember.engine.optim.Optimizer}.
 *
 * <p><b>One style for options</b>: the constructor takes the parameters (or a list of
 * {@link dev.ember.engine.optim.ParamGroup}s) and the learning rate; every other option is a
 * fluent setter named like PyTorch's keyword in Java casing, with PyTorch's default when not
 * called. A setter changes the optimizer's default, which every group that did not set the
 * option itself follows. Call setters before the first step; per-group values and run-time changes
 * (what schedulers do) go through {@code paramGroups().get(i).set(key, value)} with PyTorch's
 * keys ({@code "lr"}, {@code "weight_decay"}, ...).
 * <pre>{@code
 * var opt = new SGD(model.parameters(), 0.1).momentum(0.9).nesterov(true).weightDecay(5e-4);
 * var adam = new Adam(List.of(ParamGroup.of(backbone.parameters()),
 *                             ParamGroup.of(head.parameters()).lr(1e-3)), 1e-4).betas(0.9, 0.98);
 * for (...) {
 *     opt.zeroGrad();
 *     loss(model).backward();
 *     opt.step();
 * }
 * }</pre>
 * Option values are checked like PyTorch's constructors check them (negative lr, betas outside
 * [0, 1), ...), when set; checks that combine options (Nesterov needs momentum and no
 * dampening) run at each {@code step()}, since setters may come in any order.
 *
 * <p><b>Schedulers</b>: {@link dev.ember.engine.optim.StepLR},
 * {@link dev.ember.engine.optim.MultiStepLR}, {@link dev.ember.engine.optim.ExponentialLR},
 * {@link dev.ember.engine.optim.CosineAnnealingLR}, {@link dev.ember.engine.optim.LambdaLR} and
 * {@link dev.ember.engine.optim.OneCycleLR} ({@link dev.ember.engine.optim.LRScheduler}s, stepped
 * after each epoch or batch) and {@link dev.ember.engine.optim.ReduceLROnPlateau} (stepped with a
 * metric). They take their first step in the constructor, as PyTorch's do, so their options are
 * constructor arguments in PyTorch's order; the two with many keyword options take an
 * {@code Options} value ({@code OneCycleLR.options().pctStart(0.25)}).
 *
 * <p><b>State dicts</b> of optimizers and schedulers are plain Java maps (tensors, numbers,
 * strings, lists) with PyTorch's keys plus a {@code "type"} entry; see
 * {@link dev.ember.engine.optim.Optimizer} for the layout and how to serialise it. Gradient
 * clipping lives in {@link dev.ember.engine.nn.ClipGrad}.
 */
package dev.ember.engine.optim;
