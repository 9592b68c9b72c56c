package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RestVersionTest {

  @Test
  void choosesTheHighest2xVersionBothSidesSpeak() {
    assertThat(RestVersion.choose(List.of("1.12", "2.0", "2.9", "2.10", "2.2")))
        .contains(new RestVersion(10));
  }

  @Test
  void ignoresVersionsNewerThanTheAdapterKnows() {
    assertThat(RestVersion.choose(List.of("2.25", "2.26", "2.27", "2.30", "3.0")))
        .contains(new RestVersion(RestVersion.HIGHEST_SUPPORTED));
  }

  @Test
  void findsNothingOnARest1OnlyArray() {
    assertThat(RestVersion.choose(List.of("1.0", "1.12", "latest"))).isEmpty();
    assertThat(RestVersion.choose(null)).isEmpty();
  }

  @Test
  void guardsFieldsByVersionAndBuildsThePath() {
    assertThat(new RestVersion(7).atLeast(RestVersion.QUOTAS)).isFalse();
    assertThat(new RestVersion(8).atLeast(RestVersion.QUOTAS)).isTrue();
    assertThat(new RestVersion(17).basePath()).isEqualTo("/api/2.17/");
  }
}
