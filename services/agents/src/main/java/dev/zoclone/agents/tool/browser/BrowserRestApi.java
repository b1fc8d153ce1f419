package dev.zoclone.agents.tool.browser;

import dev.zoclone.contract.ZoHeaders;
import dev.zoclone.contract.browser.BrowserApi;
import dev.zoclone.contract.browser.ContentRequest;
import dev.zoclone.contract.browser.ElementRequest;
import dev.zoclone.contract.browser.FillRequest;
import dev.zoclone.contract.browser.NavigateRequest;
import dev.zoclone.contract.browser.NewSession;
import dev.zoclone.contract.browser.PageContent;
import dev.zoclone.contract.browser.PageInfo;
import dev.zoclone.contract.browser.ScreenshotRequest;
import dev.zoclone.contract.browser.SessionView;
import dev.zoclone.contract.browser.TabList;
import dev.zoclone.contract.browser.TabRequest;
import dev.zoclone.contract.browser.WaitForRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The browser service's routes; used only by {@link BrowserClient}. */
@RegisterRestClient(configKey = "browser")
interface BrowserRestApi {
  String SECRET = ZoHeaders.INTERNAL_SECRET;
  String USER = ZoHeaders.USER;

  @POST
  @Path(BrowserApi.SESSIONS)
  SessionView open(@HeaderParam(SECRET) String s, @HeaderParam(USER) String u, NewSession body);

  @DELETE
  @Path(BrowserApi.SESSION)
  void close(
      @HeaderParam(SECRET) String s, @HeaderParam(USER) String u, @PathParam("id") String id);

  @POST
  @Path(BrowserApi.SESSION + "/navigate")
  PageInfo navigate(
      @HeaderParam(SECRET) String s,
      @HeaderParam(USER) String u,
      @PathParam("id") String id,
      NavigateRequest body);

  @POST
  @Path(BrowserApi.SESSION + "/content")
  PageContent content(
      @HeaderParam(SECRET) String s,
      @HeaderParam(USER) String u,
      @PathParam("id") String id,
      ContentRequest body);

  @POST
  @Path(BrowserApi.SESSION + "/{op}")
  PageInfo element(
      @HeaderParam(SECRET) String s,
      @HeaderParam(USER) String u,
      @PathParam("id") String id,
      @PathParam("op") String op,
      ElementRequest body);

  @POST
  @Path(BrowserApi.SESSION + "/fill")
  PageInfo fill(
      @HeaderParam(SECRET) String s,
      @HeaderParam(USER) String u,
      @PathParam("id") String id,
      FillRequest body);

  @POST
  @Path(BrowserApi.SESSION + "/wait_for")
  PageInfo waitFor(
      @HeaderParam(SECRET) String s,
      @HeaderParam(USER) String u,
      @PathParam("id") String id,
      WaitForRequest body);

  @POST
  @Path(BrowserApi.SESSION + "/screenshot")
  @Produces({"image/png", "application/problem+json"})
  byte[] screenshot(
      @HeaderParam(SECRET) String s,
      @HeaderParam(USER) String u,
      @PathParam("id") String id,
      ScreenshotRequest body);

  @POST
  @Path(BrowserApi.SESSION + "/tabs")
  TabList tabs(
      @HeaderParam(SECRET) String s,
      @HeaderParam(USER) String u,
      @PathParam("id") String id,
      TabRequest body);
}
