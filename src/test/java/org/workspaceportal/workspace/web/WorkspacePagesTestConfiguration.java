package org.workspaceportal.workspace.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * For {@code @WebMvcTest} slices: the live-update registry the workspace pages need (it has no
 * dependencies).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(WorkspaceUpdates.class)
public class WorkspacePagesTestConfiguration {}
