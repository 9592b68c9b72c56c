package org.workspaceportal.workspace.lifetime;

import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.workspaceportal.common.PortalException;

/** An expired workspace cannot be started until an extension is approved: 409. */
public class WorkspaceExpiredException extends PortalException {

  public WorkspaceExpiredException(String name, UUID id, Instant expiredAt) {
    super(
        HttpStatus.CONFLICT,
        "workspace-expired",
        "Workspace expired",
        "Workspace '"
            + name
            + "' expired at "
            + expiredAt
            + "; ask for an extension (on its page, or POST /api/v1/workspaces/"
            + id
            + "/extension) and start it once an admin has approved it.");
  }
}
