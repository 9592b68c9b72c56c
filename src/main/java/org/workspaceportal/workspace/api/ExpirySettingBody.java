package org.workspaceportal.workspace.api;

import jakarta.validation.constraints.NotNull;

/** How many days an expired, stopped workspace is kept before it is deleted (1 to 365). */
record ExpirySettingBody(@NotNull(message = "is required") Integer keepStoppedForDays) {}
