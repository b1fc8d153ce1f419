package dev.zoclone.skillkit;

import java.util.List;

/** A skill or skill archive that cannot be accepted, with every problem found in it. */
public class InvalidSkillException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<SkillProblem> problems;

  public InvalidSkillException(List<SkillProblem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidSkillException(String field, String message) {
    this(List.of(new SkillProblem(field, message)));
  }

  /** Every problem found, in the order found. */
  public List<SkillProblem> problems() {
    return problems;
  }

  private static String summary(List<SkillProblem> problems) {
    StringBuilder text = new StringBuilder();
    for (SkillProblem problem : problems) {
      if (!text.isEmpty()) {
        text.append("; ");
      }
      text.append(problem.field()).append(": ").append(problem.message());
    }
    return text.toString();
  }
}
