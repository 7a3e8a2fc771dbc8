package io.rsitr.track;

import java.util.regex.Pattern;

/**
 * Checks names and values against the rules of MLflow 2.17 ({@code mlflow/utils/validation.py}),
 * so a bad metric name fails before training starts instead of at the first log call.
 */
public final class MlflowNames {

  /** Maximum length of a metric, param or tag key. */
  public static final int MAX_KEY_LENGTH = 250;

  /** Maximum length of a param value. */
  public static final int MAX_PARAM_VALUE_LENGTH = 6000;

  /** Maximum length of a run tag value. */
  public static final int MAX_TAG_VALUE_LENGTH = 8000;

  /** Maximum length of an experiment name. */
  public static final int MAX_EXPERIMENT_NAME_LENGTH = 500;

  // MLflow's pattern on Linux and macOS is ^[/\w.\- :]*$ with Python's Unicode \w.
  private static final Pattern ALLOWED_KEY =
      Pattern.compile("[/\\w.\\- :]*", Pattern.UNICODE_CHARACTER_CLASS);

  private MlflowNames() {}

  /**
   * Rejects a metric, param or tag key that MLflow would reject.
   *
   * <p>A valid key is 1 to 250 characters of letters, digits, {@code _ - . space / :}, and is a
   * normalized relative path, because the file store turns it into one: no leading {@code /}, no
   * {@code //}, no trailing {@code /}, and no {@code .} or {@code ..} segment.
   *
   * @throws IllegalArgumentException naming the key and the rule it breaks
   */
  public static void validateKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("Invalid MLflow key: the key is missing or empty");
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "Invalid MLflow key '" + key.substring(0, 40) + "...': it has " + key.length()
              + " characters, the maximum is " + MAX_KEY_LENGTH);
    }
    if (!ALLOWED_KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "Invalid MLflow key '" + key + "': keys may contain only letters, digits, "
              + "underscores (_), dashes (-), periods (.), spaces, colons (:) and slashes (/)");
    }
    if (!isNormalizedRelativePath(key)) {
      throw new IllegalArgumentException(
          "Invalid MLflow key '" + key + "': MLflow stores keys as file paths, so a key must not "
              + "start with '/' or '..', end with '/', contain '//', or have a '.' segment");
    }
  }

  /**
   * Rejects a param value longer than MLflow accepts.
   *
   * @throws IllegalArgumentException naming the key and the length
   */
  public static void validateParamValue(String key, String value) {
    if (value == null) {
      throw new IllegalArgumentException("Invalid value of param '" + key + "': the value is null");
    }
    if (value.length() > MAX_PARAM_VALUE_LENGTH) {
      throw new IllegalArgumentException(
          "Invalid value of param '" + key + "': it has " + value.length()
              + " characters, the maximum is " + MAX_PARAM_VALUE_LENGTH);
    }
  }

  /**
   * Rejects a run tag value longer than MLflow accepts.
   *
   * @throws IllegalArgumentException naming the key and the length
   */
  public static void validateTagValue(String key, String value) {
    if (value == null) {
      throw new IllegalArgumentException("Invalid value of tag '" + key + "': the value is null");
    }
    if (value.length() > MAX_TAG_VALUE_LENGTH) {
      throw new IllegalArgumentException(
          "Invalid value of tag '" + key + "': it has " + value.length()
              + " characters, the maximum is " + MAX_TAG_VALUE_LENGTH);
    }
  }

  /**
   * Rejects an empty or overlong experiment name.
   *
   * @throws IllegalArgumentException naming the problem
   */
  public static void validateExperimentName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Invalid MLflow experiment name: the name is empty");
    }
    if (name.length() > MAX_EXPERIMENT_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "Invalid MLflow experiment name '" + name.substring(0, 40) + "...': it has "
              + name.length() + " characters, the maximum is " + MAX_EXPERIMENT_NAME_LENGTH);
    }
  }

  /** Returns whether {@code posixpath.normpath(key)} would return the key unchanged. */
  private static boolean isNormalizedRelativePath(String key) {
    if (key.startsWith("/") || key.endsWith("/") || key.startsWith("..")) {
      return false;
    }
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }
}
