package dev.zoclone.cli.skills;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.skillkit.InvalidSkillException;
import dev.zoclone.skillkit.SkillProblem;
import dev.zoclone.skillkit.SkillValidation;
import dev.zoclone.skillkit.SkillValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zo skills validate DIR|ARCHIVE}: checks a skill against the Agent Skills spec locally,
 * with the service's own validator and no gateway; exit 1 lists every problem.
 */
@Command(
    name = "validate",
    description = "Check a skill folder or archive locally (no gateway needed).")
public final class ValidateSkillCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "DIR|ARCHIVE", description = "The skill folder or archive.")
  private Path path;

  @Override
  public Integer call() throws IOException {
    List<SkillProblem> problems;
    List<SkillProblem> warnings = List.of();
    try {
      SkillValidation validation = SkillValidator.validate(SkillSource.read(path));
      problems = validation.problems();
      warnings = validation.warnings();
    } catch (InvalidSkillException e) {
      problems = e.problems();
    }
    var out = spec.commandLine().getOut();
    warnings.forEach(w -> out.println("warning: " + w.field() + ": " + w.message()));
    if (problems.isEmpty()) {
      out.println(path + ": valid");
      return ExitCodes.OK;
    }
    var err = spec.commandLine().getErr();
    problems.forEach(p -> err.println(p.field() + ": " + p.message()));
    err.println(path + ": " + problems.size() + " problem(s)");
    return ExitCodes.FAILURE;
  }
}
