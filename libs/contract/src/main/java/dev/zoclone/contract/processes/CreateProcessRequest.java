package dev.zoclone.contract.processes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/processes}: defines a process and starts it.
 *
 * @param name unique among the caller's processes: letters, digits, '-', '_' and '.'
 * @param command the executable: a name found on the sandbox's PATH, an absolute path, or a path
 *     relative to the process's home
 * @param args its arguments
 * @param env variables besides PATH, LANG, HOME and PORT
 * @param workdir a directory relative to the process's home to start in; the home by default
 * @param mode {@code process} (default), {@code http} or {@code tcp}
 * @param port the port to inject as PORT in http/tcp modes; a free one when null
 * @param restart {@code always}, {@code on-failure} (default) or {@code never}
 * @param maxRestarts failed starts in a row before FATAL
 * @param startSeconds how long a start must live to count as successful
 * @param stopGraceMs time between SIGTERM and SIGKILL on stop
 * @param backoffMs delay before the first retry of a failed start; it doubles with each one
 * @param visibility {@code private} (default: the owner's token) or {@code public} (anyone)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateProcessRequest(
    String name,
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
