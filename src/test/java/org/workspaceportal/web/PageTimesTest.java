package org.workspaceportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Times in words, as every page shows them, and the exact time for the tooltip. */
class PageTimesTest {

  private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
  private final PageTimes times = new PageTimes(Clock.fixed(NOW, ZoneOffset.UTC));

  private String ago(Duration d) {
    return times.relative(NOW.minus(d));
  }

  @Test
  void recentTimesAreInMinutesAndHours() {
    assertThat(ago(Duration.ofSeconds(10))).isEqualTo("just now");
    assertThat(ago(Duration.ofSeconds(60))).isEqualTo("1 minute ago");
    assertThat(ago(Duration.ofMinutes(17))).isEqualTo("17 minutes ago");
    assertThat(ago(Duration.ofMinutes(70))).isEqualTo("1 hour ago");
    assertThat(ago(Duration.ofHours(5))).isEqualTo("5 hours ago");
  }

  @Test
  void olderTimesAreInDaysMonthsAndYears() {
    assertThat(ago(Duration.ofHours(30))).isEqualTo("1 day ago");
    assertThat(ago(Duration.ofDays(3))).isEqualTo("3 days ago");
    assertThat(ago(Duration.ofDays(35))).isEqualTo("1 month ago");
    assertThat(ago(Duration.ofDays(200))).isEqualTo("7 months ago");
    assertThat(ago(Duration.ofDays(400))).isEqualTo("1 year ago");
    assertThat(ago(Duration.ofDays(1200))).isEqualTo("3 years ago");
  }

  @Test
  void futureTimesSayIn() {
    assertThat(times.relative(NOW.plusSeconds(5))).isEqualTo("in a moment");
    assertThat(times.relative(NOW.plus(Duration.ofDays(7)))).isEqualTo("in 7 days");
    assertThat(times.relative(NOW.plus(Duration.ofDays(90)))).isEqualTo("in 3 months");
  }

  @Test
  void theExactTimeIsUtcToTheSecond() {
    assertThat(times.exact(Instant.parse("2026-01-02T03:04:05.678Z")))
        .isEqualTo("2026-01-02 03:04:05 UTC");
    assertThat(times.exact(null)).isEmpty();
  }

  @Test
  void durationsAreInWords() {
    assertThat(times.duration(850L)).isEqualTo("850 ms");
    assertThat(times.duration(2340L)).isEqualTo("2.3 s");
    assertThat(times.duration(12_400L)).isEqualTo("12 s");
    assertThat(times.duration(125_000L)).isEqualTo("2 min 5 s");
    assertThat(times.duration(3_780_000L)).isEqualTo("1 h 3 min");
    assertThat(times.duration(null)).isEmpty();
  }
}
