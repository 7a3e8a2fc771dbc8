package io.rsitr.weights;

import java.io.IOException;

/** Signals a weight file that cannot be read: unknown format, corrupt content or a rejected pickle. */
public class WeightFormatException extends IOException {

  public WeightFormatException(String message) {
    super(message);
  }

  public WeightFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
