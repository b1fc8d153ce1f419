package dev.zoclone.browser.rest;

import dev.zoclone.browser.service.BrowserSession;
import dev.zoclone.browser.service.SessionRegistry;
import dev.zoclone.browser.service.SessionRunner;
import dev.zoclone.contract.browser.BrowserApi;
import dev.zoclone.contract.browser.NewSession;
import dev.zoclone.contract.browser.SessionList;
import dev.zoclone.contract.browser.SessionView;
import dev.zoclone.platform.identity.CurrentCaller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's browser sessions: open, list, look at, close. */
@Path(BrowserApi.SESSIONS)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Browser sessions", description = "Headless Chromium sessions (one context each)")
@APIResponse(responseCode = "401", description = "Not called through the gateway")
public class SessionResource {
  private final SessionRegistry registry;
  private final SessionRunner runner;
  private final CurrentCaller caller;

  public SessionResource(SessionRegistry registry, SessionRunner runner, CurrentCaller caller) {
    this.registry = registry;
    this.runner = runner;
    this.caller = caller;
  }

  @POST
  @Operation(
      summary = "Open a session",
      description = "A named session gets back the cookies and storage it had when last closed.")
  @APIResponse(responseCode = "201", description = "The new session")
  @APIResponse(responseCode = "400", description = "A bad option, named in the problem")
  @APIResponse(responseCode = "409", description = "A session of that name is already open")
  @APIResponse(
      responseCode = "429",
      description = "A session limit is reached (named in the problem)")
  public Response open(NewSession request) {
    BrowserSession session = registry.open(caller.userId(), request);
    return Response.status(201).entity(SessionRegistry.view(session, "about:blank")).build();
  }

  @GET
  @Operation(summary = "The caller's live sessions")
  public SessionList list() {
    return new SessionList(
        registry.list(caller.userId()).stream().map(s -> SessionRegistry.view(s, null)).toList());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One session: its active tab's URL, tabs, and whether it was lost")
  @APIResponse(responseCode = "404", description = "No such session of the caller")
  public SessionView get(@PathParam("id") String id) {
    return runner.describe(caller.userId(), id);
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Close a session (a named one saves its cookies and storage first)")
  @APIResponse(responseCode = "204", description = "Closed")
  @APIResponse(responseCode = "404", description = "No such session of the caller")
  public Response close(@PathParam("id") String id) {
    registry.close(runner.session(caller.userId(), id));
    return Response.noContent().build();
  }
}
