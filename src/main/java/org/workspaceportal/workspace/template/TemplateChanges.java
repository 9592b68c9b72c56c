package org.workspaceportal.workspace.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What an edit of a template changed, before → after, for the audit trail: "warm pool 0 → 2", "max
 * workers 4 → 6"; empty when nothing changed.
 */
final class TemplateChanges {

  private record Field(String label, Function<TemplateView, Object> value) {}

  private static final List<Field> FIELDS =
      List.of(
          new Field("warm pool", TemplateView::poolSize),
          new Field("image", TemplateView::image),
          new Field("Spark version", TemplateView::sparkVersion),
          new Field("default workers", TemplateView::defaultWorkers),
          new Field("max workers", TemplateView::maxWorkers),
          new Field("cores per worker", TemplateView::workerCores),
          new Field("MB per worker", TemplateView::workerMemoryMb),
          new Field("idle stop (minutes)", TemplateView::idleStopMinutes),
          new Field("bucket size (GiB)", TemplateView::bucketQuotaGiB),
          new Field("description", TemplateView::description));

  private TemplateChanges() {}

  static List<String> between(TemplateView before, TemplateView after) {
    List<String> changes = new ArrayList<>();
    for (Field f : FIELDS) {
      Object was = f.value().apply(before);
      Object is = f.value().apply(after);
      if (!Objects.equals(was, is)) {
        changes.add(f.label() + " " + words(was) + " → " + words(is));
      }
    }
    return changes;
  }

  private static String words(Object value) {
    return value == null || "".equals(value) ? "none" : String.valueOf(value);
  }
}
