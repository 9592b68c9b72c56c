package org.workspaceportal.workspace.lifetime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.workspaceportal.workspace.WorkspaceFixtures;

class ExpiryRulesTest {

  private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
  private final ExpiryRules rules = WorkspaceFixtures.expiryRules(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aWorkspaceWithoutAnExpiryNeverExpiresNorWarns() {
    assertThat(rules.expired(null)).isFalse();
    assertThat(rules.expiresSoon(null)).isFalse();
    assertThat(rules.deletedAt(null)).isNull();
  }

  @Test
  void itExpiresTheMomentItsExpiryIsReached() {
    assertThat(rules.expired(NOW.minusSeconds(1))).isTrue();
    assertThat(rules.expired(NOW)).isTrue();
    assertThat(rules.expired(NOW.plusSeconds(1))).isFalse();
  }

  @Test
  void theWarningStartsTwentyFourHoursAheadByDefaultAndStopsAtExpiry() {
    assertThat(rules.expiresSoon(NOW.plus(Duration.ofHours(5)))).isTrue();
    assertThat(rules.expiresSoon(NOW.plus(Duration.ofHours(24)))).isTrue();
    assertThat(rules.expiresSoon(NOW.plus(Duration.ofHours(24)).plusSeconds(1))).isFalse();
    assertThat(rules.expiresSoon(NOW)).as("expired, not expiring").isFalse();
  }

  @Test
  void anExpiredWorkspaceIsDeletedAfterItWasKeptForTheConfiguredTime() {
    Instant expired = NOW.minus(Duration.ofDays(3));

    assertThat(rules.deletedAt(expired)).isEqualTo(expired.plus(Duration.ofDays(14)));
    assertThat(rules.deleteExpiredBefore()).isEqualTo(NOW.minus(Duration.ofDays(14)));
  }

  @Test
  void theKeepingTimeIsAskedForOnEveryCheckSoASavedChangeAppliesAtOnce() {
    var keep = new AtomicReference<>(Duration.ofDays(14));
    ExpiryRules changing =
        new ExpiryRules(
            new ExpiryProperties(Duration.ofHours(24), Duration.ofDays(14), Duration.ofMinutes(1)),
            keep::get,
            keep::get,
            Clock.fixed(NOW, ZoneOffset.UTC));
    Instant expired = NOW.minus(Duration.ofDays(3));

    keep.set(Duration.ofDays(2));

    assertThat(changing.deleteExpiredBefore()).isEqualTo(NOW.minus(Duration.ofDays(2)));
    assertThat(changing.deletedAt(expired)).isEqualTo(expired.plus(Duration.ofDays(2)));
  }
}
