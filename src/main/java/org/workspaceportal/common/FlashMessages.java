package org.workspaceportal.common;

import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Post-redirect-get for page actions: the action's success message, or the refusal a module gave,
 * shown once on the page redirected to.
 */
public final class FlashMessages {

  private FlashMessages() {}

  /**
   * Runs {@code action}; its result becomes the success flash, a {@link PortalException} the error
   * flash.
   */
  public static void attempt(RedirectAttributes redirect, Supplier<String> action) {
    try {
      redirect.addFlashAttribute("flash", action.get());
    } catch (PortalException refused) {
      redirect.addFlashAttribute("flashError", refused.getMessage());
    }
  }
}
