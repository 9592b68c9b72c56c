package org.workspaceportal.workspace;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.workspaceportal.common.PlainText;
import org.workspaceportal.storage.Retention;

/**
 * What a user asks for. Optional fields may be null: template → the default template, workers → the
 * template's default, datahub → false, retention → DESTROY. Template-dependent rules (does the
 * template exist, is {@code workers} within its maximum) are checked by {@link WorkspaceService}.
 */
public record WorkspaceRequest(
    @NotBlank(message = "is required")
        @Pattern(
            regexp = "[a-z][a-z0-9-]{2,39}",
            message =
                "must be 3-40 characters of lowercase letters, digits and hyphens, starting with a letter")
        String name,
    @Size(max = 2000, message = "must be at most 2000 characters") @PlainText String description,
    @Size(max = 40, message = "must be at most 40 characters") String template,
    @Min(value = 1, message = "must be at least 1") @Max(value = 64, message = "must be at most 64")
        Integer workers,
    Boolean datahub,
    Retention retention,
    Instant expiresAt) {}
