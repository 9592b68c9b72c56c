package org.workspaceportal.dockerruntime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.ContainerFiles;
import org.workspaceportal.compute.ContainerSpec;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.compute.VolumeSpec;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.Placement;
import org.workspaceportal.workspace.runtime.ClusterSpec;
import org.workspaceportal.workspace.runtime.NotebookFiles;

/**
 * The notebook's files copied out of and into its volume with the Docker Engine's archive API,
 * through a <em>file holder</em>: a container of the workspace image that mounts the notebook's
 * volume, is created and never started, and is removed after each copy.
 *
 * <p>Why a holder and not the notebook's own container: the same path serves a notebook that runs,
 * one that exited, and one not made yet (a start restores the files before Jupyter's container
 * exists, so Jupyter opens on them). Why the archive API and not a process in a container: nothing
 * runs for the copy, so nothing the tenant put in her folder (or in her running notebook) takes
 * part in it; the engine reads and writes the volume itself, the portal reads a tar stream whose
 * names it checks ({@code ContainerArchives}) and writes only under Jupyter's root. The holder has
 * no network, no capability, a read-only root and is never started: there is no process in it for
 * the tenant to reach, and no way from it to the portal, the host or another workspace.
 */
@Component
class NotebookFileCopies {

  /** The image's user (its contract): the restored files are hers, so Jupyter can change them. */
  static final int IMAGE_UID = 1080;

  private static final String HOLDER_ROLE = "files";

  private final HostService hosts;
  private final ContainerEngine engines;
  private final Installation installation;

  NotebookFileCopies(HostService hosts, ContainerEngine engines, Installation installation) {
    this.hosts = hosts;
    this.engines = engines;
    this.installation = installation;
  }

  /** False when the notebook's volume is not on its host (stopped, or never started). */
  boolean read(ClusterSpec spec, Placement notebook, NotebookFiles.Reader reader) {
    EngineEndpoint endpoint = hosts.endpointOf(notebook.hostId());
    String volume = SparkContainers.notebookVolume(spec.id());
    if (!engines
        .volumes(endpoint, SparkContainers.labels(spec.id(), "notebook"))
        .contains(volume)) {
      return false;
    }
    String holder = holder(spec, endpoint, volume);
    try {
      engines.readFiles(
          endpoint, holder, SparkContainers.NOTEBOOK_DIR, (e, in) -> reader.entry(entry(e), in));
    } finally {
      engines.removeContainer(endpoint, holder);
    }
    return true;
  }

  /** Makes the notebook's volume unless it is there, and writes the files into it. */
  void write(ClusterSpec spec, Placement notebook, Iterator<NotebookFiles.Source> files) {
    EngineEndpoint endpoint = hosts.endpointOf(notebook.hostId());
    String volume = SparkContainers.notebookVolume(spec.id());
    engines.ensureVolume(
        endpoint,
        new VolumeSpec(volume, "local", Map.of(), SparkContainers.labels(spec.id(), "notebook"))
            .withLabels(installation.label()));
    String holder = holder(spec, endpoint, volume);
    try {
      engines.writeFiles(
          endpoint,
          holder,
          SparkContainers.NOTEBOOK_DIR,
          IMAGE_UID,
          IMAGE_UID,
          new Iterator<>() {
            @Override
            public boolean hasNext() {
              return files.hasNext();
            }

            @Override
            public ContainerFiles.Source next() {
              NotebookFiles.Source s = files.next();
              NotebookFiles.Entry e = s.entry();
              ContainerFiles.Entry mapped =
                  new ContainerFiles.Entry(
                      e.path(), e.size(), e.modified(), e.mode(), e.directory());
              return new ContainerFiles.Source() {
                @Override
                public ContainerFiles.Entry entry() {
                  return mapped;
                }

                @Override
                public InputStream open() throws IOException {
                  return s.open();
                }
              };
            }
          });
    } finally {
      engines.removeContainer(endpoint, holder);
    }
  }

  /** The holder, created (never started) with the notebook's volume at Jupyter's root. */
  private String holder(ClusterSpec spec, EngineEndpoint endpoint, String volume) {
    ContainerSpec holder =
        new ContainerSpec(
            SparkContainers.name(spec.id(), HOLDER_ROLE),
            spec.image(),
            List.of("WORKSPACE_ROLE=files"),
            SparkContainers.labels(spec.id(), HOLDER_ROLE),
            "none",
            "",
            List.of(),
            0,
            0,
            64L * 1024 * 1024,
            16,
            Map.of(),
            List.of(new ContainerSpec.VolumeMount(volume, SparkContainers.NOTEBOOK_DIR)),
            List.of());
    return engines.ensureCreated(endpoint, holder.withLabels(installation.label())).name();
  }

  private static NotebookFiles.Entry entry(ContainerFiles.Entry e) {
    return new NotebookFiles.Entry(e.path(), e.size(), e.modified(), e.mode(), e.directory());
  }
}
