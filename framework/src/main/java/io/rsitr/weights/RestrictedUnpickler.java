package io.rsitr.weights;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * Unpickler for the {@code data.pkl} of a PyTorch checkpoint that resolves only the globals a
 * state dict needs and rejects every other one.
 *
 * <p>Pyrolite 1.5 resolves an unknown global to a {@code ClassDictConstructor} without an error,
 * and it keeps registered constructors in one static map for the whole JVM. This class therefore
 * intercepts the opcodes that name a global ({@code GLOBAL}, {@code STACK_GLOBAL}, {@code INST})
 * and resolves them against its own allow list, leaving Pyrolite's map untouched. It also builds
 * dicts as {@link LinkedHashMap}s filled in pickle order, because Pyrolite's dicts lose the order
 * and a state dict's order is the model's parameter order. Nothing named
 * in the pickle is ever executed: the allowed globals build plain Java descriptions of tensors.
 */
final class RestrictedUnpickler extends Unpickler {

  private static final Map<String, IObjectConstructor> ALLOWED_GLOBALS = allowedGlobals();

  /** Raised for a global outside the allow list, or for an opcode a state dict never uses. */
  static final class RejectedPickleException extends PickleException {
    RejectedPickleException(String message) {
      super(message);
    }
  }

  /** Marker for a {@code torch.*Storage} class, which a state dict pickle names only inside persistent ids. */
  record StorageClass(DType dtype) implements IObjectConstructor {
    @Override
    public Object construct(Object[] args) {
      throw new PickleException("torch." + dtype.torchStorageClass() + " is called in the pickle,"
          + " but a state dict uses storage classes only inside persistent ids");
    }
  }

