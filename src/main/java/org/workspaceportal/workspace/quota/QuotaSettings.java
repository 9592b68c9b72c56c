package org.workspaceportal.workspace.quota;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;
import org.workspaceportal.workspace.WorkspaceEvents.QuotaDefaultsChanged;

/**
 * The default quotas an admin changes on Admin → Settings ({@code workspace_quota_defaults});
 * without saved values the configured ones ({@link QuotaProperties}) apply. A user's own override
 * (Users page) still wins over either. Every change is published, and so audited.
 */
@Service
public class QuotaSettings {

  private final QuotaDefaultsRepository saved;
  private final QuotaProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  QuotaSettings(
      QuotaDefaultsRepository saved,
      QuotaProperties properties,
      ApplicationEventPublisher events,
      Clock clock) {
    this.saved = saved;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
  }

  /** What applies now, and where it comes from. */
  @Transactional(readOnly = true)
  public QuotaSetting current() {
    QuotaDefaults row = row();
    QuotaLimits configured =
        new QuotaLimits(properties.maxLiveWorkspaces(), properties.maxTotalWorkers());
    boolean any = row.maxLiveWorkspaces() != null;
    QuotaLimits applies =
        any ? new QuotaLimits(row.maxLiveWorkspaces(), row.maxTotalWorkers()) : configured;
    return new QuotaSetting(applies, configured, any, row.changedBy(), row.changedAt());
  }

  /**
   * Saves both defaults.
   *
   * @throws InvalidWorkspaceRequestException when one is outside 0..{@value
   *     IdentityService#MAX_QUOTA}
   */
  @Transactional
  public QuotaSetting set(int maxWorkspaces, int maxWorkers, String actor) {
    check("maxWorkspaces", maxWorkspaces);
    check("maxWorkers", maxWorkers);
    return change(maxWorkspaces, maxWorkers, actor);
  }

  /** Drops the saved values: the configured ones apply again. */
  @Transactional
  public QuotaSetting useConfigured(String actor) {
    return change(null, null, actor);
  }

  /** Saves the values (null: the configured ones) and publishes what applied before and now. */
  private QuotaSetting change(Integer maxWorkspaces, Integer maxWorkers, String actor) {
    String before = words(current());
    row().set(maxWorkspaces, maxWorkers, actor, clock.instant());
    saved.flush();
    QuotaSetting now = current();
    events.publishEvent(new QuotaDefaultsChanged(actor, before, words(now)));
    return now;
  }

  private QuotaDefaults row() {
    return saved.findById(QuotaDefaults.ID).orElseThrow();
  }

  private static void check(String field, int value) {
    if (value < 0 || value > IdentityService.MAX_QUOTA) {
      throw new InvalidWorkspaceRequestException(
          field, "must be a whole number from 0 to " + IdentityService.MAX_QUOTA);
    }
  }

  private static String words(QuotaSetting s) {
    return s.applies().maxWorkspaces()
        + " workspaces, "
        + s.applies().maxWorkers()
        + " workers"
        + (s.saved() ? "" : " (configured)");
  }
}
