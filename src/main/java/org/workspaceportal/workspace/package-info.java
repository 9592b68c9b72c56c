/**
 * Workspaces: the request, approval and lifecycle of a workspace (an enum state machine with
 * guarded transitions), quotas, templates, and the pages and REST API for them. Provisioning and
 * teardown are orchestrated here and delegate the real work to the storage (and later compute)
 * modules.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Workspace",
    allowedDependencies = {
      "identity",
      "storage",
      "compute",
      "host",
      "secrets",
      "scheduling",
      "common"
    })
package org.workspaceportal.workspace;
