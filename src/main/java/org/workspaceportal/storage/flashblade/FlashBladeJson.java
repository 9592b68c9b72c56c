package org.workspaceportal.storage.flashblade;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.workspaceportal.storage.StorageException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter's own JSON mapping, independent of how the application configures its mapper:
 * FlashBlade names fields in snake_case, adds fields with every REST version (ignored here), and
 * rejects fields a version does not know — so null fields are left out of requests, which is how
 * version guards work.
 */
final class FlashBladeJson {

  private FlashBladeJson() {}

  static JsonMapper mapper() {
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .changeDefaultPropertyInclusion(
            inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
        .build();
  }

  static <T> T decode(JsonMapper json, byte[] body, Class<T> type, String action) {
    return decode(json, body, json.getTypeFactory().constructType(type), action);
  }

  static <T> T decode(JsonMapper json, byte[] body, JavaType type, String action) {
    try {
      return json.readValue(body, type);
    } catch (JacksonException e) {
      throw new StorageException(
          "FlashBlade answered the request to "
              + action
              + " with JSON this portal cannot read: "
              + e.getOriginalMessage(),
          false,
          e);
    }
  }
}
