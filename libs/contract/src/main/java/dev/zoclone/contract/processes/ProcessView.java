package dev.zoclone.contract.processes;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One process as its owner sees it ({@code GET /api/v1/processes/{name}}).
 *
 * @param status STARTING, RUNNING, BACKOFF, STOPPED, EXITED or FATAL
 * @param reason why it is FATAL, EXITED or BACKOFF, in words
 * @param pid the host pid of its sandbox while it runs
 * @param port the port injected as PORT (http and tcp modes)
 * @param restarts how often it was started again after its first start
 * @param exitCode its last exit code (128 + n for signal n)
 * @param url the public route's path on the gateway (http mode)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProcessView(
    String name,
    String mode,
    String status,
    String reason,
    Long pid,
    Integer port,
    int restarts,
    Integer exitCode,
    Instant startedAt,
    String url,
    String command,
    List<String> args,
    Map<String, String> env,
    String workdir,
    String restart,
    int maxRestarts,
    int startSeconds,
    int stopGraceMs,
    int backoffMs,
    String visibility) {}
