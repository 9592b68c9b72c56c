package org.workspaceportal.flashbladesim;

/**
 * A bucket as a test sees it; a destroyed bucket waits for eradication and is unreachable over S3.
 */
public record SimulatedBucket(String name, String account, boolean destroyed) {}
