package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.workspaceportal.flashbladesim.FaultInjector;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.storage.StorageException;

/**
 * Against the simulator: every call is sent once and its failure says whether and when another
 * attempt (the engine's, which runs the step again) may help; refusals are permanent; what a lost
 * answer created is adopted by the next attempt.
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
    FaultInjector.of(array).reset();
  }

  @Test
  void aRateLimitedCallIsOneCallAndATransientFailureCarryingTheArraysRetryAfter() {
    String account = SimulatedFlashBlade.unique("retry");
    long gets = array.callCount("GET", "object-store-accounts");
    FaultInjector.of(array).failNext(1, "GET", "/object-store-accounts", 429);

    assertThatThrownBy(() -> storage.ensureAccount(account))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.isTransient()).isTrue();
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
              assertThat(e.getMessage()).contains("HTTP 429").doesNotContain("attempts");
            });
    assertThat(array.callCount("GET", "object-store-accounts")).isEqualTo(gets + 1);

    storage.ensureAccount(account); // the next attempt goes through
    assertThat(array.accounts()).anyMatch(a -> a.name().equals(account));
  }

  @Test
  void anUnavailableArrayIsATransientFailureWithoutARetryAfterWhenItGaveNone() {
    String account = SimulatedFlashBlade.unique("retry");
    storage.ensureAccount(account);
    String bucket = SimulatedFlashBlade.unique("retry");
    long posts = array.callCount("POST", "buckets");
    FaultInjector.of(array).failNext(1, "POST", "/buckets", 503);

    assertThatThrownBy(() -> storage.ensureBucket(account, bucket, null))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isTransient()).isTrue());
    assertThat(array.callCount("POST", "buckets")).isEqualTo(posts + 1);

    storage.ensureBucket(account, bucket, null);
    assertThat(array.buckets())
        .anyMatch(b -> b.name().equals(bucket) && b.account().equals(account));
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
  void aCreateWhoseAnswerWasLostIsAdoptedOnTheNextAttempt() {
    String account = SimulatedFlashBlade.unique("race");
    storage.ensureAccount(account);
    String bucket = SimulatedFlashBlade.unique("race");
    long posts = array.callCount("POST", "buckets");
    // the first POST creates the bucket but its answer is lost; the next attempt finds it
    FaultInjector.of(array).failNextAfterApplying(1, "POST", "/buckets", 503);

    assertThatThrownBy(() -> storage.ensureBucket(account, bucket, null))
        .isInstanceOf(StorageException.class);
    storage.ensureBucket(account, bucket, null);

    assertThat(array.callCount("POST", "buckets")).isEqualTo(posts + 1);
    assertThat(array.buckets())
        .filteredOn(b -> b.name().equals(bucket))
        .singleElement()
        .satisfies(b -> assertThat(b.account()).isEqualTo(account));
  }

  @Test
  void aUserCreatedInTheMeantimeIsAdopted() {
    String account = SimulatedFlashBlade.unique("race");
    storage.ensureAccount(account);
    FaultInjector.of(array).failNextAfterApplying(1, "POST", "/object-store-users", 500);

    assertThatThrownBy(() -> storage.ensureUser(account, "spark"))
        .isInstanceOf(StorageException.class);
    storage.ensureUser(account, "spark");

    assertThat(array.users())
        .filteredOn(u -> u.name().equals(account + "/spark"))
        .singleElement()
        .satisfies(
            u ->
                assertThat(u.policies())
                    .containsExactlyInAnyOrderElementsOf(AccessPolicies.WORKSPACE_USER));
  }
}
