package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workspaceportal.flashbladesim.AccessPolicy.BUCKET_CREATE;
import static org.workspaceportal.flashbladesim.AccessPolicy.BUCKET_DELETE;
import static org.workspaceportal.flashbladesim.AccessPolicy.BUCKET_INFO;
import static org.workspaceportal.flashbladesim.AccessPolicy.BUCKET_LIST;
import static org.workspaceportal.flashbladesim.AccessPolicy.FULL_ACCESS;
import static org.workspaceportal.flashbladesim.AccessPolicy.OBJECT_DELETE;
import static org.workspaceportal.flashbladesim.AccessPolicy.OBJECT_LIST;
import static org.workspaceportal.flashbladesim.AccessPolicy.OBJECT_READ;
import static org.workspaceportal.flashbladesim.AccessPolicy.OBJECT_WRITE;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which policy each S3 request line needs, the way S3Proxy dispatches it. */
class S3OperationTest {

  private static S3Operation of(String method, String path, String query, boolean copy) {
    String[] parts = S3Refusals.bucketAndKey(path);
    return S3Operation.of(
        method, parts[0], parts[1], S3Refusals.query(query), copy ? "/src/key" : null);
  }

  private static S3Operation of(String method, String path, String query) {
    return of(method, path, query, false);
  }

  @Test
  void bucketCallsNeedTheBucketPolicies() {
    assertThat(of("GET", "/", null)).isEqualTo(new S3Operation("ListBuckets", Set.of(BUCKET_LIST)));
    assertThat(of("PUT", "/b", null).needs()).containsExactly(BUCKET_CREATE);
    assertThat(of("DELETE", "/b", null).needs()).containsExactly(BUCKET_DELETE);
    assertThat(of("HEAD", "/b", null).needs()).containsExactly(BUCKET_INFO);
    assertThat(of("GET", "/b", "location").name()).isEqualTo("GetBucketLocation");
    assertThat(of("GET", "/b", "location").needs()).containsExactly(BUCKET_INFO);
    assertThat(of("GET", "/b", "location").answeredWithoutBlobStore()).isTrue();
    assertThat(of("GET", "/b", "acl").needs()).containsExactly(BUCKET_INFO);
  }

  @Test
  void objectCallsNeedTheObjectPolicies() {
    assertThat(of("GET", "/b", "list-type=2&prefix=x").needs()).containsExactly(OBJECT_LIST);
    assertThat(of("GET", "/b", "uploads").needs()).containsExactly(OBJECT_LIST);
    assertThat(of("GET", "/b/k", null).needs()).containsExactly(OBJECT_READ);
    assertThat(of("HEAD", "/b/k", null).needs()).containsExactly(OBJECT_READ);
    assertThat(of("PUT", "/b/k", null).needs()).containsExactly(OBJECT_WRITE);
    assertThat(of("DELETE", "/b/k", null).needs()).containsExactly(OBJECT_DELETE);
    assertThat(of("POST", "/b", "delete").needs()).containsExactly(OBJECT_DELETE);
    assertThat(of("PUT", "/b/k", null, true).needs())
        .containsExactlyInAnyOrder(OBJECT_READ, OBJECT_WRITE);
  }

  @Test
  void everyStepOfAMultipartUploadNeedsObjectWrite() {
    assertThat(of("POST", "/b/k", "uploads").name()).isEqualTo("CreateMultipartUpload");
    assertThat(of("PUT", "/b/k", "partNumber=1&uploadId=u").name()).isEqualTo("UploadPart");
    assertThat(of("GET", "/b/k", "uploadId=u").name()).isEqualTo("ListParts");
    assertThat(of("POST", "/b/k", "uploadId=u").name()).isEqualTo("CompleteMultipartUpload");
    assertThat(of("DELETE", "/b/k", "uploadId=u").name()).isEqualTo("AbortMultipartUpload");
    for (var op :
        new S3Operation[] {
          of("POST", "/b/k", "uploads"),
          of("PUT", "/b/k", "partNumber=1&uploadId=u"),
          of("GET", "/b/k", "uploadId=u"),
          of("POST", "/b/k", "uploadId=u"),
          of("DELETE", "/b/k", "uploadId=u")
        }) {
      assertThat(op.needs()).as(op.name()).containsExactly(OBJECT_WRITE);
    }
    assertThat(of("PUT", "/b/k", "partNumber=1&uploadId=u", true).needs())
        .containsExactlyInAnyOrder(OBJECT_READ, OBJECT_WRITE);
  }

  @Test
  void changingAnAclOrAnythingUnknownNeedsFullAccess() {
    assertThat(of("PUT", "/b", "acl").needs()).containsExactly(FULL_ACCESS);
    assertThat(of("PUT", "/b/k", "acl").needs()).containsExactly(FULL_ACCESS);
    assertThat(of("POST", "/b/k", "partNumber=1&uploadId=u")).isEqualTo(S3Operation.UNKNOWN);
    assertThat(of("PATCH", "/b/k", null)).isEqualTo(S3Operation.UNKNOWN);
    assertThat(of("PUT", "/", null)).isEqualTo(S3Operation.UNKNOWN);
  }

  @Test
  void fullAccessAllowsEverythingAndOtherwiseEveryNeedMustBeHeld() {
    assertThat(AccessPolicy.allow(Set.of(FULL_ACCESS), Set.of(BUCKET_CREATE))).isTrue();
    assertThat(AccessPolicy.allow(Set.of(OBJECT_WRITE), Set.of(OBJECT_READ, OBJECT_WRITE)))
        .isFalse();
    assertThat(AccessPolicy.allow(Set.of(OBJECT_READ, OBJECT_WRITE), Set.of(OBJECT_WRITE)))
        .isTrue();
    assertThat(AccessPolicy.allow(Set.of(OBJECT_READ), S3Operation.UNKNOWN.needs())).isFalse();
  }
}
