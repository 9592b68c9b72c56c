package org.workspaceportal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.Role;
import org.workspaceportal.workspace.quota.QuotaLimits;
import org.workspaceportal.workspace.template.TemplateForm;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.template.TemplateView;

/** The small reads the pages make: the waiting count, one pending request, template usage. */
@PortalIntegrationTest
class PageReadsTest {

  private static final CurrentUser ADMIN = new CurrentUser("page-reads-test", true);

  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;
  @Autowired IdentityService identity;

  private CurrentUser newUser() {
    String name = "reads-" + WorkspaceFixtures.uniqueName();
    identity.createUser(new NewUser(name, "password-123", Role.USER), "test");
    return new CurrentUser(name, false);
  }

  @Test
  void aPendingRequestIsReadWithItsOwnersUsageUntilItIsDecided() {
    CurrentUser owner = newUser();
    WorkspaceView first =
        workspaces.request(WorkspaceFixtures.request(WorkspaceFixtures.uniqueName(), 3), owner);
    WorkspaceView second =
        workspaces.request(WorkspaceFixtures.request(WorkspaceFixtures.uniqueName(), 1), owner);
    long waiting = workspaces.pendingCount();
    workspaces.approve(first.id(), ADMIN);

    assertThat(workspaces.pendingCount()).isLessThan(waiting);
    assertThat(workspaces.pendingRequest(first.id())).as("decided").isEmpty();
    assertThat(workspaces.pendingRequest(second.id()))
        .get()
        .satisfies(
            p -> {
              assertThat(p.workspace().name()).isEqualTo(second.name());
              assertThat(p.workspace().template()).isEqualTo(WorkspaceFixtures.STORAGE_TEMPLATE);
              // only approved workspaces count against the quota an admin approves into
              assertThat(p.ownerQuota().usedWorkspaces()).isEqualTo(1);
              assertThat(p.ownerQuota().usedWorkers()).isEqualTo(3);
            });
  }

  @Test
  void templateUsageCountsLiveWorkspacesOnly() {
    // a template of its own: nothing else in the shared database uses it
    TemplateView template =
        templates.create(
            new TemplateForm(
                "reads-" + WorkspaceFixtures.uniqueName(),
                "for a test",
                "workspace-portal/spark:4.0",
                "4.0.1",
                1,
                2,
                1,
                512),
            "test");
    try {
      CurrentUser owner = newUser();
      WorkspaceRequest request =
          new WorkspaceRequest(
              WorkspaceFixtures.uniqueName(), null, template.name(), null, null, null, null);
      workspaces.request(request, owner);
      WorkspaceView rejected =
          workspaces.request(
              new WorkspaceRequest(
                  WorkspaceFixtures.uniqueName(), null, template.name(), null, null, null, null),
              owner);
      workspaces.reject(rejected.id(), "no", ADMIN);

      assertThat(templates.liveWorkspacesByTemplate()).containsEntry(template.id(), 1L);
    } finally {
      templates.setEnabled(template.id(), false, "test");
    }
  }

  @Test
  void theDefaultLimitsAreTheConfiguredQuota() {
    assertThat(workspaces.defaultLimits()).isEqualTo(new QuotaLimits(5, 16));
  }
}
