package io.rsitr.data.image;

/**
 * Signals that an image file could not be read or has a pixel layout that {@link ImageDecoder}
 * does not convert to 8-bit RGB. The message names the file.
 */
public class ImageDecodeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ImageDecodeException(String message) {
    super(message);
  }

  public ImageDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
