package org.workspaceportal.storage.flashblade;

/**
 * One entry of a REST 2.x error body; {@code context} usually names the object, and may be null.
 */
record ApiError(String context, String message) {

  /** "message (context)" unless the context adds nothing. */
  String describe() {
    String text = message == null || message.isBlank() ? "no reason given" : message.strip();
    return context == null || context.isBlank() || text.contains(context)
        ? text
        : text + " (" + context + ")";
  }
}
