package org.workspaceportal.benchmark;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.Role;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;

/**
 * Measures the provisioning engine against the FlashBlade simulator (no injected latency) and
 * prints figures; it asserts nothing about speed. Run with {@code benchmark/run} (it is skipped in
 * {@code ./mvnw verify}).
 *
 * <ul>
 *   <li>hand-off: from one step finishing to the next starting, over every step pair;
 *   <li>approval to READY, one workspace at a time;
 *   <li>50 workspaces approved at once: time until all are READY, and duplicates on the array.
 * </ul>
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ProvisioningBenchmark {

  private static final CurrentUser ADMIN = new CurrentUser("bench-admin", true);

  @Autowired WorkspaceService workspaces;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  @Test
  void measure() {
    CurrentUser owner = owner();
    warmUp(owner);

    List<Double> approvalToReady = new ArrayList<>();
    List<UUID> sequential = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      WorkspaceView ws = request(owner, "seq");
      long start = System.nanoTime();
      workspaces.approve(ws.id(), ADMIN);
      await(ws.id());
      approvalToReady.add((System.nanoTime() - start) / 1e6);
      sequential.add(ws.id());
    }

    List<UUID> burst = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      burst.add(request(owner, "burst").id());
    }
    long burstStart = System.nanoTime();
    burst.parallelStream().forEach(id -> workspaces.approve(id, ADMIN));
    burst.forEach(this::await);
    double burstSeconds = (System.nanoTime() - burstStart) / 1e9;

    List<Double> handOffs = handOffs(sequential);
    List<Double> burstHandOffs = handOffs(burst);
    long duplicates =
        jdbc.queryForObject(
            "select count(*) from (select bucket from workspace_storage group by bucket having count(*) > 1) d",
            Long.class);

    System.out.println();
    System.out.println(
        "=== Provisioning benchmark (FlashBlade simulator, no injected latency) ===");
    System.out.printf(
        "approval -> READY, 30 sequential : p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
        pct(approvalToReady, 50), pct(approvalToReady, 95), Collections.max(approvalToReady));
    System.out.printf(
        "step hand-off, sequential (%d)   : p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
        handOffs.size(), pct(handOffs, 50), pct(handOffs, 95), Collections.max(handOffs));
    System.out.printf(
        "step hand-off, 50-burst (%d)     : p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
        burstHandOffs.size(),
        pct(burstHandOffs, 50),
        pct(burstHandOffs, 95),
        Collections.max(burstHandOffs));
    System.out.printf(
        "50 approved at once -> all READY : %.2f s, duplicated buckets: %d%n",
        burstSeconds, duplicates);
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        "JVM heap used after run          : %d MiB of %d MiB max%n",
        (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    System.out.println();
  }

  private void warmUp(CurrentUser owner) {
    for (int i = 0; i < 5; i++) {
      WorkspaceView ws = request(owner, "warm");
      workspaces.approve(ws.id(), ADMIN);
      await(ws.id());
    }
  }

  private List<Double> handOffs(List<UUID> ids) {
    List<Double> gaps = new ArrayList<>();
    for (UUID id : ids) {
      List<Timestamp[]> rows =
          jdbc.query(
              "select started_at, finished_at from workspace_steps where workspace_id = ? and operation = 'PROVISION' order by ordinal",
              (rs, n) -> new Timestamp[] {rs.getTimestamp(1), rs.getTimestamp(2)},
              id);
      for (int i = 1; i < rows.size(); i++) {
        Instant previousFinished = rows.get(i - 1)[1].toInstant();
        Instant started = rows.get(i)[0].toInstant();
        gaps.add(Duration.between(previousFinished, started).toNanos() / 1e6);
      }
    }
    return gaps;
  }

  private CurrentUser owner() {
    String name = "bench" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    identity.createUser(new NewUser(name, "password-123", Role.USER), "benchmark");
    identity.setQuota(name, 1000, 10_000, "benchmark");
    return new CurrentUser(name, false);
  }

  private WorkspaceView request(CurrentUser owner, String prefix) {
    String name = prefix + "-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    return workspaces.request(
        new WorkspaceRequest(
            name, null, WorkspaceFixtures.STORAGE_TEMPLATE, 1, false, Retention.ERADICATE, null),
        owner);
  }

  private void await(UUID id) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      WorkspaceStatus status = workspaces.get(id, ADMIN).status();
      if (status == WorkspaceStatus.READY) {
        return;
      }
      if (status == WorkspaceStatus.FAILED) {
        throw new IllegalStateException(
            "workspace " + id + " FAILED: " + workspaces.get(id, ADMIN).statusReason());
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new IllegalStateException("workspace " + id + " not READY in time");
  }

  private static double pct(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.clamp(index, 0, sorted.size() - 1));
  }
}
