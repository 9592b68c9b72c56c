package org.workspaceportal.workspace.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.template.TemplateService;
import tools.jackson.databind.JsonNode;

/**
 * The reference workloads on a real workspace, as a user runs them: request, approval, READY, both
 * example notebooks executed headless in the notebook container (nbconvert, as "Run All" does),
 * their answers checked against what the generators know, deletion, and nothing left on the engine
 * or the FlashBlade simulator. On the offline image the notebooks run the Java example jobs.
 */
@PortalIntegrationTest
@RequiresDocker
class ExampleWorkloadsTest {

  /** The notebooks' default sizes: what a user gets with "Run All". */
  private static final Blobs.Spec KMEANS_DEFAULTS = new Blobs.Spec(10_000, 200, 25, 4, 42);

  private static final RedditComments.Spec REDDIT_DEFAULTS =
      new RedditComments.Spec(100_000, 5_000, 4, 7);

  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;
  @Autowired IdentityService identity;
  @Autowired FlashBladeSimulator sim;
  @Autowired JdbcTemplate jdbc;

  private LiveWorkspaces live;

  @BeforeEach
  void workspacesOfThisCheckout() {
    live = LiveWorkspaces.ofThisCheckout(workspaces, templates, identity, jdbc);
  }

  @AfterEach
  void leaveNothingBehind() {
    live.cleanUp();
  }

  @Test
  void bothExampleNotebooksRunHeadlessAndFindWhatTheGeneratorsMadeThenDeletionLeavesNothing() {
    Instant start = Instant.now();
    WorkspaceView ws = live.ready("examples", 2);
    Instant ready = Instant.now();
    NotebookContainer notebook = NotebookContainer.of(ws.id());

    DockerCli.Result listed =
        notebook.exec(Duration.ofSeconds(30), "ls", NotebookContainer.EXAMPLES);
    assertThat(listed.output().lines())
        .as("the entrypoint copied the image's examples into the notebook folder")
        .contains("kmeans.ipynb", "reddit-top-authors.ipynb");

    JsonNode reddit = runNotebook(notebook, "reddit-top-authors", "reddit-top-authors.json");
    Instant redditDone = Instant.now();
    JsonNode kmeans = runNotebook(notebook, "kmeans", "kmeans.json");
    Instant kmeansDone = Instant.now();

    assertTopAuthorsAreTheGenerators(reddit);
    assertCentresAreWhereTheBlobsPutThem(kmeans);

    live.delete(ws.id());
    assertNothingLeft(ws.id());
    System.out.printf(
        "ExampleWorkloadsTest: READY after %d s, reddit notebook %d s, kmeans notebook %d s,"
            + " deleted after %d s%n",
        Duration.between(start, ready).toSeconds(),
        Duration.between(ready, redditDone).toSeconds(),
        Duration.between(redditDone, kmeansDone).toSeconds(),
        Duration.between(kmeansDone, Instant.now()).toSeconds());
  }

  /** Runs a notebook headless where the user has it; returns the results file it wrote. */
  private static JsonNode runNotebook(
      NotebookContainer container, String notebook, String resultsFile) {
    DockerCli.Result run =
        container.exec(
            Duration.ofMinutes(15),
            List.of("-w", NotebookContainer.EXAMPLES),
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
    String results = NotebookContainer.EXAMPLES + "/results/";
    JsonNode executed = container.readJson(results + notebook + ".ipynb");
    List<String> outputTypes = new ArrayList<>();
    List<String> mimeTypes = new ArrayList<>();
    for (JsonNode cell : executed.get("cells")) {
      if (cell.has("outputs")) {
        for (JsonNode output : cell.get("outputs")) {
          outputTypes.add(output.get("output_type").asString());
          if (output.has("data")) {
            mimeTypes.addAll(output.get("data").propertyNames());
          }
        }
      }
    }
    assertThat(outputTypes).as("no cell failed").doesNotContain("error");
    assertThat(mimeTypes).as("it drew its charts").contains("image/png");
    return container.readJson(results + resultsFile);
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
    assertThat(TopAuthorsCheck.check(generator.top(20), top).problems()).isEmpty();
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
    assertThat(found).hasDimensions(25, 200);

    KMeansCheck.Result check =
        KMeansCheck.check(
            trueCentres, blobs.pointsPerLabel(), found, longs(result.get("composition")));

    assertThat(check.problems()).isEmpty();
    assertThat(check.recoveredBlobs()).isPositive();
    assertThat(result.get("notebook_check").get("passed").asBoolean()).isTrue();
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

  private static double[][] doubles(JsonNode rows) {
    double[][] array = new double[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      array[i] = new double[rows.get(i).size()];
      for (int j = 0; j < array[i].length; j++) {
        array[i][j] = rows.get(i).get(j).asDouble();
      }
    }
    return array;
  }

  private static long[][] longs(JsonNode rows) {
    long[][] array = new long[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      array[i] = new long[rows.get(i).size()];
      for (int j = 0; j < array[i].length; j++) {
        array[i][j] = rows.get(i).get(j).asLong();
      }
    }
    return array;
  }
}
