package org.workspaceportal.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.Role;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;

/**
 * Measures a workspace start on the machine's engine (master + 2 workers + notebook, warm image),
 * against the floor measured in the same run: benchmark/docker-floor.sh, the same containers
 * started with plain {@code docker run}. Floor and portal runs alternate, so that the machine's
 * load hits both alike. Prints figures; asserts nothing. Run with {@code benchmark/cluster}.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "benchmark", matches = "cluster")
class ClusterBenchmark {

  private static final CurrentUser ADMIN = new CurrentUser("bench-admin", true);
  private static final Pattern FLOOR =
      Pattern.compile("run \\d+:\\s+([0-9.]+) s\\s+\\(notebook answers at ([0-9.]+) s");

  @Autowired WorkspaceService workspaces;
  @Autowired IdentityService identity;

  @Test
  void measure() throws Exception {
    int runs = Integer.getInteger("benchmark.runs", 5);
    CurrentUser owner = owner();
    portalRun(owner); // warm-up: JIT, connections, page cache of the image's files

    List<Double> floorReady = new ArrayList<>();
    List<Double> floorNotebook = new ArrayList<>();
    List<Double> ready = new ArrayList<>();
    List<Double> notebook = new ArrayList<>();
    List<Double> outsideSteps = new ArrayList<>();
    Map<String, List<Double>> perStep = new LinkedHashMap<>();
    for (int i = 0; i < runs; i++) {
      double[] floor = floorRun();
      floorReady.add(floor[0]);
      floorNotebook.add(floor[1]);
      PortalRun run = portalRun(owner);
      ready.add(run.readyMs() / 1000);
      notebook.add(run.notebookMs() / 1000);
      double inSteps = 0;
      for (StepView s : run.steps()) {
        double ms = stepMs(s);
        inSteps += ms;
        perStep.computeIfAbsent(s.label(), k -> new ArrayList<>()).add(ms / 1000);
      }
      outsideSteps.add((run.readyMs() - inSteps) / 1000);
    }

    StringBuilder out = new StringBuilder("\n=== Cluster benchmark (" + runs + " runs) ===\n");
    out.append("| measure | p50 s | p95 s |\n|---|---|---|\n");
    row(out, "floor: plain docker run until 2 workers ALIVE + notebook", floorReady);
    row(out, "floor: plain docker run until the notebook answers", floorNotebook);
    row(out, "portal: approval -> notebook link answers", notebook);
    row(out, "portal: approval -> READY", ready);
    row(out, "portal: time outside any step (engine hand-offs)", outsideSteps);
    out.append(
        String.format(
            "READY p50 / floor p50 = %.2f; notebook p50 / floor notebook p50 = %.2f;"
                + " portal share (outside steps) p50 = %.1f %%%n",
            p(ready, 50) / p(floorReady, 50),
            p(notebook, 50) / p(floorNotebook, 50),
            100 * p(outsideSteps, 50) / p(ready, 50)));
    out.append(
        "| step (from its first start or wait to its end) | p50 s | p95 s |\n|---|---|---|\n");
    perStep.forEach((label, v) -> row(out, label, v));
    System.out.println(out);
  }

  /** A step's time from its first start (or first wait) to its end. */
  private static double stepMs(StepView s) {
    if (s.finishedAt() == null) {
      return 0;
    }
    Instant from = s.waitingSince() != null ? s.waitingSince() : s.startedAt();
    return Duration.between(from, s.finishedAt()).toNanos() / 1e6;
  }

  private record PortalRun(double notebookMs, double readyMs, List<StepView> steps) {}

  private PortalRun portalRun(CurrentUser owner) throws InterruptedException {
    String name = "bench-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    UUID id =
        workspaces
            .request(
                new WorkspaceRequest(
                    name,
                    null,
                    WorkspaceFixtures.DEFAULT_TEMPLATE,
                    2,
                    false,
                    Retention.ERADICATE,
                    null),
                owner)
            .id();
    long start = System.nanoTime();
    workspaces.approve(id, ADMIN);
    double notebookMs = -1;
    WorkspaceView ws = workspaces.get(id, ADMIN);
    while (ws.status() != WorkspaceStatus.READY) {
      if (ws.status() == WorkspaceStatus.FAILED) {
        throw new IllegalStateException("workspace failed: " + ws.statusReason());
      }
      if (notebookMs < 0 && ws.cluster() != null && ws.cluster().notebookReady()) {
        notebookMs = (System.nanoTime() - start) / 1e6;
      }
      Thread.sleep(20);
      ws = workspaces.get(id, ADMIN);
    }
    double readyMs = (System.nanoTime() - start) / 1e6;
    if (notebookMs < 0) {
      notebookMs = readyMs;
    }
    List<StepView> steps = ws.steps();
    workspaces.delete(id, owner);
    while (workspaces.get(id, ADMIN).status() != WorkspaceStatus.DELETED) {
      Thread.sleep(100);
    }
    return new PortalRun(notebookMs, readyMs, steps);
  }

  /** One run of the floor script: {total seconds, notebook seconds}. */
  private static double[] floorRun() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("benchmark/docker-floor.sh", "1", "47000")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(5, TimeUnit.MINUTES);
    Matcher m = FLOOR.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("docker-floor.sh gave no run: " + output);
    }
    return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
  }

  private static void row(StringBuilder out, String what, List<Double> values) {
    out.append(String.format("| %s | %.2f | %.2f |%n", what, p(values, 50), p(values, 95)));
  }

  private static double p(List<Double> values, int percentile) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private CurrentUser owner() {
    String name = "bench" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    identity.createUser(new NewUser(name, "password-123", Role.USER), "bench");
    identity.setQuota(name, 100, 1000, "bench");
    return new CurrentUser(name, false);
  }
}
