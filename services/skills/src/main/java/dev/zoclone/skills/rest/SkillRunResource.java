package dev.zoclone.skills.rest;

import dev.zoclone.contract.skills.SkillRunList;
import dev.zoclone.contract.skills.SkillRunRequest;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.skillkit.SkillRunResult;
import dev.zoclone.skills.repository.RunRepository;
import dev.zoclone.skills.service.SkillRunService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs of skill scripts: start one, list the caller's. */
@Path("/api/v1/skills")
@Tag(name = "Skills")
@APIResponse(responseCode = "401", description = "Not called through the gateway")
@Produces(MediaType.APPLICATION_JSON)
public class SkillRunResource {
  private final SkillRunService service;
  private final RunRepository runs;
  private final CurrentCaller caller;

  public SkillRunResource(SkillRunService service, RunRepository runs, CurrentCaller caller) {
    this.service = service;
    this.runs = runs;
    this.caller = caller;
  }

  @POST
  @Path("/{name}/run")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Run a script of a skill in the sandbox",
      description =
          "Runs one script (the only one under scripts/ unless `script` names it; .py python3,"
              + " .sh bash, .js/.mjs node, .java single-file java) with `input` as JSON on stdin,"
              + " in a bubblewrap sandbox: read-only system, a fresh copy of the skill folder,"
              + " no network unless allowed, wall time (default 30 s, at most 300 s), CPU, memory,"
              + " process and file limits, stdout and stderr capped at 1 MB each. `output` is"
              + " stdout parsed as JSON when it is JSON, else its text.")
  @APIResponse(responseCode = "200", description = "The run ended (any exit code)")
  @APIResponse(responseCode = "400", description = "Bad timeout_ms or args; no such script")
  @APIResponse(responseCode = "404", description = "No such skill or version for the caller")
  @APIResponse(responseCode = "409", description = "A requirement of the skill is missing here")
  @APIResponse(responseCode = "429", description = "Too many runs of the caller at once")
  @APIResponse(responseCode = "503", description = "The sandbox cannot run on this host")
  public SkillRunResult run(@PathParam("name") String name, SkillRunRequest body) {
    return service.run(caller.userId(), name, body, null);
  }

  @GET
  @Path("/runs")
  @Operation(summary = "The caller's newest runs, of one skill with ?skill=")
  @APIResponse(responseCode = "400", description = "limit outside 1-500")
  public SkillRunList list(@QueryParam("skill") String skill, @QueryParam("limit") Integer limit) {
    int size = limit == null ? 50 : limit;
    if (size < 1 || size > 500) {
      throw ProblemException.badRequest("limit", "must be between 1 and 500");
    }
    return new SkillRunList(runs.list(caller.userId(), skill, size));
  }
}
