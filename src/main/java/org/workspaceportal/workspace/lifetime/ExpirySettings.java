package org.workspaceportal.workspace.lifetime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;
import org.workspaceportal.workspace.WorkspaceEvents.ExpirySettingChanged;

/**
 * The admin setting of how long an expired, stopped workspace is kept before it is deleted ({@code
 * workspace_settings}); without a saved value, {@link ExpiryProperties#keepStoppedFor()} applies.
 * Every change is published ({@link ExpirySettingChanged}) and so audited.
 *
 * <p>The expiry task reads the value fresh on each pass ({@link #keepStoppedFor()}); the pages,
 * which ask once per listed workspace, read a copy that is at most {@link #PAGE_CACHE} old ({@link
 * #keepStoppedForCached()}), dropped at once on a change through this instance.
 */
@Service
public class ExpirySettings {

  static final Duration PAGE_CACHE = Duration.ofSeconds(10);

  private final WorkspaceSettingsRepository settings;
  private final ExpiryProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  private record Cached(Duration value, Instant readAt) {}

  private volatile Cached cached;

  ExpirySettings(
      WorkspaceSettingsRepository settings,
      ExpiryProperties properties,
      ApplicationEventPublisher events,
      Clock clock) {
    this.settings = settings;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
  }

  /** What applies now, read from the database. */
  public Duration keepStoppedFor() {
    Integer days = settings.keepStoppedForDays();
    Duration value = days == null ? properties.keepStoppedFor() : Duration.ofDays(days);
    cached = new Cached(value, clock.instant());
    return value;
  }

  /** What applies, read at most {@link #PAGE_CACHE} ago. */
  Duration keepStoppedForCached() {
    Cached c = cached;
    if (c != null && c.readAt().plus(PAGE_CACHE).isAfter(clock.instant())) {
      return c.value();
    }
    return keepStoppedFor();
  }

  @Transactional(readOnly = true)
  public ExpirySetting current() {
    return view(load());
  }

  /**
   * Saves the admin's value.
   *
   * @throws InvalidWorkspaceRequestException when {@code days} is missing or out of range
   */
  @Transactional
  public ExpirySetting setKeepStoppedForDays(Integer days, String actor) {
    if (days == null || days < ExpirySetting.MIN_DAYS || days > ExpirySetting.MAX_DAYS) {
      throw new InvalidWorkspaceRequestException(
          "keepStoppedForDays",
          "must be a whole number of days from "
              + ExpirySetting.MIN_DAYS
              + " to "
              + ExpirySetting.MAX_DAYS);
    }
    return change(days, actor);
  }

  /** Drops the admin's value: the configured default applies again. */
  @Transactional
  public ExpirySetting useDefault(String actor) {
    return change(null, actor);
  }

  private ExpirySetting change(Integer days, String actor) {
    WorkspaceSettings row = load();
    ExpirySetting before = view(row);
    // as PostgreSQL keeps it, so that the answer equals what is read back later
    row.setKeepStoppedForDays(days, actor, clock.instant().truncatedTo(ChronoUnit.MICROS));
    settings.flush();
    cached = null;
    // and again once committed: a page may have cached the old value in between
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            cached = null;
          }
        });
    ExpirySetting after = view(row);
    events.publishEvent(new ExpirySettingChanged(actor, describe(before), describe(after)));
    return after;
  }

  private static String describe(ExpirySetting s) {
    return s.keepStoppedForText() + (s.isDefault() ? " (default)" : "");
  }

  private WorkspaceSettings load() {
    return settings
        .findById(WorkspaceSettings.ID)
        .orElseThrow(() -> new IllegalStateException("workspace_settings has no row (V50)"));
  }

  private ExpirySetting view(WorkspaceSettings row) {
    Integer days = row.keepStoppedForDays();
    return new ExpirySetting(
        days == null ? properties.keepStoppedFor() : Duration.ofDays(days),
        days,
        properties.keepStoppedFor(),
        row.changedBy(),
        row.changedAt());
  }
}
