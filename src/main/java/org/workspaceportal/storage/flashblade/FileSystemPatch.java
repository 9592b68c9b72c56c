package org.workspaceportal.storage.flashblade;

/**
 * Body of {@code PATCH /file-systems}: null fields are left out, so one type serves destroy
 * (destroyed plus NFS off, in the same call), recover, and re-export.
 */
record FileSystemPatch(Boolean destroyed, NfsSettings nfs) {}
