package org.workspaceportal.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepStatus;
import org.workspaceportal.workspace.pool.WarmPoolViews;
import org.workspaceportal.workspace.template.TemplateForm;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.template.TemplateView;

/** The admin's templates page and template form. */
@PageSliceTest
class AdminTemplatePagesTest {

  @Autowired MockMvc mvc;
  @Autowired TemplateService templates;
  @Autowired WarmPoolViews pools;

  private static RequestPostProcessor root() {
    return user(RealSecurityTestConfiguration.ADMIN).roles("ADMIN", "USER");
  }

  private static MockHttpServletRequestBuilder create(
      String name, String defaultWorkers, String maxWorkers) {
    return post("/admin/templates")
        .with(root())
        .with(csrf())
        .param("name", name)
        .param("description", "Bigger")
        .param("image", "workspace-portal/spark:4.0")
        .param("sparkVersion", "4.0.1")
        .param("defaultWorkers", defaultWorkers)
        .param("maxWorkers", maxWorkers)
        .param("workerCores", "2")
        .param("workerMemoryMb", "4096");
  }

  /** The page's text after the request. */
  private String textOf(RequestBuilder request) throws Exception {
    return Html.text(mvc.perform(request).andReturn().getResponse().getContentAsString());
  }

  @Test
  void theTemplatesPageListsEveryTemplateWithItsSizes() throws Exception {
    when(templates.list())
        .thenReturn(
            List.of(WorkspaceFixtures.defaultTemplate(), WorkspaceFixtures.largeTemplate()));

    String text = textOf(get("/admin/templates").with(root()));

    assertThat(text)
        .contains(
            "spark-4.0-small default Small",
            "Each worker 1 CPU, 2.0 GB",
            "2 workers by default, at most 4 (4 CPU / 8.0 GB)",
            "spark-4.0-large",
            "Each worker 4 CPU, 8.0 GB",
            "4 workers by default, at most 16 (64 CPU / 128.0 GB)");
  }

  @Test
  void theTemplatesPageSaysHowManyWorkspacesUseEachAndWhatAStorageOnlyOneGives() throws Exception {
    var storageOnly =
        new TemplateView(
            UUID.randomUUID(),
            "storage-only",
            "Just a bucket",
            "none",
            "-",
            1,
            1,
            1,
            256,
            false,
            true,
            false);
    when(templates.list()).thenReturn(List.of(WorkspaceFixtures.defaultTemplate(), storageOnly));
    when(templates.liveWorkspacesByTemplate())
        .thenReturn(Map.of(WorkspaceFixtures.DEFAULT_TEMPLATE_ID, 3L));

    String text = textOf(get("/admin/templates").with(root()));

    assertThat(text)
        .contains("3 workspaces")
        .contains(
            "storage-only Just a bucket Storage only: a bucket and its keys, no Spark cluster")
        .contains("none offered");
  }

