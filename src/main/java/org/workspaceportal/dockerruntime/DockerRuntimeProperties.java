package org.workspaceportal.dockerruntime;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How clusters run on Docker hosts. Shares its prefix with the workspace's cluster settings, where
 * these were documented before the runtime had a module of its own.
 *
 * @param scratchVolumeDriver Docker volume driver of the workers' scratch volumes ({@code local},
 *     or e.g. Pure's {@code pure} plugin)
 * @param scratchVolumeOptions that driver's options
 */
@Validated
@ConfigurationProperties("portal.workspace.cluster")
record DockerRuntimeProperties(
    @DefaultValue("local") String scratchVolumeDriver,
    @DefaultValue Map<String, String> scratchVolumeOptions) {}
