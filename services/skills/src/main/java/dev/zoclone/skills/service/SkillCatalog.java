package dev.zoclone.skills.service;

import dev.zoclone.contract.skills.SkillDetail;
import dev.zoclone.contract.skills.SkillSummary;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.skillkit.SkillManifest;
import dev.zoclone.skillkit.SkillRequirements;
import dev.zoclone.skills.repository.SkillRepository;
import dev.zoclone.skills.repository.SkillRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a caller sees of the registry: its own skills and the shared ones, where its own skill of a
 * name shadows a shared one (and among shared ones, home before admin uploads before repo).
 */
@ApplicationScoped
public class SkillCatalog {
  private static final Comparator<SkillRow> PRECEDENCE =
      Comparator.comparing(SkillRow::shared)
          .thenComparing(row -> SkillSource.sharedRank(row.source()));

  private final SkillRepository repository;
  private final SkillContents contents;
  private final ManifestJson json;

  public SkillCatalog(SkillRepository repository, SkillContents contents, ManifestJson json) {
    this.repository = repository;
    this.contents = contents;
    this.json = json;
  }

  /** A skill as resolved for a caller: its row (one version) and manifest. */
  public record Resolved(SkillRow row, SkillManifest manifest) {
    /** Why the skill cannot run on this host, if it cannot. */
    public Optional<String> unavailableReason() {
      return SkillRequirements.missing(manifest.metadata("requires"));
    }
  }

  /** The skills {@code owner} can see, one per name, by name. */
  public List<SkillSummary> list(String owner) {
    Map<String, SkillRow> winners = new LinkedHashMap<>();
    for (SkillRow row : repository.visibleTo(owner)) {
      winners.merge(row.name(), row, (a, b) -> PRECEDENCE.compare(a, b) <= 0 ? a : b);
    }
    return winners.values().stream().map(row -> summary(resolved(row))).toList();
  }

  /** The skill {@code name} as {@code owner} sees it, at {@code version} (null: current). */
  public Resolved resolve(String owner, String name, String version) {
    SkillRow current =
        repository.named(owner, name).stream()
            .min(PRECEDENCE)
            .orElseThrow(() -> ProblemException.notFound("skill " + name));
    if (version == null || version.isBlank() || version.equals(current.hash())) {
      return resolved(current);
    }
    return repository.versions(current.id()).stream()
        .filter(row -> row.hash().equals(version))
        .findFirst()
        .map(this::resolved)
        .orElseThrow(() -> ProblemException.notFound("version " + version + " of skill " + name));
  }

  /** The frontmatter, body, files and versions of a skill. */
  public SkillDetail detail(String owner, String name, String version) {
    Resolved skill = resolve(owner, name, version);
    SkillManifest manifest = skill.manifest();
    List<SkillDetail.FileEntry> files =
        contents.files(skill.row().hash()).files().entrySet().stream()
            .map(file -> new SkillDetail.FileEntry(file.getKey(), file.getValue().length))
            .toList();
    List<SkillDetail.VersionEntry> versions =
        repository.versions(skill.row().id()).stream()
            .map(
                row ->
                    new SkillDetail.VersionEntry(
                        row.hash(),
                        json.manifest(row.manifestJson()).metadata("version"),
                        row.installedAt()))
            .toList();
    Optional<String> reason = skill.unavailableReason();
    return new SkillDetail(
        manifest.name(),
        manifest.description(),
        skill.row().hash(),
        manifest.metadata("version"),
        manifest.license(),
        manifest.compatibility(),
        manifest.allowedTools(),
        manifest.metadata(),
        manifest.triggers(),
        manifest.body(),
        files,
        versions,
        skill.row().source(),
        skill.row().shared(),
        reason.isEmpty(),
        reason.orElse(null),
        json.warnings(skill.row().warningsJson()));
  }

  private Resolved resolved(SkillRow row) {
    return new Resolved(row, json.manifest(row.manifestJson()));
  }

  private static SkillSummary summary(Resolved skill) {
    SkillManifest manifest = skill.manifest();
    Optional<String> reason = skill.unavailableReason();
    return new SkillSummary(
        manifest.name(),
        manifest.description(),
        skill.row().hash(),
        manifest.metadata("version"),
        manifest.metadata(),
        skill.row().source(),
        skill.row().shared(),
        reason.isEmpty(),
        reason.orElse(null),
        manifest.triggers());
  }
}
