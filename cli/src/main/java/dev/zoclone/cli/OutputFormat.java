package dev.zoclone.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/** How a command prints what the gateway answered: {@code -o text|wide|json|yaml}. */
public enum OutputFormat {
  /** Tables and sentences for people. */
  TEXT,
  /** Tables with more columns. */
  WIDE,
  /** The gateway's JSON as is. */
  JSON,
  /** The gateway's JSON as YAML. */
  YAML;

  private static final ObjectMapper JSON_READER = new ObjectMapper();
  private static final ObjectMapper YAML_WRITER =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());

  /** Whether the format prints the gateway's data rather than text. */
  public boolean data() {
    return this == JSON || this == YAML;
  }

  /** {@code raw} parsed as picocli hands it over, in any case; a usage error names the choices. */
  static OutputFormat parse(String raw) {
    try {
      return valueOf(raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CliFailure(
          ExitCodes.USAGE, "unknown output format '" + raw + "': use json, yaml, wide or text");
    }
  }

  /** A JSON body as this format prints it: as is for JSON, converted for YAML. */
  public String render(String jsonBody) {
    if (this != YAML) {
      return jsonBody.strip();
    }
    try {
      JsonNode tree = JSON_READER.readTree(jsonBody);
      return YAML_WRITER.writeValueAsString(tree).stripTrailing();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
