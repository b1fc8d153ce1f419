package dev.zoclone.cli.pool;

import picocli.CommandLine.Command;

/** {@code zo jobs}: the group of compute-pool job commands. */
@Command(
    name = "jobs",
    description = "Submit and follow compute-pool jobs.",
    subcommands = {
      SubmitJobCommand.class,
      ListJobsCommand.class,
      ShowJobCommand.class,
      CancelJobCommand.class,
      RetryJobCommand.class,
      JobLogsCommand.class
    })
public final class JobsCommand {}
