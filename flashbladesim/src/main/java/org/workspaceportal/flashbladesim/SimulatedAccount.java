package org.workspaceportal.flashbladesim;

/**
 * An object-store account as a test sees it; {@code quotaLimit} in bytes, {@code null} = unlimited.
 */
public record SimulatedAccount(String name, Long quotaLimit) {}
