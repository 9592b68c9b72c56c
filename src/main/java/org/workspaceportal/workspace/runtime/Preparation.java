package org.workspaceportal.workspace.runtime;

import java.util.Map;

/**
 * Where the cluster's image stands: ready everywhere it is needed, or still being fetched.
 *
 * @param progress what is under way, in words ("pulling it on host-a: 40 %"); null when ready
 * @param labels once ready, the labels the image declares (what it offers, such as {@link
 *     #PYSPARK}); empty while it is fetched or when it declares none
 */
public record Preparation(String progress, Map<String, String> labels) {

  /** The label an image's build writes when the image has PySpark (a Python {@code spark}). */
  public static final String PYSPARK = "org.workspaceportal.image.pyspark";

  public Preparation {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  public Preparation(String progress) {
    this(progress, Map.of());
  }

  public static Preparation ready() {
    return new Preparation(null);
  }

  public static Preparation ready(Map<String, String> labels) {
    return new Preparation(null, labels);
  }

  /** Whether the image declares PySpark: its label is {@code true}; absent means it has none. */
  public boolean offersPySpark() {
    return "true".equalsIgnoreCase(labels.getOrDefault(PYSPARK, "").trim());
  }

  public boolean isReady() {
    return progress == null;
  }
}
