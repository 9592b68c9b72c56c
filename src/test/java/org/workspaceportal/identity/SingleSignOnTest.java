package org.workspaceportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.testsupport.HeadlessChromium;
import org.workspaceportal.testsupport.OidcProviderProcess;
import org.workspaceportal.testsupport.PortalProcess;
import org.workspaceportal.testsupport.RequiresChromium;
import org.workspaceportal.workspace.template.TemplateForm;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.template.TemplateView;

/**
 * Single sign-on against a real OpenID Connect provider: the project's Spring Authorization Server
 * ({@code oidcprovider}), started by the test as a process with people in groups, and a portal
 * instance set up for it ({@code portal.sso.*}, local sign-in off), driven in Chromium. The portal
 * instance is a process of its own on this test JVM's database (its settings differ from the shared
 * test context's); the provider starts only after the first checks, so the portal meets it down
 * first.
 */
@RequiresChromium
@PortalIntegrationTest
class SingleSignOnTest {

  private static final String CLIENT_ID = "workspace-portal";
  private static final String CLIENT_SECRET = "sso-test-client-secret";
  private static final String OTHER_CLIENT = "another-application";
  private static final String OTHER_SECRET = "another-application-secret";

  @RegisterExtension final HeadlessChromium browser = HeadlessChromium.withWindow(1280, 900);

  @Autowired Environment environment;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired TeamService teams;
  @Autowired TemplateService templates;

  private String portal;

