package org.workspaceportal.compute.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The last lines a container wrote, stdout and stderr interleaved as the engine keeps them. */
final class ContainerLogs {

  private ContainerLogs() {}

  static List<String> tail(DockerClient docker, String container, int lines, Duration timeout) {
    List<String> out = Collections.synchronizedList(new ArrayList<>());
    ResultCallback.Adapter<Frame> collector =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Frame frame) {
            String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
            text.lines().forEach(out::add);
          }
        };
    try {
      docker
          .logContainerCmd(container)
          .withStdOut(true)
          .withStdErr(true)
          .withTail(lines)
          .exec(collector)
          .awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (out) {
      return List.copyOf(out.subList(Math.max(0, out.size() - lines), out.size()));
    }
  }
}
