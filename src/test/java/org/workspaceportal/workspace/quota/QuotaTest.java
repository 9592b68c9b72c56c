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
    assertThatCode(() -> new Quota(5, 4, 16, 14).check(2)).doesNotThrowAnyException();
  }

  @Test
  void oneWorkspaceTooManyNamesTheWorkspaceLimitAndTheUsage() {
    assertThatThrownBy(() -> new Quota(5, 5, 16, 0).check(1))
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
    assertThatThrownBy(() -> new Quota(5, 1, 16, 15).check(2))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessage(
            "Quota exceeded: at most 16 workers in total are allowed; you use 15 and asked for 2 more.");
  }

  @Test
  void aZeroWorkspaceQuotaRefusesEveryRequest() {
    assertThatThrownBy(() -> new Quota(0, 0, 16, 0).check(1))
        .hasMessageContaining("at most 0 live workspaces");
  }

  @Test
  void whenBothLimitsAreBrokenTheWorkspaceLimitIsReported() {
    assertThatThrownBy(() -> new Quota(1, 1, 2, 2).check(4))
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
                null),
            quota);

    assertThat(pending.fitsQuota()).isEqualTo(fits);
    if (fits) {
      assertThatCode(() -> quota.check(asks)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> quota.check(asks)).isInstanceOf(QuotaExceededException.class);
    }
  }
}
