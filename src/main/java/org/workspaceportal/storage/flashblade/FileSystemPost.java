package org.workspaceportal.storage.flashblade;

/** Body of {@code POST /file-systems}; the name travels in the {@code names} query parameter. */
record FileSystemPost(long provisioned, boolean hardLimitEnabled, NfsSettings nfs) {}
