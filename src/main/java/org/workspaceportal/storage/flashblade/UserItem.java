package org.workspaceportal.storage.flashblade;

/** An object-store user ({@code account/user}) as {@code GET /object-store-users} returns it. */
record UserItem(String name, NamedRef account) {}
