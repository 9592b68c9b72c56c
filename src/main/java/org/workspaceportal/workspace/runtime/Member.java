package org.workspaceportal.workspace.runtime;

/**
 * One role of a cluster as the runtime runs it.
 *
 * @param handle what the runtime calls it (a container's id)
 * @param state what the runtime last said of it ({@code running}, {@code exited}…)
 */
public record Member(String role, String handle, String state) {}
