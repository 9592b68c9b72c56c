package org.workspaceportal.compute.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.PullStatus;

/**
 * Image pulls running in the background, one per engine and image. A pull of gigabytes takes
 * minutes; the caller (a step that waits) asks how it stands instead of holding a thread.
 */
@Component
class ImagePulls {

  /** How long a finished pull's outcome is kept for the caller to read. */
  private static final Duration KEEP_OUTCOME = Duration.ofMinutes(10);

  private final Map<Key, Pull> pulls = new ConcurrentHashMap<>();

  private record Key(EngineEndpoint endpoint, String image) {}

  PullStatus pull(EngineEndpoint endpoint, String image, DockerClient docker) {
    pulls.values().removeIf(Pull::stale);
    Key key = new Key(endpoint, image);
    Pull pull = pulls.computeIfAbsent(key, k -> start(endpoint, image, docker));
    PullStatus status = pull.status();
    if (status.state() != PullStatus.State.RUNNING) {
      pulls.remove(key, pull); // a later call after a failure tries again
    }
    return status;
  }

  private static Pull start(EngineEndpoint endpoint, String image, DockerClient docker) {
    Pull pull = new Pull(endpoint);
    ImageName name = ImageName.parse(image);
    docker.pullImageCmd(name.repository()).withTag(name.tag()).exec(pull);
    return pull;
  }

  /** A pull's progress, summed over its layers. */
  private static final class Pull extends ResultCallback.Adapter<PullResponseItem> {
    private final EngineEndpoint endpoint;
    private final Map<String, long[]> layers = new ConcurrentHashMap<>();
    private volatile boolean done;
    private volatile String failure;
    private volatile Instant finishedAt;

    Pull(EngineEndpoint endpoint) {
      this.endpoint = endpoint;
    }

    @Override
    public void onNext(PullResponseItem item) {
      if (item.getErrorDetail() != null) {
        failure = item.getErrorDetail().getMessage();
      }
      if (item.getId() != null && item.getProgressDetail() != null) {
        Long current = item.getProgressDetail().getCurrent();
        Long total = item.getProgressDetail().getTotal();
        if (current != null && total != null && total > 0) {
          layers.put(item.getId(), new long[] {current, total});
        }
      }
    }

    @Override
    public void onError(Throwable e) {
      failure = DockerErrors.translate(endpoint, "pull", asRuntime(e)).getMessage();
      finish();
    }

    @Override
    public void onComplete() {
      done = failure == null;
      finish();
    }

    private void finish() {
      finishedAt = Instant.now();
      try {
        close();
      } catch (IOException ignored) {
        // the stream is over either way
      }
    }

    PullStatus status() {
      if (failure != null && finishedAt != null) {
        return PullStatus.failed(failure);
      }
      if (done) {
        return PullStatus.done();
      }
      long current = layers.values().stream().mapToLong(l -> l[0]).sum();
      long total = layers.values().stream().mapToLong(l -> l[1]).sum();
      return PullStatus.running(
          total == 0 ? "starting" : String.format("%.1f of %.1f GB", current / 1e9, total / 1e9));
    }

    boolean stale() {
      return finishedAt != null && finishedAt.plus(KEEP_OUTCOME).isBefore(Instant.now());
    }

    private static RuntimeException asRuntime(Throwable e) {
      return e instanceof RuntimeException r ? r : new RuntimeException(e.getMessage(), e);
    }
  }
}
