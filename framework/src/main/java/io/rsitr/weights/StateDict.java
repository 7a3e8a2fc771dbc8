package io.rsitr.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Named tensors of a checkpoint in file order, immutable. */
public final class StateDict {

  private static final int ZIP_LOCAL_HEADER_MAGIC = 0x04034b50;
  private static final int ZIP_EMPTY_ARCHIVE_MAGIC = 0x06054b50;
  private static final int PICKLE_PROTO_OPCODE = 0x80;

  private final Map<String, WeightTensor> tensors;

  private StateDict(Map<String, WeightTensor> tensors) {
    this.tensors = Collections.unmodifiableMap(tensors);
  }

  /**
   * Creates a state dict from tensors in the given order.
   *
   * @throws IllegalArgumentException when two tensors have the same name
   */
  public static StateDict of(Collection<WeightTensor> tensors) {
    Map<String, WeightTensor> byName = new LinkedHashMap<>();
    for (WeightTensor tensor : tensors) {
      WeightTensor previous = byName.putIfAbsent(tensor.name(), tensor);
      if (previous != null) {
        throw new IllegalArgumentException("duplicate tensor name " + tensor.name());
      }
    }
    return new StateDict(byName);
  }

  /**
   * Reads a PyTorch zip checkpoint ({@code .pth}, {@code .pt}, {@code .bin}) or a safetensors
   * file, choosing the reader from the first bytes of the file rather than its extension.
   */
  public static StateDict read(Path file) throws IOException {
    byte[] head = readHead(file, 9);
    ByteBuffer buffer = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
    if (head.length >= 4) {
      int magic = buffer.getInt(0);
      if (magic == ZIP_LOCAL_HEADER_MAGIC || magic == ZIP_EMPTY_ARCHIVE_MAGIC) {
        return PthReader.read(file);
      }
    }
    if (head.length == 9 && head[8] == '{') {
      return SafetensorsReader.read(file);
    }
    if (head.length >= 1 && (head[0] & 0xff) == PICKLE_PROTO_OPCODE) {
      throw new WeightFormatException(
          file + " is a bare pickle, the legacy format of torch.save before PyTorch 1.6, which"
              + " is not supported; load it in PyTorch and save it again with"
              + " torch.save(model.state_dict(), path) from PyTorch 1.6 or later");
    }
    throw new WeightFormatException(
        file + " is neither a PyTorch zip checkpoint nor a safetensors file (unknown first bytes);"
            + " expected a file written by torch.save or safetensors");
  }

  private static byte[] readHead(Path file, int length) throws IOException {
    try (InputStream input = Files.newInputStream(file)) {
      return input.readNBytes(length);
    }
  }

  /** Returns the tensor with this name. */
  public WeightTensor get(String name) {
    WeightTensor tensor = tensors.get(name);
    if (tensor == null) {
      throw new IllegalArgumentException("no tensor named " + name + " among " + tensors.size() + " tensors");
    }
    return tensor;
  }

  /** Returns the tensor with this name, or empty. */
  public Optional<WeightTensor> find(String name) {
    return Optional.ofNullable(tensors.get(name));
  }

  public boolean contains(String name) {
    return tensors.containsKey(name);
  }

  /** Returns the names in file order. */
  public List<String> names() {
    return List.copyOf(tensors.keySet());
  }

  /** Returns the tensors in file order. */
  public List<WeightTensor> tensors() {
    return List.copyOf(tensors.values());
  }

  public int size() {
    return tensors.size();
  }

  /** Returns the total number of elements over all tensors. */
  public long parameterCount() {
    long total = 0;
    for (WeightTensor tensor : tensors.values()) {
      total += tensor.elementCount();
    }
    return total;
  }

  /** Returns the tensor shapes by name, in file order. */
  public Map<String, long[]> shapes() {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    tensors.forEach((name, tensor) -> shapes.put(name, tensor.shape().clone()));
    return shapes;
  }

  /**
   * Removes {@code prefix} from every name that starts with it, such as the {@code module.} that
   * {@code DataParallel} adds. Names without the prefix stay as they are.
   *
   * @throws IllegalArgumentException when a stripped name equals another name of the dict
   */
  public StateDict stripPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    List<WeightTensor> renamed = new ArrayList<>(tensors.size());
    for (WeightTensor tensor : tensors.values()) {
      String name = tensor.name();
      renamed.add(name.startsWith(prefix) ? tensor.withName(name.substring(prefix.length())) : tensor);
    }
    try {
      return of(renamed);
    } catch (IllegalArgumentException collision) {
      throw new IllegalArgumentException(
          "removing the prefix '" + prefix + "' makes two names equal: " + collision.getMessage(), collision);
    }
  }

  /** Returns the same tensors ordered by name. */
  public StateDict sortedByName() {
    List<WeightTensor> sorted = new ArrayList<>(tensors.values());
    sorted.sort(Comparator.comparing(WeightTensor::name));
    return of(sorted);
  }
}
