package org.workspaceportal.workspace.runtime;

import java.time.Instant;

/**
 * What a running cluster is doing, as its notebook and master tell it.
 *
 * @param lastActivity the notebook's last kernel, terminal or API activity
 * @param kernels the notebook's kernels
 * @param connections browser connections to the notebook
 * @param applications Spark applications the master runs
 */
public record Activity(Instant lastActivity, int kernels, int connections, int applications) {}
