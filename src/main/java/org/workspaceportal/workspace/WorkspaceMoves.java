package org.workspaceportal.workspace;

import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.common.PortalException;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.workspace.cluster.SilentHosts;
import org.workspaceportal.workspace.files.NotebookSaves;
import org.workspaceportal.workspace.lifetime.ExpiryRules;
import org.workspaceportal.workspace.lifetime.WorkspaceExpiredException;

/**
 * Moving an UNREACHABLE workspace off the hosts that do not answer, at its owner's word (or an
 * admin's): a host lost for good would otherwise hold it until it answers again, and a stop cannot
 * save from a host that does not answer. The move is the engine's {@link Operation#MOVE}; this says
 * whether it is possible now, what it keeps and loses, and starts it. Anyone else's workspace
 * answers as not found, like every workspace action.
 */
@Service
public class WorkspaceMoves {

  private final WorkspaceRepository workspaces;
  private final WorkspaceTransitions transitions;
  private final WorkspaceViews views;
  private final SilentHosts silentHosts;
  private final NotebookSaves saves;
  private final ExpiryRules expiry;

  WorkspaceMoves(
      WorkspaceRepository workspaces,
      WorkspaceTransitions transitions,
      WorkspaceViews views,
      SilentHosts silentHosts,
      NotebookSaves saves,
      ExpiryRules expiry) {
    this.workspaces = workspaces;
    this.transitions = transitions;
    this.views = views;
    this.silentHosts = silentHosts;
    this.saves = saves;
    this.expiry = expiry;
  }

  /**
   * What moving this workspace to other hosts would do, if it can be moved now: it is UNREACHABLE
   * and a host of its cluster does not answer.
   */
  @Transactional(readOnly = true)
  public Optional<MoveOffer> offer(UUID id, CurrentUser user) {
    Workspace workspace = workspaces.findVisible(id, user);
    return workspace.status() == WorkspaceStatus.UNREACHABLE
        ? offerFor(workspace)
        : Optional.empty();
  }

  /** As {@link #offer}, but a workspace that cannot be moved now is a 409 saying why. */
  @Transactional(readOnly = true)
  public MoveOffer terms(UUID id, CurrentUser user) {
    return movable(workspaces.findVisible(id, user));
  }

  /**
   * Moves an UNREACHABLE workspace off the hosts that do not answer: its cluster is removed where
   * the engines answer, its room given back, and it starts anew on hosts that answer, its notebooks
   * restored from their last save (a new one first when the notebook's host answers). What changed
   * on a silent notebook host after its last save is lost: the history says which save was kept.
   * Refused while every host answers: the workspace then comes back by itself.
   */
  @Transactional
  public WorkspaceView move(UUID id, CurrentUser user) {
    Workspace workspace = workspaces.findVisible(id, user);
    MoveOffer offer = movable(workspace);
    if (expiry.expired(workspace.expiresAt())) {
      throw new WorkspaceExpiredException(workspace.name(), id, workspace.expiresAt());
    }
    transitions.move(
        workspace, WorkspaceStatus.MOVING, "moved", user.username(), offer.consequence());
    return views.detailed(workspace, workspace.owner().equals(user.username()));
  }

  private MoveOffer movable(Workspace workspace) {
    if (workspace.status() != WorkspaceStatus.UNREACHABLE) {
      throw new NotPossibleException(
          workspace.name(),
          "it is "
              + workspace.status()
              + ", and only a workspace whose host does not answer (UNREACHABLE) is moved this"
              + " way."
              + (workspace.status() == WorkspaceStatus.READY
                  ? " Stop and start it to place it anew."
                  : ""));
    }
    return offerFor(workspace)
        .orElseThrow(
            () ->
                new NotPossibleException(
                    workspace.name(),
                    "every host of its cluster answers again, so it comes back by itself in a"
                        + " moment."));
  }

  private Optional<MoveOffer> offerFor(Workspace workspace) {
    return silentHosts
        .of(workspace.id())
        .map(
            s ->
                new MoveOffer(
                    s.hosts(),
                    s.notebookHost(),
                    saves.lastSaveTakenAt(workspace.id()).orElse(null)));
  }

  /**
   * A workspace cannot be moved off its hosts now (it is not UNREACHABLE, or its hosts answer
   * again): 409, saying why.
   */
  public static class NotPossibleException extends PortalException {

    public NotPossibleException(String name, String why) {
      super(
          HttpStatus.CONFLICT,
          "move-not-possible",
          "Cannot move it now",
          "Workspace '" + name + "' cannot be moved to other hosts now: " + why);
    }
  }
}
