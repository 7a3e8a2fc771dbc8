package io.rsitr.cli;

import org.tensorflow.TensorFlow;
import picocli.CommandLine.IVersionProvider;

/** Prints the rsitr and TensorFlow versions. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"rsitr " + (version == null ? "development build" : version),
        "TensorFlow " + TensorFlow.version()};
  }
}
