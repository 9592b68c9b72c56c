package org.workspaceportal.flashbladesim;

import static org.workspaceportal.flashbladesim.AccessPolicy.BUCKET_CREATE;
import static org.workspaceportal.flashbladesim.AccessPolicy.BUCKET_DELETE;
import static org.workspaceportal.flashbladesim.AccessPolicy.BUCKET_INFO;
import static org.workspaceportal.flashbladesim.AccessPolicy.BUCKET_LIST;
import static org.workspaceportal.flashbladesim.AccessPolicy.FULL_ACCESS;
import static org.workspaceportal.flashbladesim.AccessPolicy.OBJECT_DELETE;
import static org.workspaceportal.flashbladesim.AccessPolicy.OBJECT_LIST;
import static org.workspaceportal.flashbladesim.AccessPolicy.OBJECT_READ;
import static org.workspaceportal.flashbladesim.AccessPolicy.OBJECT_WRITE;

import java.util.Map;
import java.util.Set;

/**
 * The S3 call a request makes and the access policies it needs, read from the request line the way
 * S3Proxy 2.6.0 dispatches it ({@code S3ProxyHandler.doHandle}). It is decided once per request,
 * not per blob-store call, because one S3 call makes several (DeleteBucket first asks whether the
 * bucket exists; CompleteMultipartUpload reads the upload's metadata) and the policy belongs to the
 * call.
 *
 * <p>Where Pure documents the mapping it is followed (object-write covers the multipart calls,
 * AbortMultipartUpload included; bucket-info covers GetBucketLocation; object-list covers
 * ListObjects). The rest is the simulator's choice: HeadBucket and the bucket's ACL and policy are
 * bucket-info, ListMultipartUploads is object-list, ListParts is object-write (a step of an
 * upload), reading an object's ACL is object-read, and a copy needs object-read and object-write.
 * Changing an ACL, and anything S3Proxy does not serve, needs full-access.
 *
 * @param name the S3 API action, e.g. {@code PutObject}, for messages and tests
 * @param needs every policy the call needs; empty for a CORS preflight, which S3 does not sign
 */
record S3Operation(String name, Set<AccessPolicy> needs) {

  /** What a request of unknown shape, or one made outside a request, is allowed: nothing less. */
  static final S3Operation UNKNOWN = new S3Operation("Unknown", Set.of(FULL_ACCESS));

  S3Operation {
    needs = Set.copyOf(needs);
  }

  /**
   * @param bucket the first path segment, or {@code null} for the service ({@code /})
   * @param key the rest of the path, or {@code null} for a bucket
   * @param copySource the {@code x-amz-copy-source} header, or {@code null}
   */
  static S3Operation of(
      String method, String bucket, String key, Map<String, String> query, String copySource) {
    if (bucket == null) {
      return "GET".equals(method) ? op("ListBuckets", BUCKET_LIST) : UNKNOWN;
    }
    return key == null ? onBucket(method, query) : onObject(method, query, copySource != null);
  }

  /** S3Proxy answers GetBucketLocation without asking the blob store, so it is checked apart. */
  boolean answeredWithoutBlobStore() {
    return name.equals("GetBucketLocation");
  }

  private static S3Operation onBucket(String method, Map<String, String> query) {
    return switch (method) {
      case "GET" -> {
        if (query.containsKey("acl")) {
          yield op("GetBucketAcl", BUCKET_INFO);
        } else if (query.containsKey("location")) {
          yield op("GetBucketLocation", BUCKET_INFO);
        } else if (query.containsKey("policy")) {
          yield op("GetBucketPolicy", BUCKET_INFO);
        } else if (query.containsKey("uploads")) {
          yield op("ListMultipartUploads", OBJECT_LIST);
        }
        yield op("ListObjects", OBJECT_LIST);
      }
      case "HEAD" -> op("HeadBucket", BUCKET_INFO);
      case "PUT" ->
          query.containsKey("acl")
              ? op("PutBucketAcl", FULL_ACCESS)
              : op("CreateBucket", BUCKET_CREATE);
      case "DELETE" -> op("DeleteBucket", BUCKET_DELETE);
      case "POST" -> query.containsKey("delete") ? op("DeleteObjects", OBJECT_DELETE) : UNKNOWN;
      case "OPTIONS" -> new S3Operation("PreflightRequest", Set.of());
      default -> UNKNOWN;
    };
  }

  private static S3Operation onObject(String method, Map<String, String> query, boolean copy) {
    boolean upload = query.containsKey("uploadId");
    return switch (method) {
      case "GET" -> {
        if (query.containsKey("acl")) {
          yield op("GetObjectAcl", OBJECT_READ);
        }
        yield upload ? op("ListParts", OBJECT_WRITE) : op("GetObject", OBJECT_READ);
      }
      case "HEAD" -> op("HeadObject", OBJECT_READ);
      case "PUT" -> {
        if (upload) {
          yield copy
              ? new S3Operation("UploadPartCopy", Set.of(OBJECT_READ, OBJECT_WRITE))
              : op("UploadPart", OBJECT_WRITE);
        } else if (copy) {
          yield new S3Operation("CopyObject", Set.of(OBJECT_READ, OBJECT_WRITE));
        }
        yield query.containsKey("acl")
            ? op("PutObjectAcl", FULL_ACCESS)
            : op("PutObject", OBJECT_WRITE);
      }
      case "POST" -> {
        if (query.containsKey("delete")) {
          yield op("DeleteObjects", OBJECT_DELETE);
        } else if (query.containsKey("uploads")) {
          yield op("CreateMultipartUpload", OBJECT_WRITE);
        }
        yield upload && !query.containsKey("partNumber")
            ? op("CompleteMultipartUpload", OBJECT_WRITE)
            : UNKNOWN;
      }
      case "DELETE" ->
          upload ? op("AbortMultipartUpload", OBJECT_WRITE) : op("DeleteObject", OBJECT_DELETE);
      case "OPTIONS" -> new S3Operation("PreflightRequest", Set.of());
      default -> UNKNOWN;
    };
  }

  private static S3Operation op(String name, AccessPolicy needs) {
    return new S3Operation(name, Set.of(needs));
  }
}
