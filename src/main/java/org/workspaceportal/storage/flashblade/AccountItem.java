package org.workspaceportal.storage.flashblade;

/**
 * An object-store account as {@code GET /object-store-accounts} returns it (the fields the portal
 * reads).
 */
record AccountItem(String name, String id) {}
