package org.workspaceportal.flashbladesim;

/** The file-system fields a POST sets or a PATCH changes; {@code null} leaves a field as it is. */
record FileSystemPatch(
    Boolean destroyed,
    Long provisioned,
    Boolean hardLimitEnabled,
    Boolean nfsV3Enabled,
    Boolean nfsV41Enabled,
    String nfsRules) {}
