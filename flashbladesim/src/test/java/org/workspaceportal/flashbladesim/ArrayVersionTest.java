package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Purity//FB release the simulated array reports agrees with the REST versions it offers. */
class ArrayVersionTest {

  private static String reportedVersion(FlashBladeSimulator simulator) {
    var reply = SimulatorFixtures.loggedIn(simulator).get("/arrays");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.items().path(0).path("os").asString()).isEqualTo("Purity//FB");
    return reply.items().path(0).path("version").asString();
  }

  @Test
  void anArrayOfferingRest226RunsPurity481() {
    assertThat(reportedVersion(SimulatorFixtures.newest())).isEqualTo("4.8.1");
  }

  @Test
  void anArrayOfferingRest217RunsTheNewestReleaseKnownToServeNoMoreThanThat() {
    assertThat(reportedVersion(SimulatorFixtures.shared())).isEqualTo("4.5.2");
  }

  @Test
  void documentedReleasesMapToTheRestVersionTheyBrought() {
    assertThat(PurityReleases.serving(0)).isEqualTo("3.2.0");
    assertThat(PurityReleases.serving(15)).isEqualTo("4.5.0");
    assertThat(PurityReleases.serving(18)).isEqualTo("4.6.0");
    assertThat(PurityReleases.serving(20)).isEqualTo("4.6.3");
    assertThat(PurityReleases.serving(22)).isEqualTo("4.6.7");
    assertThat(PurityReleases.serving(24)).isEqualTo("4.6.8");
  }

  @Test
  void everyVersionTheSimulatorCanOfferHasAReleaseAndNewerVersionsNeverAnOlderOne() {
    List<String> releases = new ArrayList<>();
    for (int minor = 0; minor <= RestVersions.HIGHEST_KNOWN_MINOR; minor++) {
      releases.add(PurityReleases.serving(minor));
    }

    assertThat(releases).isSortedAccordingTo(ArrayVersionTest::compareReleases);
  }

  private static int compareReleases(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < 3; i++) {
      int order = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }
}
