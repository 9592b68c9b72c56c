package org.workspaceportal.storage;

import java.io.InputStream;
import java.net.URI;
import java.util.Collection;

/**
 * Objects in a workspace's bucket, reached with the workspace's own key (so a call can never touch
 * another workspace's bucket: the array refuses it). What the portal uses to keep a workspace's
 * notebook files in its bucket. Failures are {@link StorageException}s saying whether a retry may
 * help; no vendor type crosses this port.
 */
public interface BucketFiles {

  /** A connection to one bucket with one key; close it when done. */
  Session open(URI s3Endpoint, String accessKeyId, String secretAccessKey, String bucket);

  /** Calls on one bucket; safe to use from several threads at once. */
  interface Session extends AutoCloseable {

    /**
     * Puts exactly {@code size} bytes of {@code content} under {@code key}, replacing what is
     * there: large objects in parts (multipart upload), so no part is held whole in memory beyond
     * the part size.
     */
    void put(String key, InputStream content, long size);

    /** The object's content and its size; the caller closes the stream. */
    Content get(String key);

    /** Deletes these keys; a key that is not there is no error. */
    void delete(Collection<String> keys);

    @Override
    void close();
  }

  /** An object being read. */
  record Content(long size, InputStream stream) {}
}
