package dev.zoclone.scheduler.service;

import java.util.Locale;

/** The kinds of action an automation can take. */
public enum ActionType {
  ASK,
  JOB,
  WEBHOOK,
  KAFKA;

  /** The value as the API writes it. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
