package io.rsitr.weights;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import net.razorvine.pickle.PickleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a PyTorch zip checkpoint as written by {@code torch.save} since PyTorch 1.6, without
 * Python.
 *
 * <p>The zip contains {@code <archive>/data.pkl}, a pickle of the state dict whose tensors refer to
 * raw storages {@code <archive>/data/<key>}, plus {@code <archive>/version} and, in newer files,
 * {@code <archive>/byteorder}. The pickle is read by {@link RestrictedUnpickler}, which rejects
 * every global a state dict does not need. A {@code module.} prefix on the names is removed.
 */
public final class PthReader {

  private static final Logger LOG = LoggerFactory.getLogger(PthReader.class);
  private static final String DATA_PARALLEL_PREFIX = "module.";

  private PthReader() {}

  /** Reads every tensor of the checkpoint, decoded to float32. */
  public static StateDict read(Path file) throws IOException {
    try (ZipFile zip = openZip(file)) {
      String archive = findArchiveName(zip, file);
      ByteOrder byteOrder = readByteOrder(zip, archive, file);
      Object root = unpickle(zip, archive, file);
      Map<String, PickledTensor> pickled = CheckpointContents.tensorsOf(root, file.toString());
      StateDict stateDict = decodeTensors(zip, archive, pickled, byteOrder, file).stripPrefix(DATA_PARALLEL_PREFIX);
      LOG.info("Read {} tensors ({} parameters) from {}", stateDict.size(), stateDict.parameterCount(), file);
      return stateDict;
    } catch (ZipException | EOFException corrupt) {
      throw truncatedOrCorrupt(file, corrupt);
    }
  }

  private static ZipFile openZip(Path file) throws IOException {
    try {
      return new ZipFile(file.toFile());
    } catch (ZipException corrupt) {
      throw truncatedOrCorrupt(file, corrupt);
    }
  }

  private static WeightFormatException truncatedOrCorrupt(Path file, IOException cause) {
    return new WeightFormatException("truncated or corrupt zip: " + file + " (" + cause.getMessage()
        + "); download or copy the checkpoint again", cause);
  }

