package org.workspaceportal.workspace.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.workspaceportal.common.PlainText;

/**
 * An owner's request for more time.
 *
 * @param expiresAt the new expiry, an ISO-8601 instant such as {@code 2030-01-31T18:00:00Z}
 * @param reason why it needs the time; the approving admin reads it
 */
record ExtensionBody(
    @NotNull(message = "is required") Instant expiresAt,
    @NotBlank(message = "is required") @Size(max = 1000) @PlainText String reason) {}
