package org.workspaceportal.flashbladesim;

/** One entry of a REST 2.x error body: {@code {"context": ..., "message": ...}}. */
record ApiError(String context, String message) {}
