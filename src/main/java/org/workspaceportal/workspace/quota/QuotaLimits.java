package org.workspaceportal.workspace.quota;

/** The limits of a user who has no overrides: how many live workspaces, how many workers. */
public record QuotaLimits(int maxWorkspaces, int maxWorkers) {}
