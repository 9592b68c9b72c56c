package org.workspaceportal.workspace;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.workspace.WorkspaceEvents.TemplateChanged;

/**
 * Admin management of workspace templates. Templates are disabled, never deleted: workspaces refer
 * to them.
 */
@Service
public class TemplateService {

  private final WorkspaceTemplateRepository templates;
  private final WorkspaceRepository workspaces;
  private final PoolClusterRepository pool;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TemplateService(
      WorkspaceTemplateRepository templates,
      WorkspaceRepository workspaces,
      PoolClusterRepository pool,
      ApplicationEventPublisher events,
      Clock clock) {
    this.templates = templates;
    this.workspaces = workspaces;
    this.pool = pool;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<TemplateView> list() {
    return templates.findAllByOrderByNameAsc().stream().map(WorkspaceTemplate::toView).toList();
  }

  @Transactional(readOnly = true)
  public List<TemplateView> enabled() {
    return list().stream().filter(TemplateView::enabled).toList();
  }

  /** How many live workspaces (not rejected, not deleted) use each template; absent: none. */
  @Transactional(readOnly = true)
  public Map<UUID, Long> liveWorkspacesByTemplate() {
    return workspaces.countByTemplate(WorkspaceStatus.live()).stream()
        .collect(
            Collectors.toMap(
                WorkspaceRepository.TemplateCount::templateId,
                WorkspaceRepository.TemplateCount::count));
  }

  /** How many clusters each template's warm pool has, by state; absent: none. */
  public record WarmPoolView(int ready, int starting, int removing) {}

  /** Each template's warm pool as it is now; a template without pool clusters is absent. */
  @Transactional(readOnly = true)
  public Map<UUID, WarmPoolView> warmPools() {
    Map<UUID, Map<PoolCluster.State, Long>> counts =
        pool.findAllByOrderByCreatedAtAsc().stream()
            .collect(
                Collectors.groupingBy(
                    PoolCluster::templateId,
                    Collectors.groupingBy(PoolCluster::state, Collectors.counting())));
    return counts.entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e ->
                    new WarmPoolView(
                        e.getValue().getOrDefault(PoolCluster.State.READY, 0L).intValue(),
                        e.getValue().getOrDefault(PoolCluster.State.STARTING, 0L).intValue(),
                        e.getValue().getOrDefault(PoolCluster.State.REMOVING, 0L).intValue()
                            + e.getValue().getOrDefault(PoolCluster.State.FAILED, 0L).intValue())));
  }

  @Transactional(readOnly = true)
  public TemplateView get(UUID id) {
    return load(id).toView();
  }

  @Transactional
  public TemplateView create(TemplateForm form, String actor) {
    if (templates.findByName(form.name()).isPresent()) {
      throw new InvalidWorkspaceRequestException(
          "name", "a template named '" + form.name() + "' already exists");
    }
    WorkspaceTemplate template = templates.save(new WorkspaceTemplate(form, clock.instant()));
    events.publishEvent(new TemplateChanged(form.name(), "created", actor));
    return template.toView();
  }

  @Transactional
  public TemplateView update(UUID id, TemplateForm form, String actor) {
    WorkspaceTemplate template = load(id);
    template.update(form);
    events.publishEvent(new TemplateChanged(template.name(), "updated", actor));
    return template.toView();
  }

  @Transactional
  public TemplateView setEnabled(UUID id, boolean enabled, String actor) {
    WorkspaceTemplate template = load(id);
    if (!enabled && template.isDefault()) {
      throw new InvalidWorkspaceRequestException(
          "enabled", "the default template cannot be disabled; make another one the default first");
    }
    template.setEnabled(enabled);
    events.publishEvent(
        new TemplateChanged(template.name(), enabled ? "enabled" : "disabled", actor));
    return template.toView();
  }

  @Transactional
  public TemplateView makeDefault(UUID id, String actor) {
    WorkspaceTemplate template = load(id);
    if (!template.enabled()) {
      throw new InvalidWorkspaceRequestException(
          "default", "enable the template before making it the default");
    }
    templates
        .findByIsDefaultTrue()
        .ifPresent(
            old -> {
              old.setDefault(false);
              templates.flush();
            });
    template.setDefault(true);
    events.publishEvent(new TemplateChanged(template.name(), "made default", actor));
    return template.toView();
  }

  private WorkspaceTemplate load(UUID id) {
    return templates.findById(id).orElseThrow(() -> new NotFoundException("Template"));
  }
}
