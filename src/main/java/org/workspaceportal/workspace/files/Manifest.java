package org.workspaceportal.workspace.files;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workspaceportal.workspace.runtime.NotebookFiles;

/**
 * What one save put in the bucket: every folder and file under Jupyter's root with its size, time
 * and mode. The next save uploads only what differs from it, deletes what is no longer there, and a
 * start restores exactly what it lists. Kept in PostgreSQL, not in the bucket: the tenant's key can
 * write her bucket, and a manifest she could edit would make the portal restore what she wrote
 * there as if it had saved it.
 */
record Manifest(Map<String, NotebookFiles.Entry> entries) {

  static final Manifest EMPTY = new Manifest(Map.of());

  Manifest {
    entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  static Manifest of(Collection<NotebookFiles.Entry> all) {
    Map<String, NotebookFiles.Entry> map = new LinkedHashMap<>();
    all.forEach(e -> map.put(e.path(), e));
    return new Manifest(map);
  }

  /**
   * Whether the file needs no upload: the saved one has its size and time, and that time is before
   * the second in which the saved copy was read (a file written again in that same second could
   * have the same size and time and other bytes: it is uploaded again, as git re-reads "racily
   * clean" files).
   */
  boolean unchanged(NotebookFiles.Entry now, Instant previousSnapshot) {
    NotebookFiles.Entry saved = entries.get(now.path());
    return saved != null
        && !saved.directory()
        && !now.directory()
        && previousSnapshot != null
        && saved.size() == now.size()
        && saved.modified().equals(now.modified())
        && now.modified().getEpochSecond() < previousSnapshot.getEpochSecond();
  }

  int fileCount() {
    return (int) entries.values().stream().filter(e -> !e.directory()).count();
  }

  long bytes() {
    return entries.values().stream().mapToLong(NotebookFiles.Entry::size).sum();
  }

  /** Folders first, each before what it holds (the order a restore writes them in). */
  List<NotebookFiles.Entry> inWritingOrder() {
    List<NotebookFiles.Entry> all = new ArrayList<>(entries.values());
    all.sort(
        java.util.Comparator.comparing((NotebookFiles.Entry e) -> !e.directory())
            .thenComparing(NotebookFiles.Entry::path));
    return all;
  }

  String format() {
    StringBuilder b = new StringBuilder();
    for (NotebookFiles.Entry e : entries.values()) {
      b.append(e.directory() ? 'd' : 'f')
          .append('\t')
          .append(Integer.toOctalString(e.mode()))
          .append('\t')
          .append(e.size())
          .append('\t')
          .append(e.modified().getEpochSecond())
          .append('\t')
          .append(URLEncoder.encode(e.path(), StandardCharsets.UTF_8))
          .append('\n');
    }
    return b.toString();
  }

  static Manifest parse(String text) {
    if (text == null || text.isEmpty()) {
      return EMPTY;
    }
    List<NotebookFiles.Entry> all = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = line.split("\t");
      all.add(
          new NotebookFiles.Entry(
              URLDecoder.decode(f[4], StandardCharsets.UTF_8),
              Long.parseLong(f[2]),
              Instant.ofEpochSecond(Long.parseLong(f[3])),
              Integer.parseInt(f[1], 8),
              f[0].equals("d")));
    }
    return of(all);
  }
}
