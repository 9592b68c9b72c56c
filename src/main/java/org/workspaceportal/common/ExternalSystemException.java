package org.workspaceportal.common;

import java.time.Duration;
import java.util.Optional;

/**
 * A call to a system outside the portal (the storage array, a Docker engine) failed. Every adapter
 * translates its vendor's errors into a subclass of this, so that whoever orchestrates the call
 * (the provisioning engine, a health check) can decide without knowing the adapter: {@link
 * #isTransient()} says whether trying again later may succeed (timeouts, overload, a restarting
 * engine) or not (refused, invalid, missing). The message is written for people and never contains
 * a secret.
 *
 * <p>Adapters do not retry: whoever orchestrates owns the retry budget (the engine's attempts per
 * step), so that attempts never multiply across layers. An adapter passes on how long the system
 * asked to be left alone ({@link #retryAfter()}, e.g. an HTTP {@code Retry-After}).
 */
public abstract class ExternalSystemException extends RuntimeException {

  private final boolean transientFailure;
  private final Duration retryAfter;

  protected ExternalSystemException(String message, boolean transientFailure, Throwable cause) {
    this(message, transientFailure, cause, null);
  }

  protected ExternalSystemException(
      String message, boolean transientFailure, Throwable cause, Duration retryAfter) {
    super(message, cause);
    this.transientFailure = transientFailure;
    this.retryAfter = retryAfter;
  }

  /** How long the system asked callers to wait before trying again, when it said so. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public boolean isTransient() {
    return transientFailure;
  }
}
