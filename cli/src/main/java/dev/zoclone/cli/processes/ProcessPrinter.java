package dev.zoclone.cli.processes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** How the process commands print one process. */
final class ProcessPrinter {
  private ProcessPrinter() {}

  /** One line: name, status, pid, port, and why it failed. */
  static void print(PrintWriter out, JsonNode process) {
    StringBuilder line =
        new StringBuilder()
            .append(process.path("name").asText())
            .append(": ")
            .append(process.path("status").asText());
    if (process.hasNonNull("pid")) {
      line.append(" (pid ").append(process.get("pid").asText()).append(")");
    }
    if (process.hasNonNull("port")) {
      line.append(" on port ").append(process.get("port").asText());
    }
    if (process.hasNonNull("reason")) {
      line.append(" — ").append(process.get("reason").asText());
    }
    out.println(line);
  }
}
