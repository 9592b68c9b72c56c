package org.workspaceportal.workspace.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;
import org.workspaceportal.common.PlainText;
import org.workspaceportal.workspace.Retention;
import org.workspaceportal.workspace.WorkspaceRequest;

/** The request form as a browser posts it (expiry as a local date-time, read as UTC). */
record WorkspaceForm(
    @NotBlank(message = "is required")
        @Pattern(
            regexp = "[a-z][a-z0-9-]{2,39}",
            message =
                "must be 3-40 characters of lowercase letters, digits and hyphens, starting with a letter")
        String name,
    @Size(max = 2000, message = "must be at most 2000 characters") @PlainText String description,
    String template,
    @Min(value = 1, message = "must be at least 1") @Max(value = 64, message = "must be at most 64")
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
