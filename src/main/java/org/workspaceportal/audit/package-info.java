/**
 * Audit: an append-only trail of who did what, when, and from which address. It listens to the
 * events of the other modules in the same transaction, so a change and its audit row commit
 * together.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Audit",
    allowedDependencies = {"identity", "workspace", "host", "gateway", "common"})
package org.workspaceportal.audit;
