package org.workspaceportal.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.examples.Blobs;
import org.workspaceportal.examples.KMeansCheck;
import org.workspaceportal.examples.RedditComments;
import org.workspaceportal.examples.RedditComments.AuthorCount;
import org.workspaceportal.examples.TopAuthorsCheck;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.Role;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.Requirement;
import org.workspaceportal.testsupport.RequiresDocker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference workloads on a real workspace, as a user runs them: request, approval, READY, both
 * example notebooks executed headless in the notebook container (nbconvert, as "Run All" does),
 * their results checked against what the generators know, deletion, and nothing left on the engine
 * or the FlashBlade simulator. And the architecture's promise about the cluster's Spark secret: a
 * driver without it gets no executors, while the notebook container's own defaults do.
 *
 * <p>The workspace runs the image this checkout builds ({@code build-offline.sh --print-tag}, or
 * {@code PORTAL_TEST_WORKSPACE_IMAGE} as {@code .ci/run} sets it), through a template of its own:
 * the moving alias the default template names may point to another build on a shared engine.
 */
@PortalIntegrationTest
@RequiresDocker
class ExampleWorkloadsTest {

  private static final CurrentUser ADMIN = new CurrentUser("examples-admin", true);
  private static final Duration UP_TO = Duration.ofMinutes(5);
  private static final String EXAMPLES = SparkContainers.NOTEBOOK_DIR + "/examples";
  private static final String JAR = "/opt/workspace/jobs/workspace-examples.jar";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The notebooks' default sizes: what a user gets with "Run All". */
  private static final Blobs.Spec KMEANS_DEFAULTS = new Blobs.Spec(10_000, 200, 25, 4, 42);

  private static final RedditComments.Spec REDDIT_DEFAULTS =
      new RedditComments.Spec(100_000, 5_000, 4, 7);

  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;
  @Autowired IdentityService identity;
  @Autowired FlashBladeSimulator sim;
  @Autowired JdbcTemplate jdbc;

  private CurrentUser owner;
  private String template;
  private final List<UUID> made = new ArrayList<>();

  @BeforeEach
  void ownerAndTemplate() {
    String image = imageOfThisCheckout();
    Requirement.require(
        "the workspace image of this checkout",
        DockerCli.run("image", "inspect", "--format", "{{.Id}}", image).exitCode() == 0
            ? null
            : "the engine lacks "
                + image
                + " (build it: sudo deploy/workspace-image/build-offline.sh --if-missing)");
    template = templateFor(image);
    String name = "examples" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    identity.createUser(new NewUser(name, "password-123", Role.USER), "test");
    owner = new CurrentUser(name, false);
  }

  /**
   * After a failure too: deleted through the portal, so that its host leases (cores, ports) are
   * free for the next test, then whatever is left on the engine removed by label.
   */
  @AfterEach
  void leaveNothingBehind() {
    for (UUID id : made) {
      try {
        WorkspaceStatus status = workspaces.get(id, ADMIN).status();
        if (status != WorkspaceStatus.DELETED && status != WorkspaceStatus.DELETING) {
          workspaces.delete(id, ADMIN);
        }
        await(id, w -> w.status() == WorkspaceStatus.DELETED, Duration.ofMinutes(2));
      } catch (RuntimeException | AssertionError e) {
        System.err.println("ExampleWorkloadsTest: could not delete workspace " + id + ": " + e);
      } finally {
        DockerCli.removeLabelled(SparkContainers.WORKSPACE_LABEL + "=" + id);
      }
    }
  }

  @Test
  void bothExampleNotebooksRunHeadlessAndFindWhatTheGeneratorsMadeThenDeletionLeavesNothing() {
    Instant start = Instant.now();
    WorkspaceView ws = approve(request("examples", 2));
    await(ws.id(), w -> w.status() == WorkspaceStatus.READY, UP_TO);
    Instant ready = Instant.now();
    String notebook = SparkContainers.name(ws.id(), "notebook");

    DockerCli.Result listed = exec(Duration.ofSeconds(30), notebook, "ls", EXAMPLES);
    assertThat(listed.output().lines())
        .as("the entrypoint copied the image's examples into the notebook folder")
        .contains("kmeans.ipynb", "reddit-top-authors.ipynb");

    JsonNode reddit = runNotebook(notebook, "reddit-top-authors", "reddit-top-authors.json");
    Instant redditDone = Instant.now();
    JsonNode kmeans = runNotebook(notebook, "kmeans", "kmeans.json");
    Instant kmeansDone = Instant.now();

    assertTopAuthorsAreTheGenerators(reddit);
    assertCentresAreWhereTheBlobsPutThem(kmeans);

    workspaces.delete(ws.id(), owner);
    await(ws.id(), w -> w.status() == WorkspaceStatus.DELETED, UP_TO);
    assertNothingLeft(ws.id());
    System.out.printf(
        "ExampleWorkloadsTest: READY after %d s, reddit notebook %d s, kmeans notebook %d s,"
            + " deleted after %d s%n",
        Duration.between(start, ready).toSeconds(),
        Duration.between(ready, redditDone).toSeconds(),
        Duration.between(redditDone, kmeansDone).toSeconds(),
        Duration.between(kmeansDone, Instant.now()).toSeconds());
  }

