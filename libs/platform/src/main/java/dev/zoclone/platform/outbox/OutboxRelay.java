package dev.zoclone.platform.outbox;

import dev.zoclone.platform.config.PlatformConfig;
import dev.zoclone.platform.kafka.KafkaSettings;
import dev.zoclone.platform.tracing.RecordTracing;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Sends outbox rows to Kafka and marks them sent. Rows are claimed with {@code FOR UPDATE SKIP
 * LOCKED}, so replicas share the work; a row whose send fails stays unsent and is retried with
 * capped exponential backoff. A crash between send and mark resends the row: delivery is at least
 * once, and consumers dedupe on the event id. Sent rows are deleted once older than the retention
 * ({@code zo.platform.outbox.retention}).
 */
@ApplicationScoped
@IfBuildProperty(name = "zo.kafka.enabled", stringValue = "true")
public class OutboxRelay {
  private static final long SEND_TIMEOUT_MS = 20_000;
  private static final int PURGE_BATCH = 5_000;
  private static final String EVENT_ID_HEADER = "zo-event-id";

  private final AgroalDataSource dataSource;
  private final PlatformConfig config;
  private final KafkaSettings kafka;
  private final RecordTracing tracing;
  private final ReentrantLock passLock = new ReentrantLock();
  private volatile boolean running;
  private Producer<String, String> producer;

  public OutboxRelay(
      AgroalDataSource dataSource,
      PlatformConfig config,
      KafkaSettings kafka,
      RecordTracing tracing) {
    this.dataSource = dataSource;
    this.config = config;
    this.kafka = kafka;
    this.tracing = tracing;
    this.running = config.outbox().enabled();
  }

