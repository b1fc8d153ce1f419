package dev.zoclone.contract.scheduler;

/**
 * One occurrence of a recurrence rule.
 *
 * @param local the wall-clock time in the rule's zone, e.g. {@code 1997-09-02T09:00:00}
 * @param utc the same moment in UTC, e.g. {@code 1997-09-02T13:00:00Z}
 */
public record Occurrence(String local, String utc) {}
