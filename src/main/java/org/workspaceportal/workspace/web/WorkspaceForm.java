package org.workspaceportal.workspace.web;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.WorkspaceRequest;

/**
 * The request form as a browser posts it (expiry as a local date-time, read as UTC). It holds no
 * rules of its own: the controller validates the {@link WorkspaceRequest} it turns into, so that a
 * request reads the same from the page and from the API.
 */
record WorkspaceForm(
    String name,
    String description,
    String template,
    Integer workers,
    boolean datahub,
    Retention retention,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime expiresAt) {
  static WorkspaceForm empty(String defaultTemplate) {
    return new WorkspaceForm("", "", defaultTemplate, null, false, Retention.DESTROY, null);
  }

  WorkspaceRequest toRequest() {
    return new WorkspaceRequest(
        name,
        description,
        template,
        workers,
        datahub,
        retention,
        expiresAt == null ? null : expiresAt.toInstant(ZoneOffset.UTC));
  }
}
