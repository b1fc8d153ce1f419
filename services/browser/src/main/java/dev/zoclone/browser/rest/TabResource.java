package dev.zoclone.browser.rest;

import dev.zoclone.browser.service.TabOperations;
import dev.zoclone.contract.browser.BrowserApi;
import dev.zoclone.contract.browser.ConsoleMessages;
import dev.zoclone.contract.browser.DialogRequest;
import dev.zoclone.contract.browser.Dialogs;
import dev.zoclone.contract.browser.Downloads;
import dev.zoclone.contract.browser.NetworkRequests;
import dev.zoclone.contract.browser.TabList;
import dev.zoclone.contract.browser.TabRequest;
import dev.zoclone.platform.identity.CurrentCaller;
import jakarta.ws.rs.Consumes;
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

/** Tabs, dialogs, console, network and downloads of a session. */
@Path(BrowserApi.SESSION)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Browser tabs", description = "Tabs, dialogs, console, network, downloads")
@APIResponse(responseCode = "404", description = "No such session of the caller")
@APIResponse(responseCode = "410", description = "The session's browser was lost (session-lost)")
public class TabResource {
  private final TabOperations tabs;
  private final CurrentCaller caller;

  public TabResource(TabOperations tabs, CurrentCaller caller) {
    this.tabs = tabs;
    this.caller = caller;
  }

  @POST
  @Path("tabs")
  @Operation(summary = "List, open, select or close tabs; popups are tabs too")
  @APIResponse(responseCode = "429", description = "The session has its maximum of tabs")
  public TabList tabs(@PathParam("id") String id, TabRequest request) {
    return tabs.tabs(caller.userId(), id, request);
  }

  @POST
  @Path("dialogs")
  @Operation(
      summary = "Set how later dialogs are answered; answers the dialogs seen since the last call",
      description = "Dialogs are dismissed until a call sets accept (and prompt_text for prompts).")
  public Dialogs dialogs(@PathParam("id") String id, DialogRequest request) {
    return tabs.dialogs(caller.userId(), id, request);
  }

  @GET
  @Path("console")
  @Operation(summary = "Console messages and page errors since the last call")
  public ConsoleMessages console(@PathParam("id") String id) {
    return tabs.console(caller.userId(), id);
  }

  @GET
  @Path("network")
  @Operation(summary = "Requests made since the last call, with status or failure")
  public NetworkRequests network(@PathParam("id") String id) {
    return tabs.network(caller.userId(), id);
  }

  @GET
  @Path("downloads")
  @Operation(summary = "The session's downloads")
  public Downloads downloads(@PathParam("id") String id) {
    return tabs.downloads(caller.userId(), id);
  }

  @GET
  @Path("downloads/{download}")
  @Produces({MediaType.APPLICATION_OCTET_STREAM, "application/problem+json"})
  @Operation(summary = "The bytes of a complete download")
  @APIResponse(responseCode = "409", description = "The download failed or was over the size cap")
  public Response download(@PathParam("id") String id, @PathParam("download") String download) {
    TabOperations.DownloadedFile file = tabs.download(caller.userId(), id, download);
    String name = file.fileName().replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
    return Response.ok(file.bytes(), MediaType.APPLICATION_OCTET_STREAM)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }
}
