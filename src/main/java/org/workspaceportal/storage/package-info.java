/**
 * Storage: the port through which workspaces get object-store accounts, users, access keys, buckets
 * and NFS file systems ({@link org.workspaceportal.storage.ObjectStorage}), and the check that a
 * new key really works over S3 ({@link org.workspaceportal.storage.BucketAccessCheck}). The
 * FlashBlade adapter (OkHttp, REST 2.x) and the S3 adapter (AWS SDK v2) live in sub-packages; no
 * vendor type leaves them.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Storage",
    allowedDependencies = "common")
package org.workspaceportal.storage;
