package org.workspaceportal.workspace.lifetime;

import java.time.Instant;
import java.util.UUID;

/**
 * Read model of an extension request, for pages and the API.
 *
 * @param previousExpiry the workspace's expiry when it was asked for
 * @param status PENDING, APPROVED or REJECTED
 * @param decisionReason why it was rejected (null otherwise)
 */
public record ExtensionView(
    UUID id,
    UUID workspaceId,
    String workspace,
    String owner,
    Instant previousExpiry,
    Instant requestedExpiry,
    String reason,
    String status,
    String requestedBy,
    Instant requestedAt,
    String decidedBy,
    String decisionReason,
    Instant decidedAt) {

  public boolean pending() {
    return "PENDING".equals(status);
  }
}
