package org.workspaceportal.flashbladesim;

/**
 * The bucket fields a PATCH may change; {@code null} leaves a field as it is.
 *
 * @param quotaLimit a quota string as sent by the client ("" = unlimited)
 */
record BucketPatch(
    Boolean destroyed, String versioning, String quotaLimit, Boolean hardLimitEnabled) {}
