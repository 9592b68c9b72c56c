package org.workspaceportal.workspace.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.workspaceportal.common.FullPage;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.lifetime.ExtensionService;

/**
 * What the workspace module adds to pages it does not render: the number of requests waiting (for a
 * workspace or for more time), next to "Approvals" in every admin's navigation (and a team
 * approver's own queue in hers), and the default quota on the users page (whose override fields
 * show it as their placeholder).
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceNavigation implements WebMvcConfigurer, HandlerInterceptor {

  private final WorkspaceService workspaces;
  private final ExtensionService extensions;

  WorkspaceNavigation(WorkspaceService workspaces, ExtensionService extensions) {
    this.workspaces = workspaces;
    this.extensions = extensions;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public void postHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
    if (!FullPage.is(request, mav) || request.getUserPrincipal() == null) {
      return;
    }
    if (!request.isUserInRole("ADMIN")) {
      // a team's approver: her queue, next to "Approvals" (one indexed query for everyone else)
      CurrentUser user = new CurrentUser(request.getUserPrincipal().getName(), false);
      if (workspaces.approvesForATeam(user)) {
        mav.addObject("teamApprover", true);
        mav.addObject("pendingApprovals", workspaces.pendingCountFor(user));
      }
      return;
    }
    // the approvals page lists both: requests for a workspace and for more time
    mav.addObject("pendingApprovals", workspaces.pendingCount() + extensions.pendingCount());
    if ("admin/users".equals(mav.getViewName())) {
      mav.addObject("quotaDefaults", workspaces.defaultLimits());
    }
  }
}
