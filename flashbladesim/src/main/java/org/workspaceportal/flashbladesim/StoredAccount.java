package org.workspaceportal.flashbladesim;

/**
 * An object-store account as the simulator keeps it; quotas are bytes, {@code null} = unlimited.
 */
record StoredAccount(
    String id, String name, long created, Long quotaLimit, boolean hardLimitEnabled) {}
