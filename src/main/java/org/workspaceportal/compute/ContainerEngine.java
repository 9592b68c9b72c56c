package org.workspaceportal.compute;

import java.util.List;
import java.util.Map;

/**
 * The Docker engines the portal runs workspaces on, as the portal needs them. Stateless: each call
 * names its engine; connections are kept per endpoint by the adapter and dropped with {@link
 * #forget}. Failures are {@link ComputeException}s saying whether a retry may help.
 */
public interface ContainerEngine {

  /**
   * Checks an endpoint before anyone relies on it, without contacting it: the URI has a form the
   * adapter speaks and the TLS material parses. Throws {@link InvalidEndpointException} saying what
   * is wrong.
   */
  void validate(EngineEndpoint endpoint);

  /**
   * Asks the engine who it is (ping, version, info). Throws a {@link ComputeException} whose
   * message says why it could not (connection refused, certificate not trusted, API too old).
   */
  EngineInfo describe(EngineEndpoint endpoint);

  /** Whether the engine has the image (by name and tag, or digest). */
  boolean hasImage(EngineEndpoint endpoint, String image);

  /**
   * The labels the image was built with (what it declares it offers), empty when it has none; empty
   * too when the engine lacks the image.
   */
  java.util.Map<String, String> imageLabels(EngineEndpoint endpoint, String image);

  /**
   * Pulls the image in the background (starting the pull on the first call) and says where it
   * stands; call again until it is DONE or FAILED. A pull the portal lost (restart) is started
   * again; the engine keeps the layers it already has.
   */
  PullStatus pull(EngineEndpoint endpoint, String image);

  /**
   * Creates the network unless one of that name exists. A subnet that overlaps another network of
   * the engine is refused (permanent), naming it.
   */
  void ensureNetwork(EngineEndpoint endpoint, NetworkSpec network);

  /** Removes a network; an unknown one is not an error. */
  void removeNetwork(EngineEndpoint endpoint, String name);

  /** The networks that carry all of these labels, with all their labels. */
  List<NetworkInfo> labelledNetworks(EngineEndpoint endpoint, Map<String, String> labels);

  /** Creates the volume unless one of that name exists. */
  void ensureVolume(EngineEndpoint endpoint, VolumeSpec volume);

  /**
   * Makes sure the container of that name runs: finds it (by name) and starts it if it stopped, or
   * creates and starts it. Never makes a second one.
   */
  ContainerInfo ensureRunning(EngineEndpoint endpoint, ContainerSpec spec);

  /** Containers (in any state) that carry all of these labels. */
  List<ContainerInfo> containers(EngineEndpoint endpoint, Map<String, String> labels);

  /** Names of the volumes that carry all of these labels. */
  List<String> volumes(EngineEndpoint endpoint, Map<String, String> labels);

  /**
   * Sends a signal (a name like {@code PWR}) to a running container's main process; an unknown or
   * stopped container is not an error (there is nothing left to tell).
   */
  void signal(EngineEndpoint endpoint, String nameOrId, String signal);

  /** The volumes that carry all of these labels, with all their labels. */
  List<VolumeInfo> labelledVolumes(EngineEndpoint endpoint, Map<String, String> labels);

  /**
   * Makes sure a container of that name exists, created from the spec but not started (one that
   * exists is left as it is, running or not). What holds a cluster's volumes for a file copy
   * without running anything.
   */
  ContainerInfo ensureCreated(EngineEndpoint endpoint, ContainerSpec spec);

  /**
   * Reads the regular files and folders under {@code dir} of a container (running or not, volumes
   * included) and hands each to {@code reader}, paths relative to {@code dir}. Links, devices and
   * names that are not {@link ContainerFiles#safePath safe} are skipped: the container's content is
   * its tenant's, and nothing in it is followed.
   */
  void readFiles(
      EngineEndpoint endpoint, String container, String dir, ContainerFiles.Reader reader);

  /**
   * Writes these folders and files under {@code dir} of a container (created or running), owned by
   * {@code uid}:{@code gid}, as one stream: a folder before what is in it.
   */
  void writeFiles(
      EngineEndpoint endpoint,
      String container,
      String dir,
      int uid,
      int gid,
      java.util.Iterator<ContainerFiles.Source> files);

  /** Removes a container, running or not; an unknown one is not an error. */
  void removeContainer(EngineEndpoint endpoint, String nameOrId);

  /** Removes a volume; an unknown one is not an error. */
  void removeVolume(EngineEndpoint endpoint, String name);

  /** The last {@code lines} lines the container wrote (stdout and stderr). */
  List<String> logTail(EngineEndpoint endpoint, String nameOrId, int lines);

  /** Drops any connection kept for this endpoint (it changed or was removed). */
  void forget(EngineEndpoint endpoint);
}
