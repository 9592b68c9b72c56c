package org.workspaceportal.storage;

import java.net.URI;

/**
 * The S3 endpoint (e.g. {@code http://10.0.0.5}) and the NFS server address of the storage system.
 */
public record DataEndpoints(URI s3Endpoint, String nfsAddress) {}
