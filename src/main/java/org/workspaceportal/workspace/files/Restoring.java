package org.workspaceportal.workspace.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workspaceportal.storage.BucketFiles;
import org.workspaceportal.storage.StorageException;
import org.workspaceportal.workspace.runtime.NotebookFiles;
import org.workspaceportal.workspace.runtime.RuntimeFailure;

/**
 * The saved files, read from the bucket in the order the runtime writes them: small files fetched a
 * few ahead at once (thousands of notebooks and results restore in seconds, not one round trip
 * after another), large ones streamed as they are written. A file's size is the object's as it is
 * now; one the user deleted from the bucket herself since the save is left out.
 */
final class Restoring implements Iterator<NotebookFiles.Source> {

  private static final int SMALL = 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(Restoring.class);

  private final List<NotebookFiles.Entry> entries;
  private final BucketFiles.Session bucket;
  private final ExecutorService gets;
  private final int ahead;
  private final Map<Integer, Future<byte[]>> fetching = new HashMap<>();
  private int next;
  private NotebookFiles.Source ready;

  Restoring(
      List<NotebookFiles.Entry> entries,
      BucketFiles.Session bucket,
      ExecutorService gets,
      int ahead) {
    this.entries = entries;
    this.bucket = bucket;
    this.gets = gets;
    this.ahead = Math.max(1, ahead);
  }

  @Override
  public boolean hasNext() {
    while (ready == null && next < entries.size()) {
      ready = source(next++);
    }
    return ready != null;
  }

  @Override
  public NotebookFiles.Source next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    NotebookFiles.Source s = ready;
    ready = null;
    return s;
  }

  /** Null when its object is gone from the bucket. */
  private NotebookFiles.Source source(int index) {
    NotebookFiles.Entry e = entries.get(index);
    if (e.directory()) {
      return fixed(e, new byte[0]);
    }
    String key = FilesProperties.PREFIX + e.path();
    try {
      if (e.size() <= SMALL) {
        readAhead(index);
        byte[] bytes = await(fetching.remove(index));
        return bytes == null ? null : fixed(resized(e, bytes.length), bytes);
      }
      BucketFiles.Content c = bucket.get(key);
      NotebookFiles.Entry sized = resized(e, c.size());
      return new NotebookFiles.Source() {
        @Override
        public NotebookFiles.Entry entry() {
          return sized;
        }

        @Override
        public InputStream open() {
          return c.stream();
        }
      };
    } catch (StorageException x) {
      if (!x.isTransient() && x.getMessage().contains("NoSuchKey")) {
        log.info("{} was deleted from the bucket since it was saved; not restored", key);
        return null;
      }
      throw x;
    }
  }

  private void readAhead(int from) {
    for (int i = from; i < Math.min(entries.size(), from + ahead); i++) {
      NotebookFiles.Entry e = entries.get(i);
      if (!e.directory() && e.size() <= SMALL && !fetching.containsKey(i)) {
        String key = FilesProperties.PREFIX + e.path();
        fetching.put(
            i,
            gets.submit(
                () -> {
                  BucketFiles.Content c = bucket.get(key);
                  try (InputStream in = c.stream()) {
                    return in.readAllBytes();
                  }
                }));
      }
    }
  }

  private static byte[] await(Future<byte[]> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new RuntimeFailure("reading a saved file: " + e.getCause().getMessage(), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeFailure("interrupted while restoring the notebook's files", true);
    }
  }

  private static NotebookFiles.Entry resized(NotebookFiles.Entry e, long size) {
    return new NotebookFiles.Entry(e.path(), size, e.modified(), e.mode(), false);
  }

  private static NotebookFiles.Source fixed(NotebookFiles.Entry e, byte[] bytes) {
    return new NotebookFiles.Source() {
      @Override
      public NotebookFiles.Entry entry() {
        return e;
      }

      @Override
      public InputStream open() throws IOException {
        return new ByteArrayInputStream(bytes);
      }
    };
  }
}
