package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterHeaderTest {

  @Test
  void secondsAreReadAndAnythingElseIsIgnored() {
    assertThat(FlashBladeHttp.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
    assertThat(FlashBladeHttp.retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
    assertThat(FlashBladeHttp.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isNull();
    assertThat(FlashBladeHttp.retryAfter("-5")).isNull();
    assertThat(FlashBladeHttp.retryAfter(null)).isNull();
  }
}
