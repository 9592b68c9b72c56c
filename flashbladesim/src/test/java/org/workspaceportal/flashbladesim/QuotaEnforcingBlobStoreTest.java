package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.jclouds.blobstore.BlobStore;
import org.junit.jupiter.api.Test;

class QuotaEnforcingBlobStoreTest {

  /** Calls that leave the bytes a container holds as they are (or add empty blobs only). */
  private static final Set<String> UNCOUNTED =
      Set.of(
          "getContext",
          "blobBuilder",
          "listAssignableLocations",
          "list",
          "containerExists",
          "createContainerInLocation",
          "getContainerAccess",
          "setContainerAccess",
          "directoryExists",
          "createDirectory",
          "blobExists",
          "blobMetadata",
          "getBlob",
          "getBlobAccess",
          "setBlobAccess",
          "countBlobs",
          "downloadBlob",
          "streamBlob",
          "initiateMultipartUpload",
          "listMultipartUpload",
          "listMultipartUploads",
          "getMinimumMultipartPartSize",
          "getMaximumMultipartPartSize",
          "getMaximumNumberOfParts");

  @Test
  void everyBlobStoreCallThatChangesWhatABucketHoldsIsCounted() {
    Set<String> counted =
        Arrays.stream(QuotaEnforcingBlobStore.class.getDeclaredMethods())
            .map(QuotaEnforcingBlobStoreTest::signature)
            .collect(Collectors.toSet());

    // a jclouds upgrade that adds a writing call must not silently bypass the quotas
    assertThat(BlobStore.class.getMethods())
        .filteredOn(method -> !UNCOUNTED.contains(method.getName()))
        .extracting(QuotaEnforcingBlobStoreTest::signature)
        .allSatisfy(signature -> assertThat(counted).contains(signature));
  }

  private static String signature(Method method) {
    return method.getName() + Arrays.toString(method.getParameterTypes());
  }
}
