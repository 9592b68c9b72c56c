package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jclouds.blobstore.BlobStore;
import org.junit.jupiter.api.Test;

class AccountScopedBlobStoreTest {

  /** Calls that name no container, so there is nothing to check. */
  private static final Set<String> UNGUARDED =
      Set.of(
          "getContext",
          "blobBuilder",
          "listAssignableLocations",
          "getMinimumMultipartPartSize",
          "getMaximumMultipartPartSize",
          "getMaximumNumberOfParts");

  @Test
  void everyBlobStoreCallThatNamesAContainerIsGuarded() {
    Set<String> guarded =
        Stream.of(AccountScopedBlobStore.class, ContainerGuardingBlobStore.class)
            .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
            .map(AccountScopedBlobStoreTest::signature)
            .collect(Collectors.toSet());

    // a jclouds upgrade that adds a container call must not silently open another account's data
    assertThat(BlobStore.class.getMethods())
        .filteredOn(method -> !UNGUARDED.contains(method.getName()))
        .extracting(AccountScopedBlobStoreTest::signature)
        .allSatisfy(signature -> assertThat(guarded).contains(signature));
  }

  private static String signature(Method method) {
    return method.getName() + Arrays.toString(method.getParameterTypes());
  }
}
