package org.workspaceportal.workspace.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.PendingRequest;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;

class QuotaTest {

  @Test
  void aRequestThatFillsBothLimitsExactlyIsAllowed() {
    assertThatCode(() -> new Quota(5, 4, 16, 14).check(2, null)).doesNotThrowAnyException();
  }

  @Test
  void oneWorkspaceTooManyNamesTheWorkspaceLimitAndTheUsage() {
    assertThatThrownBy(() -> new Quota(5, 5, 16, 0).check(1, null))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
              assertThat(e.getBody().getType())
                  .hasToString("https://workspace-portal.dev/problems/quota-exceeded");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Quota exceeded: at most 5 live workspaces are allowed and you have 5.");
            });
  }

  @Test
  void oneWorkerTooManyNamesTheWorkerLimitTheUsageAndTheRequest() {
    assertThatThrownBy(() -> new Quota(5, 1, 16, 15).check(2, null))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessage(
            "Quota exceeded: at most 16 workers in total are allowed; you use 15 and asked for 2 more.");
  }

  @Test
  void aZeroWorkspaceQuotaRefusesEveryRequest() {
    assertThatThrownBy(() -> new Quota(0, 0, 16, 0).check(1, null))
        .hasMessageContaining("at most 0 live workspaces");
  }

  @Test
  void whenBothLimitsAreBrokenTheWorkspaceLimitIsReported() {
    assertThatThrownBy(() -> new Quota(1, 1, 2, 2).check(4, null))
        .hasMessageContaining("live workspaces");
  }

  @ParameterizedTest(name = "max {0}/{2}, used {1}/{3}, asks {4} → fits: {5}")
  @CsvSource({
    "5, 4, 16, 14, 2, true",
    "5, 5, 16, 0, 1, false",
    "5, 1, 16, 15, 2, false",
    "1, 0, 4, 0, 4, true",
    "0, 0, 4, 0, 1, false"
  })
  void thePendingRequestBadgeAgreesWithTheCheck(
      int maxWs, int usedWs, int maxWorkers, int usedWorkers, int asks, boolean fits) {
    Quota quota = new Quota(maxWs, usedWs, maxWorkers, usedWorkers);
    PendingRequest pending =
        new PendingRequest(
            new WorkspaceView(
                null,
                "x",
                null,
                "alice",
                "t",
                asks,
                false,
                Retention.DESTROY,
                null,
                WorkspaceStatus.PENDING_APPROVAL,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null),
            quota);

    assertThat(pending.fitsQuota()).isEqualTo(fits);
    if (fits) {
      assertThatCode(() -> quota.check(asks, null)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> quota.check(asks, null)).isInstanceOf(QuotaExceededException.class);
    }
  }

  @Test
  void aTeamsStorageLimitCountsBucketSizesAndRefusesABucketWithoutOne() {
    Quota quota =
        new Quota(5, 0, 16, 0, List.of(new Quota.TeamQuota("physics", null, 2, null, 4, 100, 60)));

    assertThat(quota.allows(1, 40)).isTrue();
    assertThatCode(() -> quota.check(1, 40)).doesNotThrowAnyException();
    assertThat(quota.allows(1, 41)).isFalse();
    assertThatThrownBy(() -> quota.check(1, 41))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessage(
            "Quota of team physics exceeded: its members' buckets may hold at most 100 GiB"
                + " together; they have 60 GiB and this bucket would add 41 GiB.");
    assertThat(quota.allows(1, null)).isFalse();
    assertThatThrownBy(() -> quota.check(1, null))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessageContaining("limits its members' buckets to 100 GiB together")
        .hasMessageContaining("this template's bucket has no size");
    assertThatCode(() -> quota.checkMoreWorkers(2))
        .as("more workers add no storage")
        .doesNotThrowAnyException();

    Quota noStorageLimit =
        new Quota(5, 0, 16, 0, List.of(new Quota.TeamQuota("chemistry", null, 2, null, 4)));
    assertThat(noStorageLimit.allows(1, null)).isTrue();
  }
}
