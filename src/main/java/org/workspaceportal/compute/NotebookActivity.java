package org.workspaceportal.compute;

import java.time.Instant;

/**
 * What a Jupyter server says of its use ({@code /api/status}).
 *
 * @param lastActivity the last kernel, terminal or API activity (status polls do not count)
 * @param kernels running kernels, busy or idle
 * @param connections open browser connections to kernels
 */
public record NotebookActivity(Instant lastActivity, int kernels, int connections) {}
