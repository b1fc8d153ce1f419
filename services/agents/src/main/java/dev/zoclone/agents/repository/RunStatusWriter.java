package dev.zoclone.agents.repository;

import dev.zoclone.platform.batch.BatchWriter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Writes the starts and ends of agent runs that happen at the same moment together: a spawn-all's
 * hundred runs start (and end) within milliseconds of each other, and one statement for all of them
 * replaces a hundred transactions queueing for database connections. Each caller still waits until
 * its change is committed and learns whether it was the one that recorded it.
 */
@ApplicationScoped
public class RunStatusWriter {
  private static final int MAX_BATCH = 500;

  private final AgroalDataSource dataSource;
  private final BatchWriter<Change> writer;

  public RunStatusWriter(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
    this.writer =
        new BatchWriter<>(
            "agent-run-writer",
            MAX_BATCH,
            this::write,
            (batch, failure) ->
                batch.forEach(change -> change.done().completeExceptionally(failure)));
  }

  /** A start (status RUNNING) or an end of one run, and whether the database took it. */
  private record Change(
      String id, String status, String output, String error, CompletableFuture<Boolean> done) {
    boolean start() {
      return "RUNNING".equals(status);
    }
  }

  void onStart(@Observes StartupEvent event) {
    writer.start();
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    writer.stop();
  }

  /** QUEUED → RUNNING; false when the run already ended (cancelled while queued). */
  public boolean markRunning(String id) {
    return submit(new Change(id, "RUNNING", null, null, new CompletableFuture<>()));
  }

  /** Records the end of a run unless it already ended; true when this call recorded it. */
  public boolean finish(String id, String status, String output, String error) {
    return submit(new Change(id, status, output, error, new CompletableFuture<>()));
  }

  private boolean submit(Change change) {
    writer.add(change);
    try {
      return change.done().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  private void write(List<Change> batch) {
    List<Change> starts = batch.stream().filter(Change::start).toList();
    // The first end of a run in the batch is the one written, as one statement at a time would.
    List<Change> ends = new ArrayList<>();
    Set<String> ending = new HashSet<>();
    for (Change change : batch) {
      if (!change.start() && ending.add(change.id())) {
        ends.add(change);
      }
    }
    Set<String> recorded =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Set<String> keys = new HashSet<>();
                  try (Connection connection = dataSource.getConnection()) {
                    // Starts first: a run that starts and is cancelled in the same moment is
                    // cancelled while running, which stops its call.
                    keys.addAll(start(connection, starts));
                    keys.addAll(end(connection, ends));
                  }
                  return keys;
                });
    for (Change change : batch) {
      boolean written = change.start() ? starts.contains(change) : ends.contains(change);
      change.done().complete(written && recorded.contains(key(change)));
    }
  }

  private static String key(Change change) {
    return (change.start() ? "start:" : "end:") + change.id();
  }

  private static List<String> start(Connection connection, List<Change> starts)
      throws SQLException {
    if (starts.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE agent_run SET status = 'RUNNING', started_at = now()"
                + " WHERE id = ANY (?) AND status = 'QUEUED' RETURNING id")) {
      update.setArray(1, texts(connection, starts.stream().map(Change::id).toList()));
      return returned(update, "start:");
    }
  }

  private static List<String> end(Connection connection, List<Change> ends) throws SQLException {
    if (ends.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE agent_run r SET status = v.status, output = v.output, error = v.error,"
                + " finished_at = now()"
                + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])"
                + " AS v(id, status, output, error)"
                + " WHERE r.id = v.id AND r.status IN ('QUEUED', 'RUNNING') RETURNING r.id")) {
      update.setArray(1, texts(connection, ends.stream().map(Change::id).toList()));
      update.setArray(2, texts(connection, ends.stream().map(Change::status).toList()));
      update.setArray(3, texts(connection, ends.stream().map(Change::output).toList()));
      update.setArray(4, texts(connection, ends.stream().map(Change::error).toList()));
      return returned(update, "end:");
    }
  }

  private static Array texts(Connection connection, List<String> values) throws SQLException {
    return connection.createArrayOf("text", values.toArray(new String[0]));
  }

  private static List<String> returned(PreparedStatement update, String prefix)
      throws SQLException {
    List<String> ids = new ArrayList<>();
    try (ResultSet rs = update.executeQuery()) {
      while (rs.next()) {
        ids.add(prefix + rs.getString(1));
      }
    }
    return ids;
  }
}
