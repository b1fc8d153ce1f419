package dev.zoclone.supervisor;

/** The lifecycle states of a supervised process, as in supervisord. */
public enum ProcessStatus {
  STARTING,
  RUNNING,
  BACKOFF,
  STOPPED,
  EXITED,
  FATAL;

  /** Whether the process is, or is about to be, running. */
  public boolean live() {
    return this == STARTING || this == RUNNING || this == BACKOFF;
  }
}
