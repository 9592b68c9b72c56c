package org.workspaceportal.flashbladesim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a simulator's management API misbehave, for tests of retries, re-login and idempotency:
 * latency, failures of chosen calls before or after they take effect, random failures, expired
 * sessions. Faults apply to the management API only. It lives in the simulator's test sources (and
 * its test-jar, which the portal's tests use), so that no runtime jar carries it; it reaches the
 * simulator through {@link CallInterceptor}.
 *
 * <pre>{@code
 * FaultInjector.of(array).failNext(1, "POST", "/buckets", 503);
 * }</pre>
 */
public final class FaultInjector implements CallInterceptor {

  private final FlashBladeSimulator simulator;
  private final List<FaultRule> rules = new ArrayList<>();
  private volatile Duration latency = Duration.ZERO;
  private volatile double failureRate;
  private volatile int failureStatus = 503;

  private FaultInjector(FlashBladeSimulator simulator) {
    this.simulator = simulator;
  }

  /**
   * The fault injector of this simulator: the one installed before, else a new one, installed now.
   * A simulator shared by many test classes (the embedded default's) so keeps one injector, and
   * each test's {@link #reset()} clears what the one before left.
   */
  public static synchronized FaultInjector of(FlashBladeSimulator simulator) {
    if (simulator.interceptor() instanceof FaultInjector installed) {
      return installed;
    }
    var injector = new FaultInjector(simulator);
    simulator.intercept(injector);
    return injector;
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
    simulator.expireAllSessions();
    return this;
  }

  /** Removes every latency, failure rate and pending failure; sessions stay as they are. */
  public synchronized void reset() {
    rules.clear();
    latency = Duration.ZERO;
    failureRate = 0;
    failureStatus = 503;
  }

  @Override
  public OptionalInt before(String method, String fullPath, String versionedPath) {
    pause(latency);
    synchronized (this) {
      OptionalInt rule = consume(method, fullPath, versionedPath, false);
      if (rule.isPresent()) {
        return rule;
      }
    }
    double rate = failureRate;
    return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate
        ? OptionalInt.of(failureStatus)
        : OptionalInt.empty();
  }

  @Override
  public synchronized OptionalInt after(String method, String fullPath, String versionedPath) {
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

  private static void pause(Duration latency) {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