  @Test
  void aDriverWithoutTheWorkspacesSparkSecretGetsNoExecutorsWhileTheNotebooksDefaultsDo() {
    WorkspaceView ws = approve(request("auth", 1));
    await(ws.id(), w -> w.status() == WorkspaceStatus.READY, UP_TO);
    String notebook = SparkContainers.name(ws.id(), "notebook");
    String masterUi = workspaces.get(ws.id(), owner).cluster().links().sparkUi();
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));

    // Both run at once for 45 s, which is plenty for a driver that may join (the one below gets its
    // result in less); they take random ports, not the ones the workspace leased for its own
    // driver.
    CompletableFuture<DockerCli.Result> wrongSecret =
        CompletableFuture.supplyAsync(
            () ->
                intruder(
                    notebook,
                    "wrong-secret-" + suffix,
                    "--conf spark.authenticate.secret=not-the-workspace-secret"));
    CompletableFuture<DockerCli.Result> noAuthentication =
        CompletableFuture.supplyAsync(
            () -> intruder(notebook, "no-auth-" + suffix, "--conf spark.authenticate=false"));
    for (DockerCli.Result intruder : List.of(wrongSecret.join(), noAuthentication.join())) {
      System.out.println(
          "ExampleWorkloadsTest: a driver without the secret said:\n" + intruder.output());
      assertThat(intruder.output())
          .as("a driver without the secret got no executor and no result")
          .doesNotContain("Granted executor")
          .doesNotContain("RESULT-JSON");
      assertThat(intruder.exitCode()).as(intruder.output()).isNotZero();
    }
    JsonNode master = masterState(masterUi);
    assertThat(applicationNames(master))
        .as("the master never registered them, so no executors were launched for them")
        .noneMatch(name -> name.endsWith(suffix));

    DockerCli.Result own =
        exec(
            Duration.ofMinutes(4),
            notebook,
            "sh",
            "-c",
            "spark-submit --name owner-"
                + suffix
                + " --class org.workspaceportal.examples.spark.RedditTopAuthorsJob "
                + JAR
                + " --data s3a://$S3_BUCKET/auth-check --comments 2000 --authors 50 --top 5"
                + " 2>/tmp/owner-driver.log");
    assertThat(own.exitCode()).as(own.output() + tail(notebook, "/tmp/owner-driver.log")).isZero();
    JsonNode result = result(own.output());
    assertThat(result.get("check").get("passed").asBoolean()).as(result.toString()).isTrue();
    assertThat(applicationNames(masterState(masterUi))).contains("owner-" + suffix);
  }

  // ---- the notebooks ------------------------------------------------------------------------

  /** Runs a notebook headless where the user has it; returns the results file it wrote. */
  private JsonNode runNotebook(String container, String notebook, String resultsFile) {
    DockerCli.Result run =
        exec(
            Duration.ofMinutes(15),
            "-w",
            EXAMPLES,
            container,
            "python3",
            "-m",
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--ExecutePreprocessor.timeout=900",
            "--output-dir",
            "results",
            notebook + ".ipynb");
    assertThat(run.exitCode()).as("%s.ipynb ran to the end: %s", notebook, run.output()).isZero();
    JsonNode executed = readJson(container, EXAMPLES + "/results/" + notebook + ".ipynb");
    List<String> outputTypes = new ArrayList<>();
    List<String> mimeTypes = new ArrayList<>();
    for (JsonNode cell : executed.get("cells")) {
      for (JsonNode output :
          Optional.ofNullable(cell.get("outputs")).orElse(JSON.createArrayNode())) {
        outputTypes.add(output.get("output_type").asString());
        if (output.has("data")) {
          output.get("data").propertyNames().forEach(mimeTypes::add);
        }
      }
    }
    assertThat(outputTypes).as("no cell failed").doesNotContain("error");
    assertThat(mimeTypes).as("it drew its charts").contains("image/png");
    return readJson(container, EXAMPLES + "/results/" + resultsFile);
  }

  private static void assertTopAuthorsAreTheGenerators(JsonNode result) {
    RedditComments generator = new RedditComments(REDDIT_DEFAULTS);
    assertThat(result.get("engine").asString()).isEqualTo("java-job");
    assertThat(result.get("input").asString()).startsWith("s3a://");
    assertThat(result.get("comments").asLong()).isEqualTo(REDDIT_DEFAULTS.comments());
    assertThat(result.get("seed").asLong()).isEqualTo(REDDIT_DEFAULTS.seed());
    List<AuthorCount> top = new ArrayList<>();
    for (JsonNode row : result.get("top")) {
      top.add(new AuthorCount(row.get("author").asString(), row.get("count").asLong()));
    }
    TopAuthorsCheck.Result check = TopAuthorsCheck.check(generator.top(20), top);
    assertThat(check.problems()).isEmpty();
    assertThat(result.get("comments_read").asLong()).isEqualTo(REDDIT_DEFAULTS.comments());
    assertThat(result.get("deleted_read").asLong()).isEqualTo(generator.deleted());
    assertThat(result.get("notebook_check").get("passed").asBoolean()).isTrue();
  }

  private static void assertCentresAreWhereTheBlobsPutThem(JsonNode result) {
    Blobs blobs = new Blobs(KMEANS_DEFAULTS);
    assertThat(result.get("engine").asString()).isEqualTo("java-job");
    assertThat(result.get("input").asString()).startsWith("s3a://");
    assertThat(result.get("samples").asLong()).isEqualTo(KMEANS_DEFAULTS.samples());
    assertThat(result.get("seed").asLong()).isEqualTo(KMEANS_DEFAULTS.seed());
    assertThat(result.get("points_read").asLong()).isEqualTo(KMEANS_DEFAULTS.samples());
    assertThat(result.get("uncached_iteration_seconds")).hasSize(5);
    assertThat(result.get("cached_iteration_seconds")).hasSize(5);
    assertThat(result.get("uncached_vs_cached_max_difference").asDouble())
        .as("caching changes the time, not the answer")
        .isCloseTo(0, within(1e-6));
    double[][] trueCentres = blobs.centres();
    assertThat(doubles(result.get("true_centres"))).isDeepEqualTo(trueCentres);
    double[][] found = doubles(result.get("found_centres"));
    long[][] composition = longs(result.get("composition"));

    KMeansCheck.Result check =
        KMeansCheck.check(trueCentres, blobs.pointsPerLabel(), found, composition);

    assertThat(check.problems()).isEmpty();
    assertThat(found).hasDimensions(25, 200);
    assertThat(check.recoveredBlobs()).isPositive();
    assertThat(result.get("notebook_check").get("passed").asBoolean()).isTrue();
  }

  // ---- the security promise -----------------------------------------------------------------

  /**
   * A driver in the notebook container with the workspace's defaults but {@code conf}, stopped
   * after 45 s; on random ports and without a UI, so that it collides with nothing.
   */
  private DockerCli.Result intruder(String notebook, String name, String conf) {
    return exec(
        Duration.ofMinutes(2),
        notebook,
        "bash",
        "-c",
        "timeout 45 spark-submit --name "
            + name
            + " "
            + conf
            + " --conf spark.driver.port=0 --conf spark.driver.blockManager.port=0"
            + " --conf spark.ui.enabled=false --class"
            + " org.workspaceportal.examples.spark.RedditTopAuthorsJob "
            + JAR
            + " --data s3a://$S3_BUCKET/"
            + name
            + " --comments 2000 --authors 50 --top 5 2>&1 | grep -E 'RESULT-JSON|Granted"
            + " executor|ERROR|Exception|authenticat|Giving up'; exit ${PIPESTATUS[0]}");
  }

  private static JsonNode masterState(String masterUi) {
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(masterUi + "json/"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> applicationNames(JsonNode master) {
    List<String> names = new ArrayList<>();
    for (String list : List.of("activeapps", "completedapps")) {
      for (JsonNode app : master.get(list)) {
        names.add(app.get("name").asString());
      }
    }
    return names;
  }

  // ---- workspaces ---------------------------------------------------------------------------

  private WorkspaceView request(String prefix, int workers) {
    String name = prefix + "-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    WorkspaceView ws =
        workspaces.request(
            new WorkspaceRequest(name, null, template, workers, false, Retention.ERADICATE, null),
            owner);
    made.add(ws.id());
    return ws;
  }

  private WorkspaceView approve(WorkspaceView ws) {
    return workspaces.approve(ws.id(), ADMIN);
  }

  private void assertNothingLeft(UUID id) {
    String label = SparkContainers.WORKSPACE_LABEL + "=" + id;
    assertThat(DockerCli.containersLabelled(label)).isEmpty();
    assertThat(DockerCli.volumesLabelled(label)).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from host_ports where workspace_id = ?", Long.class, id))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from host_leases where workspace_id = ?", Long.class, id))
        .isZero();
    String account = "ws-" + id.toString().replace("-", "").substring(0, 12);
    assertThat(sim.buckets()).noneMatch(b -> b.account().equals(account));
    assertThat(sim.users()).noneMatch(u -> u.account().equals(account));
    assertThat(sim.accounts()).noneMatch(a -> a.name().equals(account));
  }

  private WorkspaceView await(UUID id, Predicate<WorkspaceView> condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    WorkspaceView ws = workspaces.get(id, ADMIN);
    while (!condition.test(ws) && Instant.now().isBefore(deadline)) {
      sleep(250);
      ws = workspaces.get(id, ADMIN);
    }
    assertThat(condition.test(ws))
        .as("%s: %s (%s), steps %s", ws.name(), ws.status(), ws.statusReason(), ws.steps())
        .isTrue();
    return ws;
  }

  /** A template for this checkout's image, made once per database. */
  private String templateFor(String image) {
    String name = "examples-" + image.substring(image.lastIndexOf(':') + 1).replace('.', '-');
    if (templates.list().stream().noneMatch(t -> t.name().equals(name))) {
      templates.create(
          new TemplateForm(name, "the example workloads' test", image, "4.0.1", 2, 4, 1, 2048),
          "test");
    }
    return name;
  }

  /** The tag build-offline.sh gives this checkout's image (what CI built). */
  private static String imageOfThisCheckout() {
    String fromCi = System.getenv("PORTAL_TEST_WORKSPACE_IMAGE");
    if (fromCi != null && !fromCi.isBlank()) {
      return fromCi;
    }
    ProcessResult tag =
        runProcess(
            Duration.ofSeconds(30),
            List.of("deploy/workspace-image/build-offline.sh", "--print-tag"));
    assertThat(tag.exitCode()).as(tag.output()).isZero();
    return tag.output().strip();
  }

  // ---- processes ----------------------------------------------------------------------------

  /** {@code docker exec args...}, with a deadline of its own (notebooks take minutes). */
  private static DockerCli.Result exec(Duration timeout, String... args) {
    List<String> command = new ArrayList<>(List.of("docker", "exec"));
    command.addAll(List.of(args));
    ProcessResult r = runProcess(timeout, command);
    return new DockerCli.Result(r.exitCode(), r.output());
  }

  private static JsonNode readJson(String container, String path) {
    DockerCli.Result cat = exec(Duration.ofSeconds(30), container, "cat", path);
    assertThat(cat.exitCode()).as(cat.output()).isZero();
    return JSON.readTree(cat.output());
  }

  private static JsonNode result(String output) {
    String line =
        output
            .lines()
            .filter(l -> l.startsWith("RESULT-JSON "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no result line in: " + output));
    return JSON.readTree(line.substring("RESULT-JSON ".length()));
  }

  private static String tail(String container, String file) {
    return exec(Duration.ofSeconds(30), container, "tail", "-n", "40", file).output();
  }

  private static double[][] doubles(JsonNode rows) {
    double[][] array = new double[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      array[i] = new double[row.size()];
      for (int j = 0; j < row.size(); j++) {
        array[i][j] = row.get(j).asDouble();
      }
    }
    return array;
  }

  private static long[][] longs(JsonNode rows) {
    long[][] array = new long[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      array[i] = new long[row.size()];
      for (int j = 0; j < row.size(); j++) {
        array[i][j] = row.get(j).asLong();
      }
    }
    return array;
  }

  private record ProcessResult(int exitCode, String output) {}

  private static ProcessResult runProcess(Duration timeout, List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      CompletableFuture<byte[]> out =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return process.getInputStream().readAllBytes();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return new ProcessResult(-1, "timed out after " + timeout + ": " + command);
      }
      return new ProcessResult(process.exitValue(), new String(out.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
