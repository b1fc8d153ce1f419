package dev.zoclone.contract;

import java.util.List;

/** Kafka topic names shared by every service; the only place they are spelled. */
public final class Topics {
  /** Requests to run an agent, from any producer. */
  public static final String AGENT_REQUESTS = "zo.agent.requests";

  /** One result per agent request, keyed by its request id. */
  public static final String AGENT_RESULTS = "zo.agent.results";

  /** Jobs submitted to the compute pool from any producer. */
  public static final String POOL_JOBS = "zo.pool.jobs";

  /** State changes of compute-pool jobs. */
  public static final String POOL_JOB_EVENTS = "zo.pool.job-events";

  /** Occurrences fired by the scheduler. */
  public static final String AUTOMATION_FIRED = "zo.automation.fired";

  /** Messages and documents to embed into memory. */
  public static final String MEMORY_INGEST = "zo.memory.ingest";

  /** Requests to run a skill's script, from any producer. */
  public static final String SKILL_REQUESTS = "zo.skill.requests";

  /** One result per skill request, keyed by its request id. */
  public static final String SKILL_RESULTS = "zo.skill.results";

  /** Every topic the platform creates at start-up. */
  public static final List<String> ALL =
      List.of(
          AGENT_REQUESTS,
          AGENT_RESULTS,
          POOL_JOBS,
          POOL_JOB_EVENTS,
          AUTOMATION_FIRED,
          MEMORY_INGEST,
          SKILL_REQUESTS,
          SKILL_RESULTS);

  private Topics() {}
}
