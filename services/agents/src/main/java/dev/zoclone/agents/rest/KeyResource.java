package dev.zoclone.agents.rest;

import dev.zoclone.agents.keys.KeyService;
import dev.zoclone.agents.keys.KeyTester;
import dev.zoclone.contract.agents.KeyList;
import dev.zoclone.contract.agents.KeyRequest;
import dev.zoclone.contract.agents.KeyTestResult;
import dev.zoclone.contract.agents.KeyView;
import dev.zoclone.platform.identity.CurrentCaller;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The caller's provider keys (BYOK): stored encrypted, listed masked. */
@Path("/api/v1/keys")
public class KeyResource {
  private final KeyService keys;
  private final KeyTester tester;
  private final CurrentCaller caller;

  public KeyResource(KeyService keys, KeyTester tester, CurrentCaller caller) {
    this.keys = keys;
    this.tester = tester;
    this.caller = caller;
  }

  @PUT
  @Path("{name}")
  public KeyView put(@PathParam("name") String name, KeyRequest request) {
    return keys.put(caller.userId(), name, request);
  }

  @GET
  public KeyList list() {
    return new KeyList(keys.list(caller.userId()));
  }

  @DELETE
  @Path("{name}")
  public void delete(@PathParam("name") String name) {
    keys.delete(caller.userId(), name);
  }

  @POST
  @Path("{name}/test")
  public KeyTestResult test(@PathParam("name") String name) {
    return tester.test(caller.userId(), name);
  }
}
