package dev.zoclone.contract.processes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code PATCH /api/v1/processes/{name}}: the fields to change (null keeps one); applied on
 * the process's next start. Fields mean what they mean in {@link CreateProcessRequest}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateProcessRequest(
    String command,
    List<String> args,
    Map<String, String> env,
    String workdir,
    String mode,
    Integer port,
    String restart,
    Integer maxRestarts,
    Integer startSeconds,
    Integer stopGraceMs,
    Integer backoffMs,
    String visibility) {}
