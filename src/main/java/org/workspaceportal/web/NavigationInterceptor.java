package org.workspaceportal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.workspaceportal.common.FullPage;

/**
 * Tells the layout which navigation entry the page belongs to ({@code navSection}), so that it can
 * highlight it. A controller may set its own (an admin on someone else's workspace is in "all").
 *
 * <p>The page's view decides before its address: a refused form is rendered again under the address
 * it was posted to (the request form under {@code /workspaces}, which by address is "My
 * workspaces"). Pages not of one section (errors) go by their address.
 */
class NavigationInterceptor implements HandlerInterceptor {

  @Override
  public void postHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
    if (!FullPage.is(request, mav) || mav.getModel().containsKey("navSection")) {
      return;
    }
    String section = ofView(mav.getViewName());
    if (section == null) {
      section = section(request.getRequestURI().substring(request.getContextPath().length()));
    }
    if (section != null) {
      mav.addObject("navSection", section);
    }
  }

  /** The section of a page by its template, or null for pages of no section (errors, login). */
  static String ofView(String view) {
    return switch (view) {
      case "workspaces/new" -> "request";
      case "workspaces/approvals" -> "team-approvals";
      case "admin/approvals" -> "approvals";
      case "admin/workspaces" -> "all";
      case "admin/hosts", "admin/host-form" -> "hosts";
      case "admin/templates", "admin/template-form" -> "templates";
      case "admin/users" -> "users";
      case "admin/teams" -> "teams";
      case "admin/audit" -> "audit";
      case "admin/settings" -> "settings";
      case "admin/first-run" -> "approvals";
      default ->
          view.startsWith("workspaces/")
              ? "workspaces"
              : view.startsWith("tokens/") ? "tokens" : null;
    };
  }

  static String section(String path) {
    if (path.equals("/workspaces/new")) {
      return "request";
    }
    if (path.startsWith("/workspaces")) {
      return "workspaces";
    }
    if (path.startsWith("/tokens")) {
      return "tokens";
    }
    if (path.startsWith("/admin/approvals")) {
      return "approvals";
    }
    if (path.startsWith("/admin/workspaces")) {
      return "all";
    }
    for (String admin : new String[] {"hosts", "templates", "users", "audit"}) {
      if (path.startsWith("/admin/" + admin)) {
        return admin;
      }
    }
    return null;
  }
}
