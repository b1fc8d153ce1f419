package dev.zoclone.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Answers {@code zo --version} with the version the build stamped into the jar. */
final class VersionProvider implements IVersionProvider {
  /** The CLI's version, or {@code unknown} when run from unfiltered classes. */
  static String version() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // an unreadable resource means the version is unknown, not that zo cannot run
    }
    return properties.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {"zo " + version(), "Java " + Runtime.version()};
  }
}
