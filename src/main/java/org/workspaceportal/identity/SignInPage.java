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

  private final SsoProperties sso;
  private final LocalSignIn local;
  private final ObjectProvider<SsoRegistrations> registrations;

  SignInPage(SsoProperties sso, LocalSignIn local, ObjectProvider<SsoRegistrations> registrations) {
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
    model.addAttribute("ssoEnabled", sso.enabled());
    model.addAttribute("ssoLabel", sso.buttonLabel());
    model.addAttribute("ssoIssuer", sso.enabled() ? sso.issuer() : null);
    model.addAttribute("localForm", local.formOffered());
  }
}
