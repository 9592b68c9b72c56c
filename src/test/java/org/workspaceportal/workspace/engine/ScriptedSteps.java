package org.workspaceportal.workspace.engine;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Test hook, in every full-app test context (component scan): wraps each {@link StepHandler} so
 * that a test can script the outcomes of one step of one workspace ("wait twice, then run for
 * real"), by workspace name. Workspaces without a script run exactly as in production.
 */
@Component
public class ScriptedSteps implements BeanPostProcessor {

  private final Map<String, Queue<StepOutcome>> scripts = new ConcurrentHashMap<>();
  private final Map<String, StepOutcome> forever = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> realRuns = new ConcurrentHashMap<>();

  /** The step answers these outcomes, one per attempt, then runs for real. */
  void script(String workspaceName, StepKind kind, StepOutcome... outcomes) {
    scripts
        .computeIfAbsent(key(workspaceName, kind), k -> new ConcurrentLinkedQueue<>())
        .addAll(List.of(outcomes));
  }

  /** The step answers this outcome every time. */
  public void always(String workspaceName, StepKind kind, StepOutcome outcome) {
    forever.put(key(workspaceName, kind), outcome);
  }

  /** Ends an {@link #always} script: the step runs for real from its next attempt on. */
  public void release(String workspaceName, StepKind kind) {
    forever.remove(key(workspaceName, kind));
  }

  /** How many times the real handler ran the step. */
  int realRuns(String workspaceName, StepKind kind) {
    AtomicInteger n = realRuns.get(key(workspaceName, kind));
    return n == null ? 0 : n.get();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof StepHandler handler) {
      return new Scripted(handler);
    }
    return bean;
  }

  private static String key(String workspaceName, StepKind kind) {
    return workspaceName + "/" + kind;
  }

  private final class Scripted implements StepHandler {
    private final StepHandler real;

    Scripted(StepHandler real) {
      this.real = real;
    }

    @Override
    public Set<StepKind> kinds() {
      return real.kinds();
    }

    @Override
    public StepOutcome run(StepAttempt step) {
      String key = key(step.workspace().name(), step.kind());
      StepOutcome always = forever.get(key);
      if (always != null) {
        return always;
      }
      Queue<StepOutcome> queue = scripts.get(key);
      StepOutcome scripted = queue == null ? null : queue.poll();
      if (scripted != null) {
        return scripted;
      }
      realRuns.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      return real.run(step);
    }

    @Override
    public String detailOnTimeout(StepAttempt step) {
      return forever.containsKey(key(step.workspace().name(), step.kind()))
          ? "(scripted by the test)"
          : real.detailOnTimeout(step);
    }
  }
}
