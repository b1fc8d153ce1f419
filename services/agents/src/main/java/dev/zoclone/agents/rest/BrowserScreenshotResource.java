package dev.zoclone.agents.rest;

import dev.zoclone.agents.tool.browser.BrowserScreenshots;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Screenshots that the model's browser_screenshot tool took for the caller. */
@Path(BrowserScreenshots.PATH)
@Tag(name = "Agents", description = "Agent runs and what their tools produced")
public class BrowserScreenshotResource {
  private final BrowserScreenshots screenshots;
  private final CurrentCaller caller;

  public BrowserScreenshotResource(BrowserScreenshots screenshots, CurrentCaller caller) {
    this.screenshots = screenshots;
    this.caller = caller;
  }

  @GET
  @Produces({"image/png", "application/problem+json"})
  @Operation(summary = "A PNG the browser_screenshot tool took in one of the caller's asks")
  @APIResponse(responseCode = "200", description = "The PNG")
  @APIResponse(responseCode = "404", description = "Not the caller's, or no longer kept")
  public Response get(@PathParam("id") String id) {
    byte[] png =
        screenshots
            .find(caller.userId(), id)
            .orElseThrow(() -> ProblemException.notFound("screenshot " + id));
    return Response.ok(png, "image/png").build();
  }
}
