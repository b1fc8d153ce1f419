package dev.zoclone.skills.service;

import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.contract.skills.SkillRequestEvent;
import dev.zoclone.contract.skills.SkillResultEvent;
import dev.zoclone.contract.skills.SkillRunRequest;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.platform.events.ProcessedEvents;
import dev.zoclone.platform.outbox.Outbox;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.skillkit.SkillRunResult;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Runs a skill request from Kafka and publishes its one result through the outbox. A request id
 * already answered is skipped; two deliveries racing both may run, but only the first to commit
 * publishes.
 */
@ApplicationScoped
public class SkillRequestHandler {
  static final String CONSUMER = "skill-requests";

  private final SkillRunService runs;
  private final ProcessedEvents processed;
  private final Outbox outbox;
  private final AgroalDataSource dataSource;

  public SkillRequestHandler(
      SkillRunService runs, ProcessedEvents processed, Outbox outbox, AgroalDataSource dataSource) {
    this.runs = runs;
    this.processed = processed;
    this.outbox = outbox;
    this.dataSource = dataSource;
  }

  /** Answers {@code request} once; a request without an id cannot be answered and is dropped. */
  public void handle(SkillRequestEvent request) {
    String requestId = request.requestId();
    if (alreadyAnswered(requestId)) {
      Log.debugf("skill request %s was answered already", requestId);
      return;
    }
    SkillResultEvent result = run(request);
    if (result == null) {
      return;
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (processed.firstDelivery(CONSUMER, requestId)) {
                outbox.publish(
                    Topics.SKILL_RESULTS,
                    requestId,
                    EventEnvelope.of(
                        "zo.skill.result",
                        "skills",
                        requestId,
                        EventJson.mapper().valueToTree(result)));
              }
            });
    Log.infof("skill request %s answered: %s", requestId, result.status());
  }

  /** The request's result, or null when a racing delivery of it stored the run first. */
  private SkillResultEvent run(SkillRequestEvent request) {
    String requestId = request.requestId();
    if (blank(request.owner()) || blank(request.skill())) {
      return SkillResultEvent.failed(requestId, "owner and skill are required");
    }
    try {
      SkillRunResult run =
          runs.run(
              request.owner(),
              request.skill(),
              new SkillRunRequest(request.script(), request.input(), null, null, null),
              requestId);
      String error =
          run.timedOut()
              ? "the script ran out of time"
              : run.exitCode() == 0 ? null : "the script exited with " + run.exitCode();
      return new SkillResultEvent(
          requestId,
          error == null ? "SUCCEEDED" : "FAILED",
          error,
          run.runId(),
          run.exitCode(),
          run.output(),
          run.stderr(),
          run.durationMs(),
          run.version());
    } catch (ProblemException | TooManyRunsException e) {
      return SkillResultEvent.failed(requestId, e.getMessage());
    } catch (RuntimeException e) {
      if (ranAlready(requestId)) {
        Log.infof("skill request %s is run by another delivery", requestId);
        return null;
      }
      Log.warnf("skill request %s failed: %s", requestId, e.toString());
      return SkillResultEvent.failed(requestId, "the skill run failed");
    }
  }

  private boolean alreadyAnswered(String requestId) {
    return exists(
        "SELECT 1 FROM processed_event WHERE consumer = ? AND event_id = ?", CONSUMER, requestId);
  }

  private boolean ranAlready(String requestId) {
    return exists("SELECT 1 FROM skill_run WHERE request_id = ?", requestId);
  }

  private boolean exists(String sql, String... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = query.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot query " + sql, e);
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
