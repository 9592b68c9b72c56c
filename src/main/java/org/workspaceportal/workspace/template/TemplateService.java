package org.workspaceportal.workspace.template;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;
import org.workspaceportal.workspace.WorkspaceEvents.TemplateChanged;
import org.workspaceportal.workspace.WorkspaceRepository;
import org.workspaceportal.workspace.WorkspaceStatus;

/**
 * Admin management of workspace templates. Templates are disabled, never deleted: workspaces refer
 * to them.
 */
@Service
public class TemplateService {

  private final WorkspaceTemplateRepository templates;
  private final WorkspaceRepository workspaces;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
  private final org.workspaceportal.identity.TeamService teams;

  TemplateService(
      WorkspaceTemplateRepository templates,
      WorkspaceRepository workspaces,
      ApplicationEventPublisher events,
      Clock clock,
      org.springframework.jdbc.core.simple.JdbcClient jdbc,
      org.workspaceportal.identity.TeamService teams) {
    this.jdbc = jdbc;
    this.teams = teams;
    this.templates = templates;
    this.workspaces = workspaces;
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

  /**
   * The enabled templates {@code user} may request: those open to everyone and those open to one of
   * her teams (an admin sees all).
   */
  @Transactional(readOnly = true)
  public List<TemplateView> enabledFor(org.workspaceportal.identity.CurrentUser user) {
    return enabled().stream().filter(t -> openTo(t.id(), user)).toList();
  }

  /** Whether {@code user} may request workspaces of this template. */
  @Transactional(readOnly = true)
  public boolean openTo(UUID templateId, org.workspaceportal.identity.CurrentUser user) {
    java.util.Set<String> audience = audience(templateId);
    if (audience.isEmpty() || user.admin()) {
      return true;
    }
    return teams.teamsOf(user.username()).stream().anyMatch(team -> audience.contains(team.name()));
  }

  /** The teams a template is open to; empty: everyone. */
  @Transactional(readOnly = true)
  public java.util.Set<String> audience(UUID templateId) {
    return new java.util.TreeSet<>(
        jdbc.sql("select team_name from template_teams where template_id = ?")
            .param(templateId)
            .query(String.class)
            .list());
  }

  /**
   * Opens a template to these teams only, or (none) to everyone.
   *
   * @throws InvalidWorkspaceRequestException naming a team that does not exist
   */
  @Transactional
  public java.util.Set<String> setAudience(
      UUID id, java.util.Collection<String> teamNames, String actor) {
    WorkspaceTemplate template = load(id);
    java.util.Set<String> wanted = new java.util.TreeSet<>(teamNames);
    java.util.Set<String> unknown = new java.util.TreeSet<>(wanted);
    unknown.removeAll(teams.names());
    if (!unknown.isEmpty()) {
      throw new InvalidWorkspaceRequestException(
          "teams", "has no such team: " + String.join(", ", unknown));
    }
    java.util.Set<String> before = audience(id);
    jdbc.sql("delete from template_teams where template_id = ?").param(id).update();
    for (String team : wanted) {
      jdbc.sql("insert into template_teams (template_id, team_name) values (?, ?)")
          .params(id, team)
          .update();
    }
    events.publishEvent(
        new TemplateChanged(
            template.name(),
            "audience changed",
            actor,
            describeAudience(before) + " → " + describeAudience(wanted)));
    return wanted;
  }

  private static String describeAudience(java.util.Set<String> teams) {
    return teams.isEmpty() ? "open to everyone" : "open to " + String.join(", ", teams);
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
    events.publishEvent(
        new TemplateChanged(
            form.name(), "created", actor, "warm pool " + template.toView().poolSize()));
    return template.toView();
  }

  @Transactional
  public TemplateView update(UUID id, TemplateForm form, String actor) {
    WorkspaceTemplate template = load(id);
    TemplateView before = template.toView();
    template.update(template.cluster() ? form : storageOnly(before, form));
    TemplateView after = template.toView();
    List<String> changes = TemplateChanges.between(before, after);
    boolean poolOnly = changes.size() == 1 && before.poolSize() != after.poolSize();
    events.publishEvent(
        new TemplateChanged(
            template.name(),
            poolOnly ? "pool resized" : "updated",
            actor,
            changes.isEmpty() ? "nothing changed" : String.join("; ", changes)));
    return after;
  }

  /**
   * What a storage-only template takes of a change: its description and bucket size; it has no
   * image, Spark version, workers, idle stop or pool to change.
   */
  private static TemplateForm storageOnly(TemplateView before, TemplateForm form) {
    TemplateForm kept = TemplateForm.of(before);
    return new TemplateForm(
        kept.name(),
        form.description(),
        kept.image(),
        kept.sparkVersion(),
        kept.defaultWorkers(),
        kept.maxWorkers(),
        kept.workerCores(),
        kept.workerMemoryMb(),
        kept.idleStopMinutes(),
        kept.poolSize(),
        form.bucketQuotaGiB());
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
        new TemplateChanged(template.name(), enabled ? "enabled" : "disabled", actor, null));
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
    events.publishEvent(new TemplateChanged(template.name(), "made default", actor, null));
    return template.toView();
  }

  private WorkspaceTemplate load(UUID id) {
    return templates.findById(id).orElseThrow(() -> new NotFoundException("Template"));
  }
}
