package org.workspaceportal.flashbladesim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the simulated management API misbehave, for tests of retries, re-login and idempotency. A
 * 429 or 403 answer has the gateway's flat body {@code {"message": ...}}; every other injected
 * status has the REST 2.x {@code {"errors": [...]}} body. Faults apply to the management API only.
 */
public final class FaultInjector {

  private final SessionRegistry sessions;
  private final List<FaultRule> rules = new ArrayList<>();
  private volatile Duration latency = Duration.ZERO;
  private volatile double failureRate;
  private volatile int failureStatus = 503;

  FaultInjector(SessionRegistry sessions) {
    this.sessions = sessions;
  }

  /** Delays every call by this much before it is handled. */
  public FaultInjector latency(Duration perCall) {
    this.latency = Objects.requireNonNull(perCall, "perCall");
    return this;
  }

  /**
   * Fails each call with probability {@code rate} (0..1) with the given status, without applying
   * it.
   */
  public FaultInjector failRandomly(double rate, int status) {
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException("rate must be between 0 and 1");
    }
    this.failureStatus = checkStatus(status);
    this.failureRate = rate;
    return this;
  }

  /**
   * Fails the next {@code count} calls matching {@code method} (or "*") and {@code pathPrefix}
   * (e.g. "/buckets", or a full path like "/api/login") with {@code status}, without applying them.
   */
  public FaultInjector failNext(int count, String method, String pathPrefix, int status) {
    return addRule(count, method, pathPrefix, status, false);
  }

  /**
   * Like {@link #failNext}, but each matching call takes effect first and only its answer is lost,
   * as when a response times out after the array created something.
   */
  public FaultInjector failNextAfterApplying(
      int count, String method, String pathPrefix, int status) {
    return addRule(count, method, pathPrefix, status, true);
  }

  /** Invalidates every session now; the next call with an old {@code x-auth-token} gets 401. */
  public FaultInjector expireAllSessions() {
    sessions.expireAll();
    return this;
  }

  /** Removes every latency, failure rate and pending failure; sessions stay as they are. */
  public synchronized void reset() {
    rules.clear();
    latency = Duration.ZERO;
    failureRate = 0;
    failureStatus = 503;
  }

  Duration currentLatency() {
    return latency;
  }

  synchronized OptionalInt failureBefore(String method, String fullPath, String versionedPath) {
    OptionalInt rule = consume(method, fullPath, versionedPath, false);
    if (rule.isPresent()) {
      return rule;
    }
    double rate = failureRate;
    return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate
        ? OptionalInt.of(failureStatus)
        : OptionalInt.empty();
  }

  synchronized OptionalInt failureAfter(String method, String fullPath, String versionedPath) {
    return consume(method, fullPath, versionedPath, true);
  }

  private OptionalInt consume(
      String method, String fullPath, String versionedPath, boolean afterApplying) {
    for (FaultRule rule : rules) {
      if (rule.afterApplying() == afterApplying
          && rule.matches(method, fullPath, versionedPath)
          && rule.consume()) {
        return OptionalInt.of(rule.status());
      }
    }
    rules.removeIf(rule -> rule.remaining().get() == 0);
    return OptionalInt.empty();
  }

  private synchronized FaultInjector addRule(
      int count, String method, String pathPrefix, int status, boolean afterApplying) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive");
    }
    Objects.requireNonNull(pathPrefix, "pathPrefix");
    rules.add(
        new FaultRule(
            method, pathPrefix, checkStatus(status), afterApplying, new AtomicInteger(count)));
    return this;
  }

  private static int checkStatus(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP error status, was " + status);
    }
    return status;
  }
}
