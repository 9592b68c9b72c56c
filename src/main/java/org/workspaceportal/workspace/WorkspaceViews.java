package org.workspaceportal.workspace;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns workspaces into the read models pages and the API show. Callers hold a (read-only)
 * transaction.
 */
@Component
class WorkspaceViews {

  private final TransitionRepository transitions;
  private final WorkspaceStepRepository steps;
  private final WorkspaceTemplateRepository templates;

  WorkspaceViews(
      TransitionRepository transitions,
      WorkspaceStepRepository steps,
      WorkspaceTemplateRepository templates) {
    this.transitions = transitions;
    this.steps = steps;
    this.templates = templates;
  }

  /** Everything about one workspace: its history and the steps of its latest operations. */
  WorkspaceView detailed(Workspace w) {
    List<WorkspaceView.HistoryEntry> history =
        transitions.findByWorkspaceIdOrderByIdAsc(w.id()).stream()
            .map(Transition::toEntry)
            .toList();
    return view(w, templateNames().get(w.templateId()), history, latestSteps(w.id()));
  }

  /** Workspaces for a list: no history, no steps. */
  List<WorkspaceView> summaries(List<Workspace> found) {
    Map<UUID, String> names = templateNames();
    return found.stream().map(w -> summary(w, names.get(w.templateId()))).toList();
  }

  WorkspaceView summary(Workspace w, String templateName) {
    return view(w, templateName, List.of(), List.of());
  }

  /** A workspace just requested: its only history entry is its creation. */
  WorkspaceView requested(Workspace w, String templateName) {
    return view(w, templateName, List.of(w.created(w.owner()).toEntry()), List.of());
  }

  /** For each operation, the steps of its latest run, in the order they ran. */
  private List<StepView> latestSteps(UUID workspaceId) {
    List<WorkspaceStep> all = steps.findByWorkspaceIdOrderByIdAsc(workspaceId);
    Map<Operation, Integer> latestRun =
        all.stream()
            .collect(Collectors.toMap(WorkspaceStep::operation, WorkspaceStep::run, Math::max));
    return all.stream()
        .filter(s -> s.run() == latestRun.get(s.operation()))
        .sorted(Comparator.comparingLong(WorkspaceStep::id))
        .map(StepView::of)
        .toList();
  }

  Map<UUID, String> templateNames() {
    return templates.findAll().stream()
        .collect(Collectors.toMap(WorkspaceTemplate::id, WorkspaceTemplate::name));
  }

  private static WorkspaceView view(
      Workspace w,
      String template,
      List<WorkspaceView.HistoryEntry> history,
      List<StepView> steps) {
    return new WorkspaceView(
        w.id(),
        w.name(),
        w.description(),
        w.owner(),
        template,
        w.workers(),
        w.datahub(),
        w.retention(),
        w.expiresAt(),
        w.status(),
        w.statusReason(),
        w.createdAt(),
        w.updatedAt(),
        history,
        steps);
  }
}
