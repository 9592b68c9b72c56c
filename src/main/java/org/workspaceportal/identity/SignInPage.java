package org.workspaceportal.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The login page: the provider's button where single sign-on is on, the username and password form
 * where local sign-in is (and, for the break-glass admin, behind a link where it is not).
 */
@Controller
class SignInPage {

  private final ObjectProvider<SsoProperties> sso;
  private final ObjectProvider<LocalSignIn> local;
  private final ObjectProvider<SsoRegistrations> registrations;

  /** Each may be missing (a page test's slice): then the page is the local sign-in alone. */
  SignInPage(
      ObjectProvider<SsoProperties> sso,
      ObjectProvider<LocalSignIn> local,
      ObjectProvider<SsoRegistrations> registrations) {
    this.sso = sso;
    this.local = local;
    this.registrations = registrations;
  }

  @GetMapping("/login")
  String login(Model model) {
    describe(model);
    return "login";
  }

  /**
   * The provider's button: on to the provider when its discovery document answers, else the login
   * page again (503) saying why, with the local sign-in still there.
   */
  @GetMapping("/login/sso")
  ModelAndView singleSignOn(Model model) {
    SsoRegistrations provider = registrations.getIfAvailable();
    if (provider == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Single sign-on is not set up here.");
    }
    if (provider.registration() != null) {
      return new ModelAndView("redirect:/oauth2/authorization/" + SsoRegistrations.ID);
    }
    describe(model);
    model.addAttribute("ssoUnavailable", provider.problem());
    ModelAndView page = new ModelAndView("login", model.asMap());
    page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
    return page;
  }

  private void describe(Model model) {
    SsoProperties settings = sso.getIfAvailable();
    boolean enabled = settings != null && settings.enabled();
    LocalSignIn passwords = local.getIfAvailable();
    model.addAttribute("ssoEnabled", enabled);
    model.addAttribute("ssoLabel", enabled ? settings.buttonLabel() : null);
    model.addAttribute("ssoIssuer", enabled ? settings.issuer() : null);
    model.addAttribute("localForm", passwords == null || passwords.formOffered());
  }
}
