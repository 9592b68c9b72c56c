package org.workspaceportal.storage.flashblade;

/**
 * {@code PATCH /buckets} body that destroys ({@code true}) or recovers ({@code false}) a bucket.
 */
record DestroyedPatch(boolean destroyed) {}
