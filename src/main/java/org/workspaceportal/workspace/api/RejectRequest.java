package org.workspaceportal.workspace.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.workspaceportal.common.PlainText;

/** Why an admin rejects a request; the requester sees it. */
record RejectRequest(
    @NotBlank(message = "is required") @Size(max = 1000) @PlainText String reason) {}
