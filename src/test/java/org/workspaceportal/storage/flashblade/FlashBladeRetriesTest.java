package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.storage.StorageException;

/**
 * Against the simulator: busy answers are waited out, refusals are not retried, lost answers
 * adopted.
 */
class FlashBladeRetriesTest {

  private static final FlashBladeSimulator array = SimulatedFlashBlade.shared();
  private static final FlashBladeObjectStorage storage = SimulatedFlashBlade.adapter(array);

  @AfterAll
  static void close() {
    storage.close();
  }

  @AfterEach
  void resetFaults() {
    array.faults().reset();
  }

  @Test
  void rateLimitedCallsAreRetriedUntilTheyGoThrough() {
    String account = SimulatedFlashBlade.unique("retry");
    array.faults().failNext(2, "GET", "/object-store-accounts", 429);

    storage.ensureAccount(account);

    assertThat(array.accounts()).anyMatch(a -> a.name().equals(account));
  }

  @Test
  void unavailableAnswersAreRetriedUntilTheyGoThrough() {
    String account = SimulatedFlashBlade.unique("retry");
    storage.ensureAccount(account);
    String bucket = SimulatedFlashBlade.unique("retry");
    array.faults().failNext(3, "POST", "/buckets", 503);

    storage.ensureBucket(account, bucket, null);

    assertThat(array.buckets())
        .anyMatch(b -> b.name().equals(bucket) && b.account().equals(account));
  }

  @Test
  void anArrayThatStaysUnavailableEndsInATransientFailure() {
    array.faults().failNext(4, "GET", "/object-store-accounts", 503);

    assertThatThrownBy(() -> storage.ensureAccount(SimulatedFlashBlade.unique("retry")))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("HTTP 503 on all 4 attempts")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isTrue());
  }

  @Test
  void aRefusedCreateIsPermanentAndSaysWhy() {
    long posts = array.callCount("POST", "object-store-accounts");

    assertThatThrownBy(() -> storage.ensureAccount("Not_Valid"))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("FlashBlade refused to create object-store account 'Not_Valid': ")
        .hasMessageContaining("lowercase")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
    assertThat(array.callCount("POST", "object-store-accounts")).isEqualTo(posts + 1);
  }

  @Test
  void aCreateWhoseAnswerWasLostIsAdoptedOnTheRetry() {
    String account = SimulatedFlashBlade.unique("race");
    storage.ensureAccount(account);
    String bucket = SimulatedFlashBlade.unique("race");
    long posts = array.callCount("POST", "buckets");
    // the first POST creates the bucket but its answer is lost; the retry then hears "already
    // exists"
    array.faults().failNextAfterApplying(1, "POST", "/buckets", 503);

    storage.ensureBucket(account, bucket, null);

    assertThat(array.callCount("POST", "buckets")).isEqualTo(posts + 2);
    assertThat(array.buckets())
        .filteredOn(b -> b.name().equals(bucket))
        .singleElement()
        .satisfies(b -> assertThat(b.account()).isEqualTo(account));
  }

  @Test
  void aUserCreatedInTheMeantimeIsAdopted() {
    String account = SimulatedFlashBlade.unique("race");
    storage.ensureAccount(account);
    array.faults().failNextAfterApplying(1, "POST", "/object-store-users", 500);

    storage.ensureUser(account, "spark");

    assertThat(array.users())
        .filteredOn(u -> u.name().equals(account + "/spark"))
        .singleElement()
        .satisfies(u -> assertThat(u.fullAccess()).isTrue());
  }
}
