package org.workspaceportal.workspace.runtime;

/**
 * Where a cluster's web interfaces are reached.
 *
 * @param notebook the Jupyter server's base URL (ending in {@code /}, without any token); null for
 *     a cluster without a notebook
 * @param masterUi the Spark master's web UI
 */
public record Endpoints(String notebook, String masterUi) {}