  @Test
  void theNewTemplateFormRendersWithSensibleDefaults() throws Exception {
    String html =
        mvc.perform(get("/admin/templates/new").with(root()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html).contains("value=\"workspace-portal/spark:4.0\"", "value=\"4.0.1\"");
  }

  @Test
  void aValidTemplateIsCreatedAndTheListShowsAFlashMessage() throws Exception {
    when(templates.create(any(), anyString())).thenReturn(WorkspaceFixtures.largeTemplate());

    MvcResult result = mvc.perform(create("spark-4.0-large", "4", "16")).andReturn();

    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/templates");
    assertThat(Html.flash(result)).containsEntry("flash", "Created template 'spark-4.0-large'.");
    verify(templates)
        .create(
            new TemplateForm(
                "spark-4.0-large", "Bigger", "workspace-portal/spark:4.0", "4.0.1", 4, 16, 2, 4096),
            "root");
  }

  @Test
  void aStorageOnlyTemplatesFormEditsItsDescriptionAndBucketSizeOnly() throws Exception {
    UUID id = UUID.randomUUID();
    var storageOnly =
        new TemplateView(
            id, "storage-only", "Just a bucket", "none", "-", 1, 1, 1, 256, false, true, false);
    when(templates.get(id)).thenReturn(storageOnly);
    when(templates.update(any(), any(), anyString())).thenReturn(storageOnly);

    String form =
        mvc.perform(get("/admin/templates/" + id + "/edit").with(root()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form)
        .contains("id=\"storage-only-note\"", "id=\"bucketQuotaGiB\"")
        .doesNotContain("id=\"sparkVersion\"", "id=\"image\"", "id=\"poolSize\"");

    // what that form sends: no image, Spark version or workers (the seeded "-" used to fail here)
    MvcResult saved =
        mvc.perform(
                post("/admin/templates/" + id)
                    .with(root())
                    .with(csrf())
                    .param("name", "storage-only")
                    .param("description", "A bucket of 50 GiB")
                    .param("bucketQuotaGiB", "50"))
            .andReturn();
    assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/templates");
    verify(templates).update(eq(id), argThat(f -> f.bucketQuotaGiB() == 50), eq("root"));

    String refused =
        mvc.perform(
                post("/admin/templates/" + id)
                    .with(root())
                    .with(csrf())
                    .param("name", "storage-only")
                    .param("bucketQuotaGiB", "0"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(Html.text(refused)).contains("must be greater than or equal to 1");
  }

  @Test
  void aWarmPoolSizeIsSavedWithTheTemplateAndTheListShowsThePoolsState() throws Exception {
    when(templates.create(any(), anyString())).thenReturn(WorkspaceFixtures.largeTemplate());

    mvc.perform(create("spark-4.0-large", "4", "16").param("poolSize", "2")).andReturn();

    verify(templates)
        .create(
            new TemplateForm(
                "spark-4.0-large",
                "Bigger",
                "workspace-portal/spark:4.0",
                "4.0.1",
                4,
                16,
                2,
                4096,
                null,
                2,
                null),
            "root");

    var pooled =
        new TemplateView(
            UUID.randomUUID(),
            "pooled",
            "Kept warm",
            "workspace-portal/spark:4.0",
            "4.0.1",
            2,
            4,
            1,
            2048,
            false,
            true,
            true,
            null,
            2,
            null);
    when(templates.list()).thenReturn(List.of(pooled));
    StepView placing =
        new StepView(
            Operation.PROVISION,
            StepKind.PLACE,
            StepKind.PLACE.label(),
            StepStatus.SUCCEEDED,
            1,
            null,
            null,
            12L,
            null,
            null,
            null);
    StepView workers =
        new StepView(
            Operation.PROVISION,
            StepKind.WORKERS_READY,
            StepKind.WORKERS_READY.label(),
            StepStatus.WAITING,
            1,
            null,
            null,
            null,
            null,
            "waiting for the workers to join (1 of 2)",
            null);
    when(pools.byTemplate())
        .thenReturn(
            Map.of(
                pooled.id(),
                new WarmPoolViews.WarmPoolView(
                    1,
                    1,
                    0,
                    List.of(
                        new WarmPoolViews.PoolClusterView(
                            UUID.randomUUID(), "READY", null, List.of(placing)),
                        new WarmPoolViews.PoolClusterView(
                            UUID.randomUUID(), "STARTING", null, List.of(placing, workers))))));
    String text = textOf(get("/admin/templates").with(root()));
    assertThat(text)
        .contains("Warm pool: 1 of 2 ready, 1 starting")
        .contains("Progress Starting")
        .contains("step 2 of 2 · Waiting for the workers to join (1 of 2)")
        .doesNotContain("Waiting for the workers to join (waiting");
  }

  @Test
  void aWarmPoolLargerThanTenIsRefusedInWords() throws Exception {
    String text = textOf(create("t-name", "1", "2").param("poolSize", "11"));

    assertThat(text).contains("must be less than or equal to 10");
    verify(templates, never()).create(any(), any());
  }

  @Test
  void anInvalidImageReRendersTheFormWithTheFieldError() throws Exception {
    String text = textOf(create("t-name", "1", "2").param("image", "not an image"));

    assertThat(text).contains("must be a Docker image reference");
    verify(templates, never()).create(any(), any());
  }

  @Test
  void aNonNumberInANumberFieldSaysSoInWords() throws Exception {
    String text = textOf(create("t-name", "1", "two"));

    assertThat(text)
        .contains("must be a whole number")
        .doesNotContain("Failed to convert", "java.");
    verify(templates, never()).create(any(), any());
  }

  @Test
  void aDefaultAboveTheMaximumReRendersTheFormAndSaysWhy() throws Exception {
    MvcResult result = mvc.perform(create("t-name", "5", "4")).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    verify(templates, never()).create(any(), any());
    assertThat(Html.text(result.getResponse().getContentAsString()))
        .contains("the default number of workers must not exceed the maximum");
  }

  @Test
  void aTakenNameShowsUnderTheNameField() throws Exception {
    when(templates.create(any(), anyString()))
        .thenThrow(
            new InvalidWorkspaceRequestException(
                "name", "a template named 'spark-4.0-small' already exists"));

    String html =
        mvc.perform(create("spark-4.0-small", "1", "2"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(Html.text(html))
        .contains("a template named &#39;spark-4.0-small&#39; already exists");
  }

  @Test
  void editingAnExistingTemplateKeepsItsNameReadOnly() throws Exception {
    UUID id = WorkspaceFixtures.largeTemplate().id();
    when(templates.get(id)).thenReturn(WorkspaceFixtures.largeTemplate());

    String html =
        mvc.perform(get("/admin/templates/" + id + "/edit").with(root()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .containsPattern(
            "<input[^>]*readonly[^>]*value=\"spark-4.0-large\"|<input[^>]*value=\"spark-4.0-large\"[^>]*readonly");
    assertThat(html).contains("action=\"/admin/templates/" + id + "\"");
    assertThat(html)
        .as("the description shown whole, on a phone too, not cut off in a one-line field")
        .containsPattern("<textarea [^>]*id=\"description\"[^>]*>Large</textarea>");
  }

  @Test
  void disablingTheDefaultTemplateShowsWhyNot() throws Exception {
    UUID id = WorkspaceFixtures.DEFAULT_TEMPLATE_ID;
    when(templates.setEnabled(id, false, "root"))
        .thenThrow(
            new InvalidWorkspaceRequestException(
                "enabled",
                "the default template cannot be disabled; make another one the default first"));

    MvcResult result =
        mvc.perform(
                post("/admin/templates/" + id + "/enabled")
                    .param("enabled", "false")
                    .with(root())
                    .with(csrf()))
            .andReturn();

    assertThat(result.getFlashMap().get("flashError").toString())
        .contains("the default template cannot be disabled");
  }
}
