package dev.zoclone.skills.service;

import dev.zoclone.contract.Problem;
import dev.zoclone.contract.skills.InstalledSkill;
import dev.zoclone.contract.skills.SkillValidationResult;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.platform.quota.OwnerQuotas;
import dev.zoclone.skillkit.InvalidSkillException;
import dev.zoclone.skillkit.SkillArchives;
import dev.zoclone.skillkit.SkillFiles;
import dev.zoclone.skillkit.SkillHash;
import dev.zoclone.skillkit.SkillValidation;
import dev.zoclone.skillkit.SkillValidator;
import dev.zoclone.skills.repository.SkillRepository;
import dev.zoclone.skills.repository.SkillRow;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Validates skills and installs them as immutable versions, from uploads and from folders. */
@ApplicationScoped
public class SkillInstaller {
  private final SkillRepository repository;
  private final ManifestJson json;
  private final OwnerQuotas quotas;
  private final long maxSkills;

  public SkillInstaller(
      SkillRepository repository,
      ManifestJson json,
      OwnerQuotas quotas,
      @ConfigProperty(name = "zo.quota.skills") long maxSkills) {
    this.repository = repository;
    this.json = json;
    this.quotas = quotas;
    this.maxSkills = maxSkills;
  }

  /** An install and whether its version is new. */
  public record Installed(InstalledSkill skill, boolean created) {}

  /** Validates an uploaded archive: every problem, never an exception for a bad skill. */
  public SkillValidationResult validate(byte[] archive) {
    try {
      SkillValidation validation = SkillValidator.validate(read(archive));
      return new SkillValidationResult(
          validation.valid(),
          ManifestJson.fieldErrors(validation.problems()),
          ManifestJson.fieldErrors(validation.warnings()));
    } catch (InvalidSkillException e) {
      return new SkillValidationResult(false, ManifestJson.fieldErrors(e.problems()), List.of());
    }
  }

  /** Installs an uploaded archive for {@code owner}, or for everyone when {@code shared}. */
  @Transactional
  public Installed upload(String owner, boolean shared, byte[] archive) {
    SkillFiles files;
    try {
      files = read(archive);
    } catch (InvalidSkillException e) {
      throw invalid(e.problems());
    }
    SkillValidation validation = SkillValidator.validate(files);
    if (!validation.valid()) {
      throw invalid(validation.problems());
    }
    String scope = shared ? SkillRow.SHARED : owner;
    String name = validation.manifest().name();
    if (!shared && !repository.owns(owner, SkillSource.UPLOAD.id(), name)) {
      quotas.requireRoom("skills", owner, maxSkills, () -> repository.countOwned(owner));
    }
    return install(scope, SkillSource.UPLOAD.id(), files, validation);
  }

  /** Installs a skill read from a folder source (shared); answers its version. */
  @Transactional
  public String installFolder(SkillSource source, SkillFiles files) {
    SkillValidation validation = SkillValidator.validate(files);
    if (!validation.valid()) {
      throw new InvalidSkillException(validation.problems());
    }
    return install(SkillRow.SHARED, source.id(), files, validation).skill().version();
  }

  private Installed install(
      String owner, String source, SkillFiles files, SkillValidation validation) {
    String name = validation.manifest().name();
    String hash = SkillHash.of(files);
    if (!repository.hasContent(hash)) {
      try {
        repository.saveContent(
            hash, SkillArchives.packTarGz(files, name), files.files().size(), files.totalBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    boolean created =
        repository.install(
            owner,
            source,
            name,
            hash,
            json.write(validation.manifest()),
            json.writeProblems(validation.warnings()));
    Log.infof("installed skill %s version %s (%s, owner %s)", name, hash, source, owner);
    return new Installed(
        new InstalledSkill(
            name,
            hash,
            SkillRow.SHARED.equals(owner),
            ManifestJson.fieldErrors(validation.warnings())),
        created);
  }

  private static SkillFiles read(byte[] archive) {
    try {
      return SkillArchives.read(archive);
    } catch (IOException e) {
      throw new InvalidSkillException("archive", "unreadable: " + e.getMessage());
    }
  }

  private static ProblemException invalid(List<dev.zoclone.skillkit.SkillProblem> problems) {
    List<Problem.FieldError> errors = ManifestJson.fieldErrors(problems);
    return new ProblemException(
        400,
        "invalid-skill",
        "Invalid skill",
        errors.size() + " problem(s): " + new InvalidSkillException(problems).getMessage(),
        errors);
  }
}
