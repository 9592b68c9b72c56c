package org.workspaceportal.flashbladesim;

/** An object-store user, named {@code account/user}. */
record StoredUser(String id, String name, String account, long created, boolean fullAccess) {}
