package dev.zoclone.sandbox;

/**
 * How a sandboxed command ended.
 *
 * @param exitCode the command's exit code; 128 + the signal when a signal ended it
 * @param stdout what it wrote to stdout, up to the runner's cap (UTF-8, malformed bytes replaced)
 * @param stdoutTruncated true when more was written than the cap (the rest was read and dropped)
 * @param stderr what it wrote to stderr, likewise capped
 * @param stderrTruncated true when stderr was cut
 * @param timedOut true when the wall-time limit ended it
 * @param durationMs from start to the end of the whole tree
 */
public record SandboxResult(
    int exitCode,
    String stdout,
    boolean stdoutTruncated,
    String stderr,
    boolean stderrTruncated,
    boolean timedOut,
    long durationMs) {}
