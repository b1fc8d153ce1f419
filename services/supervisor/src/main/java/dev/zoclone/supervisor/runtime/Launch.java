package dev.zoclone.supervisor.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One start of a process.
 *
 * @param processId its id, written into the leftover marker
 * @param home its writable home (HOME and the default working directory)
 * @param workdir a directory relative to the home to start in, or null
 * @param command the executable and its arguments
 * @param env the user's variables plus PORT
 */
public record Launch(
    String processId, Path home, String workdir, List<String> command, Map<String, String> env) {}