  @Scheduled(
      every = "${zo.platform.outbox.interval:0.2s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    if (running) {
      try {
        // A full pass means more rows are waiting: keep draining instead of waiting a tick.
        while (running && relayPass().full()) {
          Log.debug("outbox relay drained a full batch, continuing");
        }
      } catch (RuntimeException e) {
        Log.warnf("outbox relay pass failed, will retry: %s", e.getMessage());
      }
    }
  }

  @Scheduled(
      every = "${zo.platform.outbox.purge-interval:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void purge() {
    try {
      int purged;
      do {
        purged = purgeSent();
      } while (purged == PURGE_BATCH);
    } catch (RuntimeException e) {
      Log.warnf("outbox purge failed, will retry: %s", e.getMessage());
    }
  }

  /** Deletes up to one batch of rows sent longer than the retention ago; returns how many. */
  public int purgeSent() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection connection = dataSource.getConnection();
                  PreparedStatement delete =
                      connection.prepareStatement(
                          "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox"
                              + " WHERE sent_at < now() - ? * interval '1 millisecond'"
                              + " LIMIT ? FOR UPDATE SKIP LOCKED)")) {
                delete.setLong(1, config.outbox().retention().toMillis());
                delete.setInt(2, PURGE_BATCH);
                return delete.executeUpdate();
              }
            });
  }

  /** Stops relaying, waiting for a pass under way; rows accumulate until {@link #start()}. */
  public void stop() {
    running = false;
    passLock.lock();
    passLock.unlock();
  }

  /** Resumes relaying. */
  public void start() {
    running = true;
  }

  /** Sends up to one batch of due rows; returns how many were sent. */
  public int relayPending() {
    return relayPass().sent();
  }

  /** What one pass did: rows sent, and whether it stopped at a limit (so more may be due). */
  private record Pass(int sent, boolean full) {}

  private Pass relayPass() {
    passLock.lock();
    try {
      return QuarkusTransaction.requiringNew().call(this::relayBatch);
    } finally {
      passLock.unlock();
    }
  }

  private Pass relayBatch() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      Claim claim = claim(connection);
      List<Row> rows = claim.rows();
      if (rows.isEmpty()) {
        return new Pass(0, false);
      }
      List<List<Future<RecordMetadata>>> sends = new ArrayList<>(rows.size());
      for (Row row : rows) {
        sends.add(send(row));
      }
      List<String> sent = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        Row row = rows.get(i);
        try {
          for (Future<RecordMetadata> send : sends.get(i)) {
            send.get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
          }
          sent.add(row.id());
        } catch (Exception e) {
          markFailed(connection, row, e);
        }
      }
      markSent(connection, sent);
      return new Pass(sent.size(), claim.full());
    }
  }

  /** Hands the row's records to the producer; a payload that cannot be read fails like a send. */
  private List<Future<RecordMetadata>> send(Row row) {
    List<ProducerRecord<String, String>> records;
    try {
      records = row.toRecords();
    } catch (IOException | RuntimeException e) {
      return List.of(CompletableFuture.failedFuture(e));
    }
    List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
    for (ProducerRecord<String, String> record : records) {
      sends.add(send(record, row.traceParent()));
    }
    return sends;
  }

  /** Sends one record within a producer span of the row's trace, ended when the send completes. */
  private Future<RecordMetadata> send(ProducerRecord<String, String> record, String traceParent) {
    Span span = tracing.startSend(traceParent, record.topic(), eventId(record), record.headers());
    try {
      return producer()
          .send(
              record,
              (metadata, error) -> {
                if (error != null) {
                  span.setStatus(StatusCode.ERROR, String.valueOf(error));
                }
                span.end();
              });
    } catch (RuntimeException e) {
      span.setStatus(StatusCode.ERROR, String.valueOf(e));
      span.end();
      throw e;
    }
  }

  private static String eventId(ProducerRecord<String, String> record) {
    var header = record.headers().lastHeader(EVENT_ID_HEADER);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  /**
   * Locks the due rows in order, up to the batch size and, past the first row, the byte budget;
   * reads the payloads of those only (rows locked but over the budget are left for the next pass).
   */
  private Claim claim(Connection connection) throws SQLException {
    List<String> ids = new ArrayList<>();
    boolean full = false;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, octet_length(payload) FROM outbox"
                + " WHERE sent_at IS NULL AND next_attempt_at <= now()"
                + " ORDER BY created_at, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
      select.setInt(1, config.outbox().batchSize());
      long bytes = 0;
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          bytes += rs.getLong(2);
          if (!ids.isEmpty() && bytes > config.outbox().maxPassBytes()) {
            full = true;
            break;
          }
          ids.add(rs.getString(1));
        }
      }
    }
    full |= ids.size() == config.outbox().batchSize();
    return new Claim(ids.isEmpty() ? List.of() : read(connection, ids), full);
  }

  /** The rows a pass took, and whether it stopped at the batch size or the byte budget. */
  private record Claim(List<Row> rows, boolean full) {}

  private static List<Row> read(Connection connection, List<String> ids) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT o.id, o.topic, o.record_key, o.payload, o.attempts, o.trace_parent"
                + " FROM unnest(?::text[]) WITH ORDINALITY AS c(id, n) JOIN outbox o ON o.id = c.id"
                + " ORDER BY c.n")) {
      select.setArray(1, connection.createArrayOf("text", ids.toArray()));
      List<Row> rows = new ArrayList<>(ids.size());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getInt(5),
                  rs.getString(6)));
        }
      }
      return rows;
    }
  }

  private static void markSent(Connection connection, List<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY(?)")) {
      update.setArray(1, connection.createArrayOf("text", ids.toArray()));
      update.executeUpdate();
    }
  }

  /**
   * Records a failed send: tried again after a backoff, or dead-lettered (kept, never tried again:
   * {@code next_attempt_at = 'infinity'}) when the error cannot heal (a record the broker refuses,
   * such as one too large; a payload that cannot be read) or the attempts have run out ({@code
   * zo.platform.outbox.max-attempts}). A dead row is skipped by every pass, so it never holds up
   * newer rows; {@link OutboxDeadLetters} lists them.
   */
  private void markFailed(Connection connection, Row row, Exception error) throws SQLException {
    Throwable cause =
        error instanceof ExecutionException && error.getCause() != null ? error.getCause() : error;
    int attempts = row.attempts() + 1;
    boolean dead = !retriable(cause) || attempts >= config.outbox().maxAttempts();
    long backoffMs =
        Math.min(config.outbox().maxBackoff().toMillis(), 100L << Math.min(row.attempts(), 20));
    if (dead) {
      Log.errorf(
          "outbox event %s to %s dead-lettered after %d attempt(s): %s",
          row.id(), row.topic(), attempts, cause);
    } else {
      Log.warnf("outbox event %s not sent (attempt %d): %s", row.id(), attempts, cause);
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = CASE"
                + " WHEN ? THEN 'infinity'::timestamptz"
                + " ELSE clock_timestamp() + (? * interval '1 millisecond') END WHERE id = ?")) {
      update.setString(1, String.valueOf(cause));
      update.setBoolean(2, dead);
      update.setLong(3, backoffMs);
      update.setString(4, row.id());
      update.executeUpdate();
    }
  }

  /**
   * Whether sending again may succeed: Kafka's retriable errors and timeouts may; an error the
   * broker or client gives for the record itself (too large, invalid topic) and an unreadable
   * payload never will.
   */
  private static boolean retriable(Throwable cause) {
    if (cause instanceof ApiException) {
      return cause instanceof RetriableException;
    }
    return !(cause instanceof IOException || cause instanceof IllegalArgumentException);
  }

  private synchronized Producer<String, String> producer() {
    if (producer == null) {
      producer = new KafkaProducer<>(kafka.producerProperties());
    }
    return producer;
  }

  void close(@Observes ShutdownEvent event) {
    running = false;
    synchronized (this) {
      if (producer != null) {
        producer.close();
      }
    }
  }

  /**
   * One claimed outbox row: one event, or a batch of them (see {@link Outbox}), and the trace that
   * queued it (may be null).
   */
  private record Row(
      String id, String topic, String key, String payload, int attempts, String traceParent) {
    List<ProducerRecord<String, String>> toRecords() throws IOException {
      if (!payload.startsWith("[")) {
        return List.of(record(key, payload, id));
      }
      List<ProducerRecord<String, String>> records = new ArrayList<>();
      for (OutboxBatch.Item item : OutboxBatch.items(payload)) {
        records.add(record(item.key(), item.event(), item.id()));
      }
      return records;
    }

    private ProducerRecord<String, String> record(String key, String value, String eventId) {
      ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
      record.headers().add(EVENT_ID_HEADER, eventId.getBytes(StandardCharsets.UTF_8));
      return record;
    }
  }
}
