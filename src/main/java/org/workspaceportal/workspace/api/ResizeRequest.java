package org.workspaceportal.workspace.api;

import jakarta.validation.constraints.NotNull;

/** The number of workers a ready workspace should have from now on. */
record ResizeRequest(@NotNull(message = "is required") Integer workers) {}