  @Override
  protected Object dispatch(short opcode) throws PickleException, IOException {
    switch (opcode) {
      case Opcodes.GLOBAL -> {
        String module = PickleUtils.readline(input);
        String name = PickleUtils.readline(input);
        stack.add(resolveGlobal(module, name));
        return NO_RETURN_VALUE;
      }
      case Opcodes.STACK_GLOBAL -> {
        Object name = stack.pop();
        Object module = stack.pop();
        if (!(module instanceof String) || !(name instanceof String)) {
          throw new RejectedPickleException("STACK_GLOBAL expects two strings but found " + module + " and " + name);
        }
        stack.add(resolveGlobal((String) module, (String) name));
        return NO_RETURN_VALUE;
      }
      case Opcodes.INST -> {
        String module = PickleUtils.readline(input);
        String name = PickleUtils.readline(input);
        throw new RejectedPickleException("the pickle creates an instance of " + module + "." + name
            + " (INST opcode), which a state dict never contains");
      }
      case Opcodes.EMPTY_DICT -> {
        stack.add(new LinkedHashMap<Object, Object>());
        return NO_RETURN_VALUE;
      }
      case Opcodes.DICT -> {
        Map<Object, Object> dict = new LinkedHashMap<>();
        putPairs(dict, stack.pop_all_since_marker());
        stack.add(dict);
        return NO_RETURN_VALUE;
      }
      case Opcodes.SETITEMS -> {
        List<Object> pairs = stack.pop_all_since_marker();
        if (!(stack.peek() instanceof Map<?, ?> target)) {
          throw new RejectedPickleException("SETITEMS applies to a " + stack.peek() + ", not a dict");
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> dict = (Map<Object, Object>) target;
        putPairs(dict, pairs);
        return NO_RETURN_VALUE;
      }
      case Opcodes.OBJ, Opcodes.NEWOBJ, Opcodes.NEWOBJ_EX -> throw new RejectedPickleException(
          "the pickle creates a class instance (opcode 0x" + Integer.toHexString(opcode) + "),"
              + " which a state dict never contains");
      default -> {
        return super.dispatch(opcode);
      }
    }
  }

  private static void putPairs(Map<Object, Object> dict, List<Object> pairs) {
    if (pairs.size() % 2 != 0) {
      throw new RejectedPickleException("a dict opcode has an odd number of items: " + pairs.size());
    }
    for (int i = 0; i < pairs.size(); i += 2) {
      dict.put(pairs.get(i), pairs.get(i + 1));
    }
  }

  /**
   * Resolves a persistent id {@code ('storage', storage_class, key, location, element_count)}
   * to a reference to {@code <archive>/data/<key>}. The storage bytes are read later.
   */
  @Override
  protected Object persistentLoad(Object pid) {
    if (!(pid instanceof Object[] fields) || fields.length != 5 || !"storage".equals(fields[0])) {
      throw new RejectedPickleException("unsupported persistent id " + describe(pid)
          + "; expected ('storage', storage class, key, location, element count)");
    }
    if (!(fields[1] instanceof StorageClass storageClass)
        || !(fields[2] instanceof String key)
        || !(fields[4] instanceof Number elementCount)) {
      throw new RejectedPickleException("invalid storage persistent id " + describe(pid));
    }
    return new PickledStorage(storageClass.dtype(), key, elementCount.longValue());
  }

  private static IObjectConstructor resolveGlobal(String module, String name) {
    IObjectConstructor constructor = ALLOWED_GLOBALS.get(module + "." + name);
    if (constructor == null) {
      throw new RejectedPickleException("the pickle refers to " + module + "." + name
          + ", which is not one of the classes and functions a PyTorch state dict uses");
    }
    return constructor;
  }

  private static Map<String, IObjectConstructor> allowedGlobals() {
    Map<String, IObjectConstructor> allowed = new HashMap<>();
    allowed.put("collections.OrderedDict", RestrictedUnpickler::newOrderedDict);
    allowed.put("torch._utils._rebuild_tensor_v2", RestrictedUnpickler::rebuildTensor);
    allowed.put("torch._utils._rebuild_tensor", RestrictedUnpickler::rebuildTensor);
    allowed.put("torch._utils._rebuild_parameter", RestrictedUnpickler::rebuildParameter);
    for (DType dtype : DType.values()) {
      allowed.put("torch." + dtype.torchStorageClass(), new StorageClass(dtype));
    }
    return Map.copyOf(allowed);
  }

  private static Object newOrderedDict(Object[] args) {
    if (args.length != 0) {
      throw new RejectedPickleException("collections.OrderedDict is called with " + args.length
          + " arguments; a state dict builds it empty and fills it with SETITEMS");
    }
    return new LinkedHashMap<Object, Object>();
  }

  /**
   * Builds the description of {@code _rebuild_tensor_v2(storage, storage_offset, size, stride,
   * requires_grad, backward_hooks[, metadata])}. The version 1 form has only the first four arguments.
   */
  private static Object rebuildTensor(Object[] args) {
    if (args.length < 4
        || !(args[0] instanceof PickledStorage storage)
        || !(args[1] instanceof Number offset)) {
      throw new RejectedPickleException("unexpected arguments to torch._utils._rebuild_tensor_v2: " + describe(args));
    }
    return new PickledTensor(storage, offset.longValue(), toLongs(args[2], "size"), toLongs(args[3], "stride"));
  }

  /** Unwraps {@code _rebuild_parameter(data, requires_grad, backward_hooks)} to its tensor. */
  private static Object rebuildParameter(Object[] args) {
    if (args.length < 1 || !(args[0] instanceof PickledTensor tensor)) {
      throw new RejectedPickleException("unexpected arguments to torch._utils._rebuild_parameter: " + describe(args));
    }
    return tensor;
  }

  private static long[] toLongs(Object tuple, String fieldName) {
    if (!(tuple instanceof Object[] items)) {
      throw new RejectedPickleException("tensor " + fieldName + " is " + describe(tuple) + ", expected a tuple of integers");
    }
    long[] values = new long[items.length];
    for (int i = 0; i < items.length; i++) {
      if (!(items[i] instanceof Number number)) {
        throw new RejectedPickleException("tensor " + fieldName + " " + describe(tuple) + " contains a non-integer");
      }
      values[i] = number.longValue();
    }
    return values;
  }

  private static String describe(Object value) {
    if (value instanceof Object[] items) {
      return Arrays.deepToString(items);
    }
    return String.valueOf(value);
  }
}
