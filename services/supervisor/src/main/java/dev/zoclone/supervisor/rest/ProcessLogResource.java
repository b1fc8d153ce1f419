package dev.zoclone.supervisor.rest;

import dev.zoclone.contract.processes.ProcessLogLine;
import dev.zoclone.contract.processes.ProcessLogs;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.supervisor.config.SupervisorConfig;
import dev.zoclone.supervisor.runtime.LogFollower;
import dev.zoclone.supervisor.runtime.LogStream;
import dev.zoclone.supervisor.runtime.LogTail;
import dev.zoclone.supervisor.service.ProcessService;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A process's captured stdout and stderr: the last lines, or a live stream of new ones. */
@Path("/api/v1/processes/{name}/logs")
@Tag(name = "Processes")
@APIResponse(responseCode = "401", description = "Not called through the gateway")
public class ProcessLogResource {
  private static final int MAX_TAIL = 10_000;
  private static final long KEEPALIVE_MS = 10_000;

  private final ProcessService processes;
  private final CurrentCaller caller;
  private final SupervisorConfig config;

  public ProcessLogResource(
      ProcessService processes, CurrentCaller caller, SupervisorConfig config) {
    this.processes = processes;
    this.caller = caller;
    this.config = config;
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
  @Operation(
      summary = "Read or follow a process's logs",
      description =
          "The last `tail` lines (default 200) of stdout, stderr or both, oldest first. With"
              + " follow=true: text/event-stream, those lines then each new one as a `line` event"
              + " {stream, text}, across log rotations and restarts of the process.")
  @APIResponse(responseCode = "400", description = "Bad tail or stream")
  @APIResponse(responseCode = "404", description = "No such process of the caller")
  public Response logs(
      @PathParam("name") String name,
      @QueryParam("tail") String tail,
      @QueryParam("stream") String stream,
      @QueryParam("follow") String follow,
      @Context HttpServerRequest http) {
    int count = tail(tail);
    LogStream filter =
        LogStream.parse(stream == null ? "both" : stream)
            .orElseThrow(
                () -> ProblemException.badRequest("stream", "must be stdout, stderr or both"));
    if (follow != null && !follow.equals("true") && !follow.equals("false")) {
      throw ProblemException.badRequest("follow", "must be true or false");
    }
    java.nio.file.Path dir = processes.logDir(caller.userId(), name);
    try {
      if (!"true".equals(follow)) {
        List<ProcessLogLine> lines = LogTail.read(dir, count, filter, Long.MAX_VALUE);
        return Response.ok(new ProcessLogs(lines), MediaType.APPLICATION_JSON).build();
      }
      LogFollower follower = new LogFollower(dir, filter);
      List<ProcessLogLine> history = LogTail.read(dir, count, filter, follower.startPosition());
      StreamingOutput output = out -> stream(new SseWriter(out, http), follower, history);
      return Response.ok(output, MediaType.SERVER_SENT_EVENTS)
          .header("Cache-Control", "no-cache")
          .header("X-Accel-Buffering", "no")
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void stream(SseWriter events, LogFollower follower, List<ProcessLogLine> history) {
    long poll = config.logs().followPollInterval().toMillis();
    long quietSince = System.currentTimeMillis();
    try (follower) {
      history.forEach(line -> events.event("line", line));
      events.comment("following");
      events.flush();
      while (events.open()) {
        List<ProcessLogLine> lines = follower.poll();
        if (!lines.isEmpty()) {
          lines.forEach(line -> events.event("line", line));
          events.flush();
          quietSince = System.currentTimeMillis();
        } else if (System.currentTimeMillis() - quietSince > KEEPALIVE_MS) {
          events.comment("keepalive");
          events.flush();
          quietSince = System.currentTimeMillis();
        }
        Thread.sleep(poll);
      }
    } catch (IOException e) {
      Log.debugf("log follow ended: %s", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int tail(String value) {
    if (value == null) {
      return 200;
    }
    try {
      int count = Integer.parseInt(value);
      if (count >= 0 && count <= MAX_TAIL) {
        return count;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ProblemException.badRequest("tail", "must be a number from 0 to " + MAX_TAIL);
  }
}
