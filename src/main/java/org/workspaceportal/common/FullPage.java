package org.workspaceportal.common;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Whether a handler's result is a whole page with the layout: a view, not a redirect, not an htmx
 * partial. Page-wide model attributes (navigation) are added only to those.
 */
public final class FullPage {

  private FullPage() {}

  public static boolean is(HttpServletRequest request, ModelAndView mav) {
    return mav != null
        && mav.getViewName() != null
        && !mav.getViewName().startsWith("redirect:")
        && !mav.getViewName().contains("::")
        && request.getHeader("HX-Request") == null;
  }
}
