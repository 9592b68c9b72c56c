package org.workspaceportal.flashbladesim;

/**
 * Who the simulated array is: the answer of {@code GET /arrays}, and the {@code context} of objects
 * from REST 2.17 on (an array outside a fleet is always its own context).
 */
record ArrayIdentity(String id, String name) {

  ApiRef asContext() {
    return new ApiRef(name, id);
  }
}
