package org.workspaceportal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.storage.BucketFiles;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.testsupport.UserS3;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.data.CredentialService;
import org.workspaceportal.workspace.data.WorkspaceCredentials;
import org.workspaceportal.workspace.engine.StepKind;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Stop and start of a one-worker workspace whose notebook folder holds 0, 100 MB and 1 GB, against
 * a plain copy of the same bytes with the AWS SDK (an {@code aws s3 cp} of a local file: one put,
 * one get, same endpoint, same key) in the same run. Prints a markdown table; asserts nothing but
 * that the files came back. Runs only with {@code -Dbenchmark=files} ({@code benchmark/files}).
 */
@PortalIntegrationTest
@RequiresDocker
@EnabledIfSystemProperty(named = "benchmark", matches = "files")
class FilesBenchmark {

  private static final long MB = 1024 * 1024;

  @Autowired WorkspaceService workspaces;
  @Autowired IdentityService identity;
  @Autowired CredentialService credentials;
  @Autowired JdbcTemplate jdbc;
  @Autowired BucketFiles buckets;

  private LiveWorkspaces live;

  @AfterEach
  void leaveNothingBehind() {
    if (live != null) {
      live.cleanUp();
    }
  }

  @Test
  void stopAndStartWithTheirFilesAgainstAPlainSdkCopy() throws IOException {
    live = LiveWorkspaces.ofTheDefaultTemplate(workspaces, identity, jdbc);
    List<String> rows = new ArrayList<>();
    for (long mb : sizes()) {
      rows.add(measure(mb));
    }
    StringBuilder out = new StringBuilder("\n=== Files benchmark ===\n");
    out.append(Machine.describe())
        .append('\n')
        .append("load: ")
        .append(Machine.load())
        .append("\n\n");
    out.append(
        "| files | stop s (save step s, MB/s) | start s (restore step s, MB/s) | plain SDK put s"
            + " (MB/s) | portal's uploader from a local file s (MB/s) | plain SDK get s (MB/s) |"
            + " save / SDK put | save / uploader from a file | restore / SDK get |\n");
    out.append("|---|---|---|---|---|---|---|---|---|\n");
    rows.forEach(r -> out.append(r).append('\n'));
    out.append("=== end of files benchmark ===\n");
    System.out.println(out);
  }

  private static List<Long> sizes() {
    return java.util.Arrays.stream(
            System.getProperty("benchmark.files.mb", "0,100,1024").split(","))
        .map(String::strip)
        .map(Long::parseLong)
        .toList();
  }

  private String measure(long mb) throws IOException {
    WorkspaceView ws = live.approved("bench-files-" + mb, 1);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    UUID cluster =
        jdbc.queryForObject(
            "select cluster_id from workspace_clusters where workspace_id = ?",
            UUID.class,
            ws.id());
    String notebook = SparkContainers.name(cluster, "notebook");
    if (mb > 0) {
      DockerCli.Result wrote =
          DockerCli.run(
              "exec",
              notebook,
              "sh",
              "-c",
              "head -c "
                  + (mb * MB)
                  + " /dev/urandom > "
                  + SparkContainers.NOTEBOOK_DIR
                  + "/big.bin");
      assertThat(wrote.exitCode()).as(wrote.output()).isZero();
    }
    long t0 = System.nanoTime();
    workspaces.stop(ws.id(), live.owner());
    WorkspaceView stopped = live.await(ws.id(), w -> w.status() == WorkspaceStatus.STOPPED);
    double stop = seconds(System.nanoTime() - t0);
    double save = stepSeconds(stopped, StepKind.SAVE_FILES);

    long t1 = System.nanoTime();
    workspaces.start(ws.id(), live.owner());
    WorkspaceView started = live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    double start = seconds(System.nanoTime() - t1);
    double restore = stepSeconds(started, StepKind.RESTORE_FILES);
    if (mb > 0) {
      DockerCli.Result size =
          DockerCli.run(
              "exec", notebook, "stat", "-c", "%s", SparkContainers.NOTEBOOK_DIR + "/big.bin");
      assertThat(size.output().strip()).isEqualTo(String.valueOf(mb * MB));
    }

    double put = 0;
    double uploader = 0;
    double get = 0;
    if (mb > 0) {
      WorkspaceCredentials key = credentials.reveal(ws.id(), live.owner(), "benchmark");
      Path local = Files.createTempFile("files-benchmark", ".bin");
      Path back = Files.createTempFile("files-benchmark", ".back");
      try (S3Client s3 = UserS3.client(key)) {
        try (var out = Files.newOutputStream(local)) {
          byte[] chunk = new byte[(int) MB];
          new java.util.Random(mb).nextBytes(chunk);
          for (long i = 0; i < mb; i++) {
            out.write(chunk);
          }
        }
        long p = System.nanoTime();
        s3.putObject(
            b -> b.bucket(key.bucket()).key("bench/plain.bin"), RequestBody.fromFile(local));
        put = seconds(System.nanoTime() - p);
        // the save's own uploader (multipart, its part size and parts in flight) fed from a local
        // file instead of the engine's tar stream: what the save costs beyond reading the container
        try (BucketFiles.Session bucket =
                buckets.open(
                    java.net.URI.create(key.endpoint()),
                    key.accessKeyId(),
                    key.secretAccessKey(),
                    key.bucket());
            var in = Files.newInputStream(local)) {
          long u = System.nanoTime();
          bucket.put("bench/uploader.bin", in, mb * MB);
          uploader = seconds(System.nanoTime() - u);
        }
        Files.delete(back);
        long g = System.nanoTime();
        s3.getObject(b -> b.bucket(key.bucket()).key("bench/plain.bin"), back);
        get = seconds(System.nanoTime() - g);
      } finally {
        Files.deleteIfExists(local);
        Files.deleteIfExists(back);
      }
    }
    live.delete(ws.id());
    return String.format(
        Locale.ROOT,
        "| %d MB | %.2f (%.2f, %s) | %.2f (%.2f, %s) | %s | %s | %s | %s | %s | %s |",
        mb,
        stop,
        save,
        rate(mb, save),
        start,
        restore,
        rate(mb, restore),
        mb == 0 ? "–" : String.format(Locale.ROOT, "%.2f (%s)", put, rate(mb, put)),
        mb == 0 ? "–" : String.format(Locale.ROOT, "%.2f (%s)", uploader, rate(mb, uploader)),
        mb == 0 ? "–" : String.format(Locale.ROOT, "%.2f (%s)", get, rate(mb, get)),
        mb == 0 ? "–" : String.format(Locale.ROOT, "%.2f", save / put),
        mb == 0 ? "–" : String.format(Locale.ROOT, "%.2f", save / uploader),
        mb == 0 ? "–" : String.format(Locale.ROOT, "%.2f", restore / get));
  }

  private static double stepSeconds(WorkspaceView w, StepKind kind) {
    return w.steps().stream()
        .filter(s -> s.kind() == kind && s.durationMs() != null)
        .reduce((a, b) -> b)
        .map(StepView::durationMs)
        .map(ms -> ms / 1000.0)
        .orElse(Double.NaN);
  }

  private static String rate(long mb, double seconds) {
    return mb == 0 || seconds <= 0 ? "–" : String.format(Locale.ROOT, "%.0f MB/s", mb / seconds);
  }

  private static double seconds(long nanos) {
    return Duration.ofNanos(nanos).toMillis() / 1000.0;
  }
}
