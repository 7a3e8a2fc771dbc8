package io.rsitr.weights;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes pickle opcodes one by one, so tests can build the exact pickle a case needs. */
final class PickleBuilder {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  PickleBuilder proto(int version) {
    bytes.write(0x80);
    bytes.write(version);
    return this;
  }

  /** GLOBAL: pushes {@code module.name}, protocol 0 to 3. */
  PickleBuilder global(String module, String name) {
    bytes.write('c');
    writeAscii(module + "\n" + name + "\n");
    return this;
  }

  /** STACK_GLOBAL: pops a module and a name string, protocol 4 and later. */
  PickleBuilder stackGlobal() {
    bytes.write(0x93);
    return this;
  }

  /** INST: creates an instance of {@code module.name} from the items after the last mark. */
  PickleBuilder inst(String module, String name) {
    bytes.write('i');
    writeAscii(module + "\n" + name + "\n");
    return this;
  }

  PickleBuilder unicode(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    bytes.write('X');
    writeInt(utf8.length);
    bytes.writeBytes(utf8);
    return this;
  }

  PickleBuilder integer(long value) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("BININT holds 32 bits, got " + value);
    }
    bytes.write('J');
    writeInt((int) value);
    return this;
  }

  /** Pushes a tuple of integers, as torch writes sizes and strides. */
  PickleBuilder integerTuple(long... values) {
    mark();
    for (long value : values) {
      integer(value);
    }
    return tuple();
  }

  PickleBuilder falseValue() {
    bytes.write(0x89);
    return this;
  }

  PickleBuilder mark() {
    bytes.write('(');
    return this;
  }

  /** TUPLE: builds a tuple of the items after the last mark. */
  PickleBuilder tuple() {
    bytes.write('t');
    return this;
  }

  PickleBuilder tuple1() {
    bytes.write(0x85);
    return this;
  }

  PickleBuilder emptyTuple() {
    bytes.write(')');
    return this;
  }

  PickleBuilder emptyDict() {
    bytes.write('}');
    return this;
  }

  /** SETITEMS: adds the key, value pairs after the last mark to the dict below the mark. */
  PickleBuilder setItems() {
    bytes.write('u');
    return this;
  }

  /** REDUCE: calls the callable below the argument tuple on top of the stack. */
  PickleBuilder reduce() {
    bytes.write('R');
    return this;
  }

  /** BINPERSID: resolves the object on top of the stack through persistent_load. */
  PickleBuilder persistentId() {
    bytes.write('Q');
    return this;
  }

  PickleBuilder stop() {
    bytes.write('.');
    return this;
  }

  byte[] toBytes() {
    return bytes.toByteArray();
  }

  private void writeAscii(String text) {
    bytes.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
  }

  private void writeInt(int value) {
    bytes.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
  }
}
