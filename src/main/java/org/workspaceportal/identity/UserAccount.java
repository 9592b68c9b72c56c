package org.workspaceportal.identity;

import java.time.Instant;
import java.util.UUID;

/** Read model of a user. Quota fields are per-user overrides; null means "use the default". */
public record UserAccount(
    UUID id,
    String username,
    Role role,
    boolean enabled,
    Integer maxWorkspaces,
    Integer maxWorkers,
    Instant createdAt) {}
