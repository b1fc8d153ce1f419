package dev.zoclone.browser.rest;

import dev.zoclone.browser.service.PageOperations;
import dev.zoclone.contract.browser.BrowserApi;
import dev.zoclone.contract.browser.ContentRequest;
import dev.zoclone.contract.browser.EvaluateRequest;
import dev.zoclone.contract.browser.EvaluateResult;
import dev.zoclone.contract.browser.NavigateRequest;
import dev.zoclone.contract.browser.PageContent;
import dev.zoclone.contract.browser.PageInfo;
import dev.zoclone.contract.browser.ScreenshotRequest;
import dev.zoclone.platform.identity.CurrentCaller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations on a session's active tab as a whole. */
@Path(BrowserApi.SESSION)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Browser pages", description = "Navigation, content, screenshots, PDF, evaluate")
@APIResponse(responseCode = "404", description = "No such session of the caller")
@APIResponse(responseCode = "410", description = "The session's browser was lost (session-lost)")
@APIResponse(responseCode = "504", description = "The operation timed out")
public class PageResource {
  private final PageOperations pages;
  private final CurrentCaller caller;

  public PageResource(PageOperations pages, CurrentCaller caller) {
    this.pages = pages;
    this.caller = caller;
  }

  @POST
  @Path("navigate")
  @Operation(summary = "Go to a URL; every request the page makes passes the URL policy")
  @APIResponse(responseCode = "403", description = "The URL policy refused it (egress-refused)")
  public PageInfo navigate(@PathParam("id") String id, NavigateRequest request) {
    return pages.navigate(caller.userId(), id, request);
  }

  @POST
  @Path("back")
  @Operation(summary = "Go back in the tab's history")
  public PageInfo back(@PathParam("id") String id) {
    return pages.back(caller.userId(), id);
  }

  @POST
  @Path("forward")
  @Operation(summary = "Go forward in the tab's history")
  public PageInfo forward(@PathParam("id") String id) {
    return pages.forward(caller.userId(), id);
  }

  @POST
  @Path("reload")
  @Operation(summary = "Reload the tab")
  public PageInfo reload(@PathParam("id") String id) {
    return pages.reload(caller.userId(), id);
  }

  @POST
  @Path("content")
  @Operation(
      summary = "The tab's content as text, html, markdown or an aria snapshot with refs",
      description = "Snapshot refs ([ref=e12]) are accepted by every element operation as `ref`.")
  public PageContent content(@PathParam("id") String id, ContentRequest request) {
    return pages.content(caller.userId(), id, request);
  }

  @POST
  @Path("evaluate")
  @Operation(summary = "Evaluate a JavaScript expression in the tab; answers its JSON value")
  @APIResponse(responseCode = "422", description = "The expression threw")
  public EvaluateResult evaluate(@PathParam("id") String id, EvaluateRequest request) {
    return pages.evaluate(caller.userId(), id, request == null ? null : request.expression());
  }

  @POST
  @Path("screenshot")
  @Produces({"image/png", "image/jpeg", "application/problem+json"})
  @Operation(summary = "A screenshot of the tab, its full page, or one element")
  public Response screenshot(@PathParam("id") String id, ScreenshotRequest request) {
    byte[] image = pages.screenshot(caller.userId(), id, request);
    boolean jpeg = request != null && "jpeg".equalsIgnoreCase(request.format());
    return Response.ok(image, jpeg ? "image/jpeg" : "image/png").build();
  }

  @POST
  @Path("pdf")
  @Produces({"application/pdf", "application/problem+json"})
  @Operation(summary = "The tab printed as PDF")
  public Response pdf(@PathParam("id") String id) {
    return Response.ok(pages.pdf(caller.userId(), id), "application/pdf").build();
  }
}
