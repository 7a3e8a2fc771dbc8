package io.rsitr.weights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the state dict inside an unpickled checkpoint: the top-level dict itself, or the dict
 * under {@code state_dict} or {@code model} when training code saved it together with other
 * entries such as {@code epoch} or {@code optimizer}.
 */
final class CheckpointContents {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointContents.class);
  private static final List<String> WRAPPER_KEYS = List.of("state_dict", "model");
  // Nested plain data deeper than this is treated as not plain; it also stops cycles a pickle can build.
  private static final int MAX_PLAIN_DEPTH = 64;

  private CheckpointContents() {}

  /** Returns the tensors of the state dict by name, in pickle order. */
  static Map<String, PickledTensor> tensorsOf(Object root, String source) throws WeightFormatException {
    if (!(root instanceof Map<?, ?> top)) {
      throw new WeightFormatException(source + " contains a " + typeName(root)
          + " instead of a dict of tensors; save the weights with torch.save(model.state_dict(), path)");
    }
    Map<?, ?> stateDict = top;
    for (String wrapperKey : WRAPPER_KEYS) {
      if (!containsTensor(top) && top.get(wrapperKey) instanceof Map<?, ?> wrapped) {
        requirePlainSiblings(top, wrapperKey, source);
        LOG.info("Using the state dict under '{}' of {}", wrapperKey, source);
        stateDict = wrapped;
        break;
      }
    }
    return collectTensors(stateDict, source);
  }

  private static boolean containsTensor(Map<?, ?> map) {
    for (Object value : map.values()) {
      if (value instanceof PickledTensor) {
        return true;
      }
    }
    return false;
  }

  private static void requirePlainSiblings(Map<?, ?> top, String wrapperKey, String source)
      throws WeightFormatException {
    List<Object> ignored = new ArrayList<>();
    for (Map.Entry<?, ?> entry : top.entrySet()) {
      if (wrapperKey.equals(entry.getKey())) {
        continue;
      }
      if (!isPlain(entry.getValue(), 0)) {
        throw new WeightFormatException(source + " entry '" + entry.getKey() + "' beside '" + wrapperKey
            + "' contains a " + typeName(entry.getValue()) + ", which is not plain data; the file was not loaded");
      }
      ignored.add(entry.getKey());
    }
    if (!ignored.isEmpty()) {
      LOG.info("Ignoring the entries {} beside '{}' in {}", ignored, wrapperKey, source);
    }
  }

  private static Map<String, PickledTensor> collectTensors(Map<?, ?> stateDict, String source)
      throws WeightFormatException {
    Map<String, PickledTensor> tensors = new LinkedHashMap<>();
    List<Object> skipped = new ArrayList<>();
    for (Map.Entry<?, ?> entry : stateDict.entrySet()) {
      if (!(entry.getKey() instanceof String name)) {
        throw new WeightFormatException(source + " has a state dict key " + entry.getKey() + " that is not a string");
      }
      if (entry.getValue() instanceof PickledTensor tensor) {
        tensors.put(name, tensor);
      } else if (isPlain(entry.getValue(), 0)) {
        skipped.add(name);
      } else {
        throw new WeightFormatException(source + " entry '" + name + "' contains a "
            + typeName(entry.getValue()) + " instead of a tensor; the file was not loaded");
      }
    }
    if (!skipped.isEmpty()) {
      LOG.warn("Skipping {} entries of {} that are not tensors: {}", skipped.size(), source, skipped);
    }
    if (tensors.isEmpty()) {
      throw new WeightFormatException(source + " contains no tensors; top-level keys are " + stateDict.keySet()
          + ". Expected a state dict, or one under 'state_dict' or 'model'");
    }
    return tensors;
  }

  /**
   * Returns whether a value is plain data (numbers, strings, booleans, None, tensors and
   * containers of them), as in the {@code epoch} and {@code optimizer} entries of a checkpoint.
   */
  private static boolean isPlain(Object value, int depth) {
    if (depth > MAX_PLAIN_DEPTH) {
      return false;
    }
    if (value == null
        || value instanceof Boolean
        || value instanceof Number
        || value instanceof String
        || value instanceof byte[]
        || value instanceof PickledTensor) {
      return true;
    }
    if (value instanceof Map<?, ?> map) {
      return isPlainAll(map.keySet(), depth) && isPlainAll(map.values(), depth);
    }
    if (value instanceof Collection<?> collection) {
      return isPlainAll(collection, depth);
    }
    if (value instanceof Object[] array) {
      return isPlainAll(Arrays.asList(array), depth);
    }
    return false;
  }

  private static boolean isPlainAll(Collection<?> values, int depth) {
    for (Object item : values) {
      if (!isPlain(item, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  private static String typeName(Object value) {
    return value == null ? "None" : value.getClass().getSimpleName();
  }
}
