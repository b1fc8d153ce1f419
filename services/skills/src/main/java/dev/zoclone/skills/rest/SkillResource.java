package dev.zoclone.skills.rest;

import dev.zoclone.contract.skills.InstalledSkill;
import dev.zoclone.contract.skills.SkillDetail;
import dev.zoclone.contract.skills.SkillSummary;
import dev.zoclone.contract.skills.SkillValidationResult;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.skills.service.SkillCatalog;
import dev.zoclone.skills.service.SkillCatalog.Resolved;
import dev.zoclone.skills.service.SkillContents;
import dev.zoclone.skills.service.SkillInstaller;
import dev.zoclone.skills.service.SkillInstaller.Installed;
import dev.zoclone.skills.service.SkillRemover;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The skills registry: list, read, install, validate, delete, download. */
@Path("/api/v1/skills")
@Tag(name = "Skills", description = "Agent Skills registry")
@APIResponse(responseCode = "401", description = "Not called through the gateway")
@Produces(MediaType.APPLICATION_JSON)
public class SkillResource {
  /** The header naming the version of a downloaded archive. */
  public static final String VERSION_HEADER = "X-Zo-Skill-Version";

  private final SkillCatalog catalog;
  private final SkillInstaller installer;
  private final SkillRemover remover;
  private final SkillContents contents;
  private final CurrentCaller caller;

  public SkillResource(
      SkillCatalog catalog,
      SkillInstaller installer,
      SkillRemover remover,
      SkillContents contents,
      CurrentCaller caller) {
    this.catalog = catalog;
    this.installer = installer;
    this.remover = remover;
    this.contents = contents;
    this.caller = caller;
  }

  @GET
  @Operation(
      summary = "List the skills the caller can use",
      description =
          "The caller's own skills and the shared ones (repository, $ZO_HOME/skills, admin"
              + " uploads); the caller's skill of a name shadows a shared one.")
  public List<SkillSummary> list() {
    return catalog.list(caller.userId());
  }

  @GET
  @Path("/{name}")
  @Operation(summary = "Read a skill: frontmatter, body, files and versions")
  @APIResponse(responseCode = "404", description = "No such skill or version for the caller")
  public SkillDetail show(@PathParam("name") String name, @QueryParam("version") String version) {
    return catalog.detail(caller.userId(), name, version);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Install a skill",
      description =
          "The raw body is a .zip or .tar.gz of one skill folder (told apart by magic bytes)."
              + " Every install is an immutable version named by the SHA-256 of its files;"
              + " older versions are kept. ?shared=true (admins only) installs it for everyone.")
  @APIResponse(responseCode = "201", description = "Installed as a new version")
  @APIResponse(responseCode = "200", description = "This version was already installed")
  @APIResponse(responseCode = "400", description = "Every problem found in the skill or archive")
  @APIResponse(responseCode = "403", description = "?shared=true from a caller who is no admin")
  public RestResponse<InstalledSkill> install(
      @QueryParam("shared") boolean shared, byte[] archive) {
    if (shared && !caller.admin()) {
      throw new ProblemException(
          403, "forbidden", "Forbidden", "only an admin installs shared skills");
    }
    Installed installed = installer.upload(caller.userId(), shared, body(archive));
    return installed.created()
        ? RestResponse.status(RestResponse.Status.CREATED, installed.skill())
        : RestResponse.ok(installed.skill());
  }

  @POST
  @Path("/validate")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Validate a skill without installing it",
      description = "Same body as an install; answers every problem, not the first.")
  public SkillValidationResult validate(byte[] archive) {
    return installer.validate(body(archive));
  }

  @DELETE
  @Path("/{name}")
  @Operation(
      summary = "Delete a skill (all its versions)",
      description =
          "Removes the caller's own skill; with ?shared=true (admins only) the shared upload.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "403", description = "A shared skill, and the caller is no admin")
  @APIResponse(responseCode = "404", description = "No such skill for the caller")
  @APIResponse(responseCode = "409", description = "A folder skill: remove its folder instead")
  public RestResponse<Void> delete(
      @PathParam("name") String name, @QueryParam("shared") boolean shared) {
    remover.remove(caller.userId(), caller.admin(), name, shared);
    return RestResponse.noContent();
  }

  @GET
  @Path("/{name}/archive")
  @Produces({"application/gzip", "application/problem+json"})
  @Operation(
      summary = "Download a version as .tar.gz",
      description =
          "The skill folder at the archive's root; header X-Zo-Skill-Version names the version"
              + " (the current one when ?version is absent).")
  @APIResponse(responseCode = "404", description = "No such skill or version for the caller")
  public Response archive(@PathParam("name") String name, @QueryParam("version") String version) {
    Resolved skill = catalog.resolve(caller.userId(), name, version);
    return Response.ok(new ByteArrayInputStream(contents.archive(skill.row().hash())))
        .type("application/gzip")
        .header(VERSION_HEADER, skill.row().hash())
        .build();
  }

  @GET
  @Path("/{name}/files")
  @Produces({MediaType.APPLICATION_OCTET_STREAM, "application/problem+json"})
  @Operation(summary = "Read one file of a skill (?path=references/x.md)")
  @APIResponse(responseCode = "400", description = "No path given")
  @APIResponse(responseCode = "404", description = "No such skill, version or file")
  public Response file(
      @PathParam("name") String name,
      @QueryParam("path") String path,
      @QueryParam("version") String version) {
    if (path == null || path.isBlank()) {
      throw ProblemException.badRequest("path", "is required");
    }
    Resolved skill = catalog.resolve(caller.userId(), name, version);
    byte[] content =
        contents
            .files(skill.row().hash())
            .file(path.replaceFirst("^/+", ""))
            .orElseThrow(() -> ProblemException.notFound("file " + path + " of skill " + name));
    return Response.ok(new ByteArrayInputStream(content))
        .type(MediaType.APPLICATION_OCTET_STREAM)
        .header(VERSION_HEADER, skill.row().hash())
        .build();
  }

  private static byte[] body(byte[] archive) {
    if (archive == null || archive.length == 0) {
      throw ProblemException.badRequest("body", "send a .zip or .tar.gz of one skill folder");
    }
    return archive;
  }
}
