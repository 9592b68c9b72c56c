package org.workspaceportal.flashbladesim;

import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code total} of a {@code total_only=true} answer: "the aggregate value of all items after
 * filtering. Where it makes more sense, the average value is displayed instead." Only the
 * collections whose GET documents {@code total_only} (accounts, buckets, file systems) have one.
 *
 * @param summed dotted paths of fields that add up, e.g. {@code space.virtual}
 * @param averaged dotted paths of ratios, which average
 */
record Totals(List<String> summed, List<String> averaged) {

  private static final List<String> SPACE =
      List.of("space.virtual", "space.unique", "space.snapshots", "space.total_physical");
  private static final List<String> RATIOS = List.of("space.data_reduction");

  /** Object-store accounts and buckets: their space and their object count. */
  static final Totals OBJECT_STORE =
      new Totals(Stream.concat(SPACE.stream(), Stream.of("object_count")).toList(), RATIOS);

  /** File systems: their space. */
  static final Totals FILE_SYSTEMS = new Totals(SPACE, RATIOS);

  JsonNode of(List<JsonNode> items, JsonMapper json) {
    ObjectNode total = json.createObjectNode();
    for (String path : summed) {
      long sum = items.stream().mapToLong(item -> at(item, path).asLong(0)).sum();
      parentOf(total, path).put(leaf(path), sum);
    }
    for (String path : averaged) {
      double average =
          items.stream()
              .map(item -> at(item, path))
              .filter(JsonNode::isNumber)
              .mapToDouble(JsonNode::asDouble)
              .average()
              .orElse(0);
      if (!items.isEmpty()) {
        parentOf(total, path).put(leaf(path), average);
      }
    }
    return total;
  }

  private static JsonNode at(JsonNode item, String path) {
    JsonNode node = item;
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  private static ObjectNode parentOf(ObjectNode root, String path) {
    String[] parts = path.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
    }
    return node;
  }

  private static String leaf(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
