package dev.zoclone.supervisor;

import java.util.List;
import java.util.Map;

/**
 * What to run and how to supervise it, as stored; validated when created or changed.
 *
 * @param id the process's opaque id (names its home and log folder and its leftover marker)
 * @param owner the user id owning it
 * @param workdir a directory relative to the home, or null for the home itself
 * @param port the requested port, or null for a free one (http/tcp)
 * @param visibility {@code private} or {@code public}
 */
public record ProcessDefinition(
    String id,
    String owner,
    String name,
    String command,
    List<String> args,
    Map<String, String> env,
    String workdir,
    ProcessMode mode,
    Integer port,
    RestartPolicy restart,
    int maxRestarts,
    int startSeconds,
    int stopGraceMs,
    int backoffMs,
    String visibility) {

  public ProcessDefinition {
    args = List.copyOf(args);
    env = Map.copyOf(env);
  }
}
