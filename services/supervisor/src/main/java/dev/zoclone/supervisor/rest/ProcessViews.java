package dev.zoclone.supervisor.rest;

import dev.zoclone.contract.processes.ProcessView;
import dev.zoclone.supervisor.ProcessDefinition;
import dev.zoclone.supervisor.ProcessMode;
import dev.zoclone.supervisor.repository.ProcessRow;

/** Maps stored processes to what the API shows. */
final class ProcessViews {
  private ProcessViews() {}

  /** The view of {@code row} for its owner, named {@code userName} (null when unknown). */
  static ProcessView of(ProcessRow row, String userName) {
    ProcessDefinition d = row.definition();
    String url =
        d.mode() == ProcessMode.HTTP && userName != null
            ? "/p/" + userName + "/" + d.name() + "/"
            : null;
    return new ProcessView(
        d.name(),
        d.mode().wire(),
        row.status().name(),
        row.reason(),
        row.pid(),
        row.boundPort(),
        row.restarts(),
        row.exitCode(),
        row.startedAt(),
        url,
        d.command(),
        d.args(),
        d.env(),
        d.workdir(),
        d.restart().wire(),
        d.maxRestarts(),
        d.startSeconds(),
        d.stopGraceMs(),
        d.backoffMs(),
        d.visibility());
  }
}
