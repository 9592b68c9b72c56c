package org.workspaceportal.storage.flashblade;

/**
 * Body of {@code POST /buckets}. {@code quotaLimit} is a decimal string of bytes, as the API wants
 * it in requests; it and {@code hardLimitEnabled} exist only from REST 2.8 and are left out (null)
 * below that.
 */
record BucketPost(NamedRef account, String quotaLimit, Boolean hardLimitEnabled) {}
