package io.rsitr.track;

import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the tracker for a tracking URI: {@code http://} and {@code https://} go to an MLflow
 * tracking server, {@code file:} URIs and plain paths to a local MLflow file store.
 */
public final class Trackers {

  /** The environment variable that MLflow's clients read for the tracking URI. */
  public static final String TRACKING_URI_ENV = "MLFLOW_TRACKING_URI";

  /** The URI used when neither the configuration nor the environment names one. */
  public static final String DEFAULT_URI = "file:./mlruns";

  private static final Logger LOG = LoggerFactory.getLogger(Trackers.class);

  private Trackers() {}

  /**
   * Opens the tracker for a URI. A {@code null} URI means that the configuration left it unset,
   * so {@code MLFLOW_TRACKING_URI} from {@code env} is used when set, else {@value #DEFAULT_URI}.
   *
   * @throws IllegalArgumentException for a scheme other than http, https or file
   */
  public static Tracker open(String uriOrNull, Map<String, String> env) {
    String uri = resolveUri(uriOrNull, uriOrNull == null, env);
    String scheme = schemeOf(uri);
    if (scheme.equals("http") || scheme.equals("https")) {
      LOG.info("Tracking runs on the MLflow server at {}", uri);
      return new RestMlflowTracker(uri);
    }
    if (scheme.isEmpty() || scheme.equals("file")) {
      LocalMlflowStore store = new LocalMlflowStore(FileUris.toPath(uri));
      LOG.info("Tracking runs in the local MLflow store {}", store.root());
      return store;
    }
    throw new IllegalArgumentException(
        "Unsupported tracking URI '" + uri + "': use http://host:port or https://host for an "
            + "MLflow tracking server, or file:./mlruns, file:///absolute/path or a plain path "
            + "for a local store");
  }

  /**
   * Returns the tracking URI to use, with the precedence of MLflow's own clients: a value set
   * explicitly in the configuration wins. When the configuration holds only its default (or
   * nothing), a non-blank {@code MLFLOW_TRACKING_URI} in {@code env} wins over that default.
   *
   * @param configuredValue the configuration's value, or {@code null} when it has none
   * @param configuredValueIsDefault whether the configuration left the value at its default
   */
  public static String resolveUri(
      String configuredValue, boolean configuredValueIsDefault, Map<String, String> env) {
    boolean explicit = !configuredValueIsDefault && configuredValue != null
        && !configuredValue.isBlank();
    if (explicit) {
      return configuredValue.trim();
    }
    String fromEnv = env == null ? null : env.get(TRACKING_URI_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    if (configuredValue != null && !configuredValue.isBlank()) {
      return configuredValue.trim();
    }
    return DEFAULT_URI;
  }

  /** Returns the lower-case URI scheme, or an empty string for a plain path. */
  private static String schemeOf(String uri) {
    int colon = uri.indexOf(':');
    if (colon < 2) {
      // No scheme, or a Windows drive letter such as C:\runs.
      return "";
    }
    String candidate = uri.substring(0, colon);
    if (!candidate.matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      return "";
    }
    return candidate.toLowerCase(Locale.ROOT);
  }
}
