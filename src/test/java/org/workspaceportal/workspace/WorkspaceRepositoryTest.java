package org.workspaceportal.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workspaceportal.workspace.WorkspaceFixtures.DEFAULT_TEMPLATE_ID;
import static org.workspaceportal.workspace.WorkspaceFixtures.T0;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.workspaceportal.PostgresJpaTest;
import org.workspaceportal.identity.IdentityFixtures;
import org.workspaceportal.storage.Retention;

/**
 * The workspaces table on real PostgreSQL: the partial unique index on live names, and the usage
 * query.
 */
@PostgresJpaTest
class WorkspaceRepositoryTest {

  @Autowired WorkspaceRepository workspaces;
  @Autowired TransitionRepository transitions;
  @Autowired JdbcTemplate jdbc;

  private final String owner = IdentityFixtures.uniqueUsername("repo");

  private Workspace save(String name, int workers) {
    Workspace w =
        new Workspace(
            name,
            null,
            owner,
            DEFAULT_TEMPLATE_ID,
            workers,
            null,
            false,
            Retention.DESTROY,
            null,
            T0);
    workspaces.saveAndFlush(w);
    transitions.saveAndFlush(w.created(owner));
    return w;
  }

  private void move(Workspace w, WorkspaceStatus... path) {
    for (WorkspaceStatus s : path) {
      transitions.save(w.moveTo(s, "moved", "admin", null, T0));
    }
    workspaces.saveAndFlush(w);
  }

  @Test
  void aSecondLiveWorkspaceWithTheSameOwnerAndNameIsRefusedByTheDatabase() {
    save("dup-name", 1);

    assertThatThrownBy(() -> save("dup-name", 1))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void theNameOfARejectedWorkspaceCanBeUsedAgain() {
    Workspace rejected = save("reused-name", 1);
    move(rejected, WorkspaceStatus.REJECTED);

    Workspace again = save("reused-name", 1);

    assertThat(workspaces.findById(again.id())).isPresent();
  }

  @Test
  void theNameOfADeletedWorkspaceCanBeUsedAgainEvenTwice() {
    move(save("reused-name", 1), WorkspaceStatus.DELETED);
    move(save("reused-name", 1), WorkspaceStatus.REJECTED, WorkspaceStatus.DELETED);

    Workspace again = save("reused-name", 1);

    assertThat(workspaces.findById(again.id())).isPresent();
  }

  @Test
  void aNameHeldByAnApprovedOrFailedWorkspaceStaysTaken() {
    move(save("held-a", 1), WorkspaceStatus.APPROVED);
    move(save("held-b", 1), WorkspaceStatus.APPROVED, WorkspaceStatus.FAILED);

    assertThatThrownBy(() -> save("held-a", 1)).isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void theSameNameIsFineForTwoDifferentOwners() {
    save("shared-name", 1);
    Workspace other =
        new Workspace(
            "shared-name",
            null,
            owner + "-2",
            DEFAULT_TEMPLATE_ID,
            1,
            null,
            false,
            Retention.KEEP,
            null,
            T0);

    workspaces.saveAndFlush(other);

    assertThat(workspaces.findById(other.id())).isPresent();
  }

  @Test
  void usageCountsWorkspacesAndWorkersInTheGivenStatusesOnly() {
    save("pending-one", 2);
    move(save("approved-one", 3), WorkspaceStatus.APPROVED);
    move(save("rejected-one", 4), WorkspaceStatus.REJECTED);

    var live =
        workspaces.usage(
            owner,
            EnumSet.complementOf(EnumSet.of(WorkspaceStatus.REJECTED, WorkspaceStatus.DELETED)));
    var admitted = workspaces.usage(owner, EnumSet.of(WorkspaceStatus.APPROVED));
    var none = workspaces.usage(owner + "-nobody", EnumSet.allOf(WorkspaceStatus.class));

    assertThat(live).isEqualTo(new WorkspaceRepository.Usage(2, 5));
    assertThat(admitted).isEqualTo(new WorkspaceRepository.Usage(1, 3));
    assertThat(none).isEqualTo(new WorkspaceRepository.Usage(0, 0));
  }

  @Test
  void theCountPerStatusNamesEachStatusInUse() {
    save("counted", 1);

    assertThat(workspaces.countByStatus())
        .filteredOn(c -> c.status() == WorkspaceStatus.PENDING_APPROVAL)
        .singleElement()
        .satisfies(c -> assertThat(c.count()).isPositive());
  }

  @Test
  void theHistoryOfAWorkspaceIsKeptInOrder() {
    Workspace w = save("with-history", 1);
    move(w, WorkspaceStatus.APPROVED, WorkspaceStatus.PROVISIONING, WorkspaceStatus.READY);

    assertThat(
            transitions.findByWorkspaceIdOrderByIdAsc(w.id()).stream().map(t -> t.toEntry().to()))
        .containsExactly(
            WorkspaceStatus.PENDING_APPROVAL,
            WorkspaceStatus.APPROVED,
            WorkspaceStatus.PROVISIONING,
            WorkspaceStatus.READY);
  }

  @Test
  void aChangeMadeMeanwhileBySomeoneElseIsDetectedByTheVersionColumn() {
    Workspace w = save("versioned", 1);
    // Someone else (another request, the provisioning engine) changed the row after we loaded it.
    jdbc.update("update workspaces set version = version + 1 where id = ?", w.id());

    assertThatThrownBy(() -> move(w, WorkspaceStatus.APPROVED))
        .isInstanceOf(ObjectOptimisticLockingFailureException.class);
  }
}
