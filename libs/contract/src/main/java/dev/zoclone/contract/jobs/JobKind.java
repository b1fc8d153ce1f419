package dev.zoclone.contract.jobs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a job runs: a command, an HTTP request, an agent prompt or a skill. */
public enum JobKind {
  SHELL,
  HTTP,
  AGENT,
  SKILL;

  /** Every kind's name in the API, in declaration order. */
  public static final List<String> ALL = Arrays.stream(values()).map(JobKind::wireName).toList();

  /** The kind named {@code name} in the API's lower case, if there is one. */
  public static Optional<JobKind> parse(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
  }

  /** The kind's name in the API. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
