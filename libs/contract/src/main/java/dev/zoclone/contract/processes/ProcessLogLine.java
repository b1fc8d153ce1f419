package dev.zoclone.contract.processes;

/**
 * One line a process wrote, without its newline; also the data of each {@code line} SSE event.
 *
 * @param stream {@code stdout} or {@code stderr}
 */
public record ProcessLogLine(String stream, String text) {}
