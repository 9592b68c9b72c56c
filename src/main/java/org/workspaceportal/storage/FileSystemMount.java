package org.workspaceportal.storage;

import java.util.Map;

/**
 * How a Docker host mounts a file system, as the options of a {@code local}-driver volume: NFS from
 * the array's data VIP, or (the simulator, on machines that cannot mount NFS) a bind mount of a
 * folder on the host.
 *
 * @param source for people: {@code 10.0.0.5:/ws-…-datahub}, or the folder
 */
public record FileSystemMount(String source, Map<String, String> volumeOptions) {

  public FileSystemMount {
    volumeOptions = Map.copyOf(volumeOptions);
  }

  /** NFS v4.1 from {@code server}, export {@code /name}. */
  public static FileSystemMount nfs(String server, String name) {
    return new FileSystemMount(
        server + ":/" + name,
        Map.of("type", "nfs", "o", "addr=" + server + ",rw,nfsvers=4.1", "device", ":/" + name));
  }

  /** A folder of the host, bind-mounted. */
  public static FileSystemMount bind(String folder) {
    return new FileSystemMount(folder, Map.of("type", "none", "o", "bind", "device", folder));
  }
}
