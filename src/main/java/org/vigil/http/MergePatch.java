package org.vigil.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396): PATCH sends only what changes, {@code null} clears a field. The
 * merged document is validated like a new one, so an update can never store what a create would
 * refuse.
 */
public final class MergePatch {
  private MergePatch() {}

  /** Merges {@code patch} into the JSON form of {@code current} (the input record it came from). */
  public static ObjectNode apply(Object current, ObjectNode patch) {
    ObjectNode target = Json.mapper().valueToTree(current);
    merge(target, patch);
    return target;
  }

  private static void merge(ObjectNode target, ObjectNode patch) {
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      JsonNode value = field.getValue();
      if (value.isNull()) {
        target.remove(field.getKey());
      } else if (value instanceof ObjectNode patchObject
          && target.get(field.getKey()) instanceof ObjectNode targetObject) {
        merge(targetObject, patchObject);
      } else {
        target.set(field.getKey(), value);
      }
    }
  }
}