  @Test
  void peopleSignInThroughTheProviderWithTheRoleTheirGroupsGive() {
    String suffix = "-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    String ada = "ada" + suffix; // data-science
    String grace = "grace" + suffix; // data-science, platform-admins
    String linus = "linus" + suffix; // a group the portal does not know; a local account's name
    String mallory = "mallory" + suffix; // disabled at the provider
    String local = "local" + suffix;
    String team = "ds" + suffix; // the provider's group of ada and grace, and a team bound to it
    identity.createUser(new NewUser(local, "local-password-1", Role.USER), "test");
    identity.createUser(new NewUser(linus, "linus-local-password", Role.USER), "test");

    int providerPort = PortalProcess.freePort();
    Map<String, String> settings = PortalProcess.sameInstallationAs(environment, "sso-portal");
    settings.put("portal.sso.enabled", "true");
    settings.put("portal.sso.issuer-uri", "http://127.0.0.1:" + providerPort);
    settings.put("portal.sso.client-id", CLIENT_ID);
    settings.put("portal.sso.client-secret", CLIENT_SECRET);
    settings.put("portal.sso.admin-groups", "platform-admins");
    settings.put("portal.sso.button-label", "Sign in with Example Corp");
    settings.put("portal.sso.local-login", "false");
    settings.put("portal.sso.discovery-timeout", "2s");
    settings.put("portal.sso.discovery-retry", "1s"); // the provider starts a moment later
    settings.put("portal.sso.api-access-tokens", "true");
    try (PortalProcess instance =
        PortalProcess.start("sso-portal", settings, Duration.ofMinutes(3))) {
      portal = "http://localhost:" + instance.port();

      // the provider is down: the button says so, the break-glass admin still gets in
      browser.open(portal + "/login");
      assertThat(browser.driver().findElements(By.id("username")))
          .as("local sign-in is off: no username field on the page")
          .isEmpty();
      browser.clickAndWaitForNewPage(find("#sign-in-sso"));
      assertThat(path()).isEqualTo("/login/sso");
      assertThat(browser.navigationStatus()).isEqualTo(503);
      assertThat(text("#sso-unavailable"))
          .contains("does not answer")
          .contains("break-glass admin can still sign in");
      browser.screenshot("sso-provider-down");
      breakGlass(local, "local-password-1");
      assertThat(path()).as("a local user's password is refused").isEqualTo("/login");
      breakGlass(PortalIntegrationTest.ADMIN_USERNAME, PortalIntegrationTest.ADMIN_PASSWORD);
      assertThat(path()).isEqualTo("/admin/approvals");
      signOut();

      try (OidcProviderProcess provider =
          OidcProviderProcess.start(
              "sso-provider",
              providerPort,
              providerSettings(instance.port(), team, ada, grace, linus, mallory),
              Duration.ofMinutes(2))) {
        // a member of data-science: a user, made at her first sign-in from the claims
        signInThroughProvider(ada, "ada-password");
        assertThat(path()).isEqualTo("/workspaces");
        browser.screenshot("sso-signed-in");
        assertThat(browser.driver().findElements(By.id("nav-password")))
            .as("no password of the portal's to change")
            .isEmpty();
        assertThat(
                jdbc.queryForMap(
                    "select role, email, display_name, sso_issuer, sso_subject from users"
                        + " where username = ?",
                    ada))
            .containsEntry("role", "USER")
            .containsEntry("email", ada + "@example.org")
            .containsEntry("display_name", "Ada Lovelace")
            .containsEntry("sso_issuer", provider.issuer())
            .containsEntry("sso_subject", ada);
        assertThat(audited("user.created", ada)).isEqualTo(1);

        // her script: the REST API takes the provider's access token for the portal ...
        String hers =
            provider.accessToken(
                ada, "ada-password", CLIENT_ID, CLIENT_SECRET, redirectUri(CLIENT_ID));
        assertThat(api("/api/v1/workspaces", hers)).isEqualTo(200);
        assertThat(api("/api/v1/admin/users", hers)).as("as a user, not an admin").isEqualTo(403);
        // ... but not one the provider made for another of its clients (another audience) ...
        String elsewhere =
            provider.accessToken(
                ada, "ada-password", OTHER_CLIENT, OTHER_SECRET, redirectUri(OTHER_CLIENT));
        assertThat(api("/api/v1/workspaces", elsewhere)).isEqualTo(401);
        // ... nor one signed by anybody else
        String[] parts = hers.split("\\.");
        assertThat(api("/api/v1/workspaces", parts[0] + "." + parts[1] + ".AAAA")).isEqualTo(401);
        // ... nor the token of someone who never signed in to the portal
        String graces =
            provider.accessToken(
                grace, "grace-password", CLIENT_ID, CLIENT_SECRET, redirectUri(CLIENT_ID));
        assertThat(api("/api/v1/workspaces", graces)).isEqualTo(401);
        // her team: bound to her provider group, one live workspace for its members together, and
        // a template open to it only
        teams.create(new TeamForm(team, team, "", 1, null), "test");
        TemplateView teamTemplate =
            templates.create(
                new TemplateForm(
                    "team" + suffix,
                    "Team template team" + suffix,
                    "workspace-portal/spark:4.0",
                    "4.0.1",
                    1,
                    2,
                    1,
                    1024),
                "test");
        templates.setAudience(teamTemplate.id(), List.of(team), "test");
        requestWith(teamTemplate.name(), "first" + suffix);
        assertThat(path()).startsWith("/workspaces/").isNotEqualTo("/workspaces/new");
        browser.open(portal + "/workspaces/new");
        assertThat(text("#team-quota-" + team)).contains("uses 1 of 1 workspaces");
        requestWith(teamTemplate.name(), "second" + suffix);
        assertThat(text("#request-form .alert-danger"))
            .contains("Quota of team " + team + " exceeded");
        browser.screenshot("sso-team-quota");
        templates.setEnabled(teamTemplate.id(), false, "test"); // out of other tests' forms

        // sign-out ends the provider's session too: the next sign-in asks for her password again
        signOut();
        browser.clickAndWaitForNewPage(find("#sign-in-sso"));
        assertThat(URI.create(browser.driver().getCurrentUrl()).getPort())
            .as("the provider asks again")
            .isEqualTo(providerPort);
        assertThat(browser.driver().findElements(By.id("password"))).isNotEmpty();

        // a member of platform-admins: an admin
        browser.open(portal + "/login");
        signInThroughProvider(grace, "grace-password");
        assertThat(path()).isEqualTo("/admin/approvals");
        assertThat(
                jdbc.queryForObject(
                    "select role from users where username = ?", String.class, grace))
            .isEqualTo("ADMIN");
        signOut();

        // disabled at the provider: the provider refuses her, the portal never hears of her
        browser.open(portal + "/login");
        browser.clickAndWaitForNewPage(find("#sign-in-sso"));
        providerForm(mallory, "mallory-password");
        assertThat(URI.create(browser.driver().getCurrentUrl()).getPort()).isEqualTo(providerPort);
        assertThat(
                jdbc.queryForObject(
                    "select count(*) from users where username = ?", Long.class, mallory))
            .isZero();

        // a claim naming a local account does not take it over
        browser.open(portal + "/login");
        signInThroughProvider(linus, "linus-password");
        assertThat(path()).isEqualTo("/login");
        assertThat(text("#sso-refused")).contains("already has a local account");
        browser.screenshot("sso-name-taken");
        // he is still signed in at the provider (the portal refused him, not the provider)
        forgetProviderSession(provider);

        // disabled in the portal: the provider's yes is not enough
        identity.setEnabled(ada, false, "test");
        browser.open(portal + "/login");
        signInThroughProvider(ada, "ada-password");
        assertThat(path()).isEqualTo("/login");
        assertThat(text("#sso-refused")).contains("disabled your account");
      }
    }
  }

