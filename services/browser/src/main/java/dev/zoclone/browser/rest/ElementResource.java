package dev.zoclone.browser.rest;

import dev.zoclone.browser.service.ElementOperations;
import dev.zoclone.contract.browser.BrowserApi;
import dev.zoclone.contract.browser.DragRequest;
import dev.zoclone.contract.browser.ElementRequest;
import dev.zoclone.contract.browser.FillRequest;
import dev.zoclone.contract.browser.PageInfo;
import dev.zoclone.contract.browser.UploadRequest;
import dev.zoclone.contract.browser.WaitForRequest;
import dev.zoclone.platform.identity.CurrentCaller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations on one element of a session's active tab, by selector or snapshot ref. */
@Path(BrowserApi.SESSION)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Browser elements", description = "Click, type, fill, select, upload, wait")
@APIResponse(
    responseCode = "400",
    description = "Neither or both of selector and ref, or a bad field")
@APIResponse(
    responseCode = "404",
    description = "No such session, or no element matches (element-not-found names it)")
@APIResponse(responseCode = "410", description = "The session's browser was lost (session-lost)")
@APIResponse(responseCode = "504", description = "The element stayed busy past the timeout")
public class ElementResource {
  private final ElementOperations elements;
  private final CurrentCaller caller;

  public ElementResource(ElementOperations elements, CurrentCaller caller) {
    this.elements = elements;
    this.caller = caller;
  }

  @POST
  @Path("click")
  @Operation(summary = "Click an element")
  public PageInfo click(@PathParam("id") String id, ElementRequest request) {
    return elements.act(caller.userId(), id, "click", request);
  }

  @POST
  @Path("dblclick")
  @Operation(summary = "Double-click an element")
  public PageInfo dblclick(@PathParam("id") String id, ElementRequest request) {
    return elements.act(caller.userId(), id, "dblclick", request);
  }

  @POST
  @Path("hover")
  @Operation(summary = "Hover over an element")
  public PageInfo hover(@PathParam("id") String id, ElementRequest request) {
    return elements.act(caller.userId(), id, "hover", request);
  }

  @POST
  @Path("check")
  @Operation(summary = "Check a checkbox or radio button")
  public PageInfo check(@PathParam("id") String id, ElementRequest request) {
    return elements.act(caller.userId(), id, "check", request);
  }

  @POST
  @Path("uncheck")
  @Operation(summary = "Uncheck a checkbox")
  public PageInfo uncheck(@PathParam("id") String id, ElementRequest request) {
    return elements.act(caller.userId(), id, "uncheck", request);
  }

  @POST
  @Path("drag")
  @Operation(summary = "Drag one element onto another")
  public PageInfo drag(@PathParam("id") String id, DragRequest request) {
    return elements.drag(caller.userId(), id, request);
  }

  @POST
  @Path("type")
  @Operation(summary = "Type text key by key into an element (submit: press Enter after)")
  public PageInfo type(@PathParam("id") String id, ElementRequest request) {
    return elements.type(caller.userId(), id, request);
  }

  @POST
  @Path("press")
  @Operation(summary = "Press a key on an element, or on the focused one")
  public PageInfo press(@PathParam("id") String id, ElementRequest request) {
    return elements.press(caller.userId(), id, request);
  }

  @POST
  @Path("fill")
  @Operation(summary = "Fill several form fields at once")
  public PageInfo fill(@PathParam("id") String id, FillRequest request) {
    return elements.fill(caller.userId(), id, request);
  }

  @POST
  @Path("select")
  @Operation(summary = "Select options of a select element by value or label")
  public PageInfo select(@PathParam("id") String id, ElementRequest request) {
    return elements.select(caller.userId(), id, request);
  }

  @POST
  @Path("upload")
  @Operation(summary = "Set files on a file input")
  @APIResponse(responseCode = "413", description = "The files are over the upload limit")
  public PageInfo upload(@PathParam("id") String id, UploadRequest request) {
    return elements.upload(caller.userId(), id, request);
  }

  @POST
  @Path("wait_for")
  @Operation(summary = "Wait for a selector or a text to appear, or a text to go")
  public PageInfo waitFor(@PathParam("id") String id, WaitForRequest request) {
    return elements.waitFor(caller.userId(), id, request);
  }
}
