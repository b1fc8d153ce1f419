package dev.zoclone.skills.service;

import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.skills.repository.SkillRepository;
import dev.zoclone.skills.repository.SkillRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Deletes skills: a user's own upload (all versions) by that user; a shared upload only by an
 * admin; a folder skill never through the API (it leaves when its folder does).
 */
@ApplicationScoped
public class SkillRemover {
  private final SkillRepository repository;

  public SkillRemover(SkillRepository repository) {
    this.repository = repository;
  }

  /** Removes the caller's own skill {@code name}, or with {@code shared} the shared upload. */
  public void remove(String owner, boolean admin, String name, boolean shared) {
    List<SkillRow> rows = repository.named(owner, name);
    if (!shared) {
      Optional<SkillRow> own = rows.stream().filter(row -> row.owner().equals(owner)).findFirst();
      if (own.isPresent()) {
        repository.delete(own.get().id());
        return;
      }
    }
    List<SkillRow> sharedRows = rows.stream().filter(SkillRow::shared).toList();
    if (sharedRows.isEmpty()) {
      throw ProblemException.notFound("skill " + name);
    }
    if (!admin) {
      throw new ProblemException(
          403,
          "forbidden",
          "Forbidden",
          "shared skill " + name + " can be removed only by an admin");
    }
    Optional<SkillRow> upload =
        sharedRows.stream().filter(row -> row.source().equals(SkillSource.UPLOAD.id())).findFirst();
    if (upload.isEmpty()) {
      throw ProblemException.conflict(
          "folder-skill",
          "skill "
              + name
              + " comes from the "
              + sharedRows.get(0).source()
              + " folder; remove its folder instead");
    }
    repository.delete(upload.get().id());
  }
}