  /** Returns the top folder of the zip that contains {@code data.pkl}, rejecting TorchScript archives. */
  private static String findArchiveName(ZipFile zip, Path file) throws WeightFormatException {
    List<String> archives = new ArrayList<>();
    boolean torchScript = false;
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      String name = entries.nextElement().getName();
      int slash = name.indexOf('/');
      String inArchive = slash < 0 ? name : name.substring(slash + 1);
      if (inArchive.equals("constants.pkl") || inArchive.startsWith("code/")) {
        torchScript = true;
      }
      if (slash > 0 && inArchive.equals("data.pkl")) {
        archives.add(name.substring(0, slash));
      }
    }
    if (torchScript) {
      throw new WeightFormatException(file + " is a TorchScript archive (it has constants.pkl or code/),"
          + " and TorchScript archives are not supported; save a state dict with"
          + " torch.save(model.state_dict(), path) instead");
    }
    if (archives.size() != 1) {
      throw new WeightFormatException(file + " is a zip file but not a PyTorch checkpoint: expected exactly one"
          + " <archive>/data.pkl entry, found " + archives.size());
    }
    return archives.get(0);
  }

  private static ByteOrder readByteOrder(ZipFile zip, String archive, Path file) throws IOException {
    ZipEntry entry = zip.getEntry(archive + "/byteorder");
    if (entry == null) {
      // Files from older PyTorch versions have no byteorder entry. They are read as little-endian,
      // the byte order of the x86 and ARM machines that write almost all checkpoints.
      return ByteOrder.LITTLE_ENDIAN;
    }
    String order;
    try (InputStream input = zip.getInputStream(entry)) {
      order = new String(input.readNBytes(16), StandardCharsets.US_ASCII).trim();
    }
    return switch (order) {
      case "little" -> ByteOrder.LITTLE_ENDIAN;
      case "big" -> ByteOrder.BIG_ENDIAN;
      default -> throw new WeightFormatException(file + " declares an unknown byte order '" + order + "'");
    };
  }

  private static Object unpickle(ZipFile zip, String archive, Path file) throws IOException {
    byte[] pickle;
    try (InputStream input = zip.getInputStream(zip.getEntry(archive + "/data.pkl"))) {
      pickle = input.readAllBytes();
    }
    RestrictedUnpickler unpickler = new RestrictedUnpickler();
    try {
      return unpickler.loads(pickle);
    } catch (RestrictedUnpickler.RejectedPickleException rejected) {
      throw new WeightFormatException(file + " was not loaded: " + rejected.getMessage()
          + ". The file may not be a plain state dict; save one with torch.save(model.state_dict(), path)", rejected);
    } catch (PickleException | ClassCastException | IndexOutOfBoundsException invalid) {
      // Pyrolite raises PickleException for invalid opcodes. Its opcode handlers cast stack items
      // and pop from a list, so wrong items or an empty stack raise the other two.
      throw new WeightFormatException(file + " has an invalid data.pkl: " + invalid, invalid);
    } finally {
      unpickler.close();
    }
  }

  private static StateDict decodeTensors(
      ZipFile zip, String archive, Map<String, PickledTensor> pickled, ByteOrder byteOrder, Path file)
      throws IOException {
    Map<String, Integer> remainingUses = new HashMap<>();
    for (PickledTensor tensor : pickled.values()) {
      remainingUses.merge(tensor.storage().key(), 1, Integer::sum);
    }

    // A storage shared by several tensors is decoded once and dropped after its last tensor.
    Map<String, float[]> decodedStorages = new HashMap<>();
    List<WeightTensor> tensors = new ArrayList<>(pickled.size());
    for (Map.Entry<String, PickledTensor> entry : pickled.entrySet()) {
      PickledTensor tensor = entry.getValue();
      PickledStorage storage = tensor.storage();
      float[] storageValues = decodedStorages.get(storage.key());
      if (storageValues == null) {
        storageValues = readStorage(zip, archive, storage, byteOrder, file);
        decodedStorages.put(storage.key(), storageValues);
      }
      float[] values = TensorDecoding.gather(
          storageValues, tensor.storageOffset(), tensor.shape(), tensor.stride(), entry.getKey());
      tensors.add(new WeightTensor(entry.getKey(), tensor.shape(), storage.dtype(), values));
      if (remainingUses.merge(storage.key(), -1, Integer::sum) == 0) {
        decodedStorages.remove(storage.key());
      }
    }
    return StateDict.of(tensors);
  }

  private static float[] readStorage(ZipFile zip, String archive, PickledStorage storage, ByteOrder byteOrder, Path file)
      throws IOException {
    String entryName = archive + "/data/" + storage.key();
    ZipEntry entry = zip.getEntry(entryName);
    if (entry == null) {
      throw new WeightFormatException(file + " has no storage entry " + entryName + "; the file is truncated or corrupt");
    }
    long byteCount = Math.multiplyExact(storage.elementCount(), (long) storage.dtype().byteSize());
    if (storage.elementCount() < 0 || byteCount > Integer.MAX_VALUE - 8) {
      // NOTE: one storage is read into one byte array, so storages of 2 GiB or more are not supported.
      throw new WeightFormatException(file + " storage " + entryName + " has " + storage.elementCount()
          + " elements (" + byteCount + " bytes); this reader supports storages below 2 GiB");
    }
    byte[] bytes;
    try (InputStream input = zip.getInputStream(entry)) {
      bytes = input.readNBytes((int) byteCount);
    }
    if (bytes.length != byteCount) {
      throw new WeightFormatException(file + " storage " + entryName + " has " + bytes.length + " bytes but "
          + storage.elementCount() + " " + storage.dtype() + " elements need " + byteCount
          + "; the file is truncated or corrupt");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(byteOrder);
    return TensorDecoding.decode(buffer, storage.dtype(), (int) storage.elementCount());
  }
}
