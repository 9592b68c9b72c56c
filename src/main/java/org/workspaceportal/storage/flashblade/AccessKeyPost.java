package org.workspaceportal.storage.flashblade;

/** Body of {@code POST /object-store-access-keys}: the user that gets a new, generated key pair. */
record AccessKeyPost(NamedRef user) {}
