/**
 * The {@code ember} command ({@code ./ember} at the repository root): one {@link dev.ember.cli.Command}
 * per subcommand, listed in {@link dev.ember.cli.Main}. Only subcommands that work are listed.
 * This module depends on every other so that subcommands can come from any of them.
 */
package dev.ember.cli;
