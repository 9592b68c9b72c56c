package org.workspaceportal.flashbladesim;

/** A reference to another object, as in {@code "account": {"name": ..., "id": ...}}. */
record ApiRef(String name, String id) {

  /** Accepted in request bodies, where a client names the object by name or by id. */
  record Body(String name, String id) {}
}
