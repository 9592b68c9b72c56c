package org.workspaceportal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.workspaceportal.audit.AuditService;
import org.workspaceportal.gateway.GatewayEntrance;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.WorkspaceImages;
import org.workspaceportal.identity.ApiTokenService;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.identity.TeamService;
import org.workspaceportal.workspace.WorkspaceMoves;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.cluster.ClusterLogs;
import org.workspaceportal.workspace.data.CredentialService;
import org.workspaceportal.workspace.files.NotebookSaves;
import org.workspaceportal.workspace.health.ClusterReconciler;
import org.workspaceportal.workspace.lifetime.ExtensionService;
import org.workspaceportal.workspace.pool.WarmPoolViews;
import org.workspaceportal.workspace.quota.QuotaSettings;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.web.WorkspacePagesTestConfiguration;

/**
 * MVC slice for the pages: every controller, advice and filter of the portal with the real security
 * chains ({@link RealSecurityTestConfiguration}) and the module services mocked. All page tests use
 * exactly this annotation, so they share one slice context. No database is started for it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(
    properties = {"portal.embedded-postgres.enabled=false", "portal.flashbladesim.enabled=false"})
@Import({RealSecurityTestConfiguration.class, WorkspacePagesTestConfiguration.class})
@MockitoBean(
    types = {
      WorkspaceService.class,
      WorkspaceMoves.class,
      TemplateService.class,
      CredentialService.class,
      IdentityService.class,
      TeamService.class,
      ApiTokenService.class,
      AuditService.class,
      HostService.class,
      WorkspaceImages.class,
      ClusterLogs.class,
      ExtensionService.class,
      WarmPoolViews.class,
      QuotaSettings.class,
      GatewayEntrance.class,
      ClusterReconciler.class,
      NotebookSaves.class
    })
public @interface PageSliceTest {}
