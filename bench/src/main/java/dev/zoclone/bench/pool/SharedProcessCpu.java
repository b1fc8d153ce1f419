package dev.zoclone.bench.pool;

import dev.zoclone.bench.ProcessCpu;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU used so far by the processes the stack shares with the machine, which the benchmark did not
 * start: every PostgreSQL process (backends and background workers alike) and the Kafka broker. A
 * process that exited between two readings takes its CPU with it (short-lived autovacuum workers),
 * so the PostgreSQL figure is a floor.
 */
final class SharedProcessCpu {
  private SharedProcessCpu() {}

  /** Milliseconds of CPU of all PostgreSQL processes and of the Kafka broker, by that name. */
  static Map<String, Double> read() throws IOException {
    double postgres = 0;
    double kafka = 0;
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        String command = commandLine(process);
        if (command.startsWith("postgres:") || command.contains("/bin/postgres ")) {
          postgres += cpu(process);
        } else if (command.contains("-Dzo.name=kafka") && command.contains("kafka.Kafka")) {
          kafka += cpu(process);
        }
      }
    }
    Map<String, Double> cpu = new LinkedHashMap<>();
    cpu.put("PostgreSQL", postgres);
    cpu.put("Kafka", kafka);
    return cpu;
  }

  private static String commandLine(Path process) {
    try {
      return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
          .replace('\0', ' ');
    } catch (IOException e) {
      return ""; // exited meanwhile, or not ours to read
    }
  }

  private static double cpu(Path process) throws IOException {
    try {
      return ProcessCpu.millis(Long.parseLong(process.getFileName().toString()));
    } catch (NoSuchFileException e) {
      return 0; // exited meanwhile
    }
  }
}