  private Map<String, Object> providerSettings(
      int portalPort, String team, String ada, String grace, String linus, String mallory) {
    // the placeholders of the provider's application.yml: its one client, this portal
    return Map.of(
        "PROVIDER_PORTAL_URL",
        "http://localhost:" + portalPort,
        "PROVIDER_CLIENT_ID",
        CLIENT_ID,
        "PROVIDER_CLIENT_SECRET",
        CLIENT_SECRET,
        "spring.security.oauth2.authorizationserver.client.other.registration",
        Map.of(
            "client-id", OTHER_CLIENT,
            "client-secret", "{noop}" + OTHER_SECRET,
            "client-authentication-methods", List.of("client_secret_basic"),
            "authorization-grant-types", List.of("authorization_code"),
            "redirect-uris", List.of("http://localhost:9/callback"),
            "scopes", List.of("openid")),
        "spring.security.oauth2.authorizationserver.client.other.require-authorization-consent",
        false,
        "provider",
        Map.of(
            "users",
            List.of(
                person(ada, "Ada Lovelace", List.of(team), true),
                person(grace, "Grace Hopper", List.of(team, "platform-admins"), true),
                person(linus, "Linus Pauling", List.of("chemistry"), true),
                person(mallory, "Mallory", List.of(team), false))));
  }

  private static Map<String, Object> person(
      String username, String name, List<String> groups, boolean enabled) {
    return Map.of(
        "username", username,
        "password", username.substring(0, username.indexOf('-')) + "-password",
        "name", name,
        "email", username + "@example.org",
        "groups", groups,
        "enabled", enabled);
  }

  /** The request form, sent with a template and a name. */
  private void requestWith(String template, String name) {
    browser.open(portal + "/workspaces/new");
    new Select(find("#template")).selectByValue(template);
    // the form follows the template (its limits); the name goes in once it has
    browser.await().until(d -> d.findElement(By.id("template-info")).getText().contains(template));
    find("#name").sendKeys(name);
    browser.clickAndWaitForNewPage(find("#submit-request"));
  }

  /** From the portal's login page through the provider's sign-in form and back. */
  private void signInThroughProvider(String username, String password) {
    browser.clickAndWaitForNewPage(find("#sign-in-sso"));
    providerForm(username, password);
  }

  private void providerForm(String username, String password) {
    find("#username").sendKeys(username);
    find("#password").sendKeys(password);
    browser.clickAndWaitForNewPage(find("button[type=submit]"));
  }

  /** Signs out at the provider as its own pages would: its session cookie goes. */
  private void forgetProviderSession(OidcProviderProcess provider) {
    browser.open(provider.issuer() + "/.well-known/openid-configuration");
    browser.driver().manage().deleteAllCookies();
  }

  private void breakGlass(String username, String password) {
    browser.open(portal + "/login");
    browser.click(find("#break-glass summary"));
    find("#bg-username").sendKeys(username);
    find("#bg-password").sendKeys(password);
    browser.clickAndWaitForNewPage(find("#sign-in-break-glass"));
  }

  private void signOut() {
    browser.clickAndWaitForNewPage(By.id("logout"));
    assertThat(path()).isEqualTo("/login");
    assertThat(text("main .alert")).isEqualTo("You have signed out.");
  }

  /** Where the provider sends the code: its registered redirect for that client. */
  private String redirectUri(String clientId) {
    return OTHER_CLIENT.equals(clientId)
        ? "http://localhost:9/callback"
        : portal + "/login/oauth2/code/sso";
  }

  /** The REST API's answer to a GET with {@code token}. */
  private int api(String path, String token) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(portal + path))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private long audited(String action, String target) {
    return jdbc.queryForObject(
        "select count(*) from audit_events where action = ? and target = ?",
        Long.class,
        action,
        target);
  }

  private WebElement find(String css) {
    return browser.await().until(d -> d.findElement(By.cssSelector(css)));
  }

  private String text(String css) {
    return find(css).getText();
  }

  private String path() {
    return URI.create(browser.driver().getCurrentUrl()).getPath();
  }
}
