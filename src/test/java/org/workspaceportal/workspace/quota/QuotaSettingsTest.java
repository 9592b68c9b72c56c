package org.workspaceportal.workspace.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.audit.AuditEntry;
import org.workspaceportal.audit.AuditService;
import org.workspaceportal.identity.ApiTokenService;
import org.workspaceportal.identity.IdentityFixtures;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.Role;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;

/**
 * Issue 23, item 8: the default quotas an admin sets on Admin → Settings apply to everyone without
 * an override of their own, the configured ones again after "use the configured default", and each
 * change is audited before → after.
 */
@PortalIntegrationTest
class QuotaSettingsTest {

  @Autowired QuotaSettings settings;
  @Autowired QuotaPolicy policy;
  @Autowired IdentityService identity;
  @Autowired ApiTokenService tokens;
  @Autowired AuditService audit;

  @AfterEach
  void configuredAgain() {
    settings.useConfigured("test");
  }

  private AuditEntry lastQuotaChange() {
    return audit.page(0, 50, "setting.changed").getContent().stream()
        .filter(e -> "default quotas".equals(e.target()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void savedDefaultsApplyToEveryoneWithoutAnOverrideAndAreAudited() {
    QuotaLimits configured = settings.current().configured();
    String plain = IdentityFixtures.newAccount(identity, tokens, Role.USER, "qd").username();
    String own = IdentityFixtures.newAccount(identity, tokens, Role.USER, "qo").username();
    identity.setQuota(own, 1, 2, "test");

    QuotaSetting saved = settings.set(7, 21, "root");

    assertThat(saved.saved()).isTrue();
    assertThat(policy.defaults()).isEqualTo(new QuotaLimits(7, 21));
    assertThat(policy.forRequest(plain).maxWorkspaces()).isEqualTo(7);
    assertThat(policy.forRequest(plain).maxWorkers()).isEqualTo(21);
    assertThat(policy.forRequest(own).maxWorkspaces()).as("an override still wins").isEqualTo(1);
    AuditEntry change = lastQuotaChange();
    assertThat(change.actor()).isEqualTo("root");
    assertThat(change.detail())
        .isEqualTo(
            configured.maxWorkspaces()
                + " workspaces, "
                + configured.maxWorkers()
                + " workers (configured) → 7 workspaces, 21 workers");
    assertThat(change.targetPath()).isEqualTo("/admin/settings#quota-setting");

    QuotaSetting again = settings.useConfigured("root");

    assertThat(again.saved()).isFalse();
    assertThat(policy.defaults()).isEqualTo(configured);
    assertThat(lastQuotaChange().detail()).startsWith("7 workspaces, 21 workers → ");
  }

  @Test
  void aNumberOutOfRangeIsRefusedAndChangesNothing() {
    QuotaLimits before = policy.defaults();

    assertThatThrownBy(() -> settings.set(-1, 5, "root"))
        .isInstanceOf(InvalidWorkspaceRequestException.class)
        .hasMessageContaining("maxWorkspaces");
    assertThatThrownBy(() -> settings.set(5, 2_000_000, "root"))
        .isInstanceOf(InvalidWorkspaceRequestException.class)
        .hasMessageContaining("maxWorkers");
    assertThat(policy.defaults()).isEqualTo(before);
  }
}
