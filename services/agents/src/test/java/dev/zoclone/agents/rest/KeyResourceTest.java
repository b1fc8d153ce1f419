package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.zoclone.agents.keys.KeyBinding;
import dev.zoclone.agents.keys.KeyCipher;
import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class KeyResourceTest {
  static final FakeOpenAiServer MODEL = new FakeOpenAiServer();
  static final String SECRET = "sk-test-0123456789abcdef";

  @Inject AgroalDataSource dataSource;
  @Inject KeyCipher cipher;
  @Inject KeyBinding binding;

  @AfterAll
  static void stop() {
    MODEL.close();
  }

  @Test
  void listingShowsTheKeyMaskedAndNeverTheKey() {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", SECRET, "gpt-4o-mini");

    String body =
        as(user)
            .get("/api/v1/keys")
            .then()
            .statusCode(200)
            .body("keys[0].name", is("openai"))
            .body("keys[0].provider", is("openai"))
            .body("keys[0].masked", is("sk-...cdef"))
            .extract()
            .asString();

    assertThat(body).doesNotContain(SECRET);
  }

  @Test
  void theDatabaseHoldsOnlyCiphertextWithADistinctNoncePerKey() throws Exception {
    String user = newUser();
    openAiKey(user, "one", MODEL.baseUrl() + "/v1", SECRET, "m");
    openAiKey(user, "two", MODEL.baseUrl() + "/v1", SECRET, "m");

    List<byte[]> nonces = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT * FROM agents.provider_key WHERE owner = ?")) {
      q.setString(1, user);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            Object value = rs.getObject(i);
            String text =
                value instanceof byte[] bytes
                    ? new String(bytes, StandardCharsets.ISO_8859_1)
                    : String.valueOf(value);
            assertThat(text).doesNotContain(SECRET).doesNotContain("0123456789abcdef");
          }
          assertThat(rs.getBytes("ciphertext")).isNotEmpty();
          assertThat(rs.getBytes("nonce")).hasSize(12);
          nonces.add(rs.getBytes("nonce"));
        }
      }
    }
    assertThat(nonces).hasSize(2);
    assertThat(nonces.get(0)).isNotEqualTo(nonces.get(1));
  }

  @Test
  void testingAKeyMakesOneCallWithTheDecryptedKey() {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", SECRET, "gpt-4o-mini");
    MODEL.enqueue(Reply.text("ok"));

    as(user)
        .post("/api/v1/keys/openai/test")
        .then()
        .statusCode(200)
        .body("ok", is(true))
        .body("error", is((Object) null));

    assertThat(MODEL.lastRequest().header("Authorization")).contains("Bearer " + SECRET);
    assertThat(MODEL.lastRequest().model()).contains("gpt-4o-mini");
  }

  @Test
  void aFailingKeyTestReportsTheProviderErrorWithTheKeyRedacted() {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", SECRET, "gpt-4o-mini");
    MODEL.enqueue(Reply.error(401, "Incorrect API key provided: " + SECRET));

    String body =
        as(user)
            .post("/api/v1/keys/openai/test")
            .then()
            .statusCode(200)
            .body("ok", is(false))
            .body("error", containsString("Incorrect API key"))
            .extract()
            .asString();

    assertThat(body).doesNotContain(SECRET);
  }

  @Test
  void anotherUserCannotSeeDeleteOrUseTheKey() {
    String owner = newUser();
    String other = newUser();
    openAiKey(owner, "openai", MODEL.baseUrl() + "/v1", SECRET, "gpt-4o-mini");

    as(other).get("/api/v1/keys").then().statusCode(200).body("keys.size()", is(0));
    as(other).delete("/api/v1/keys/openai").then().statusCode(404);
    as(other).post("/api/v1/keys/openai/test").then().statusCode(404);
    as(other)
        .body("{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(400)
        .body("type", containsString("no-key"))
        .body("detail", containsString("bin/zo keys set openai"));
    as(owner).get("/api/v1/keys").then().body("keys.size()", is(1));
  }

  @Test
  void deletingAKeyRemovesIt() {
    String user = newUser();
    openAiKey(user, "lab", MODEL.baseUrl() + "/v1", SECRET, "llama");

    as(user).delete("/api/v1/keys/lab").then().statusCode(204);

    as(user).get("/api/v1/keys").then().body("keys.size()", is(0));
  }

  @Test
  void rejectsAnUnknownProviderAndAMissingBaseUrlForCompatibleEndpoints() {
    String user = newUser();
    as(user)
        .body("{\"provider\":\"acme\",\"api_key\":\"x\"}")
        .put("/api/v1/keys/acme")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("provider"));
    as(user)
        .body("{\"provider\":\"openai_compatible\"}")
        .put("/api/v1/keys/lab")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("base_url"));
  }

  @Test
  void keyFieldsOverTheirMaximumAreA400NamingTheField() {
    String user = newUser();
    as(user)
        .body("{\"provider\":\"openai\",\"api_key\":\"" + "k".repeat(4_097) + "\"}")
        .put("/api/v1/keys/long")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("api_key"));
    as(user)
        .body(
            "{\"provider\":\"openai_compatible\",\"base_url\":\"http://example.com/"
                + "p".repeat(2_048)
                + "\"}")
        .put("/api/v1/keys/long")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("base_url"));
    as(user)
        .body(
            "{\"provider\":\"openai\",\"api_key\":\"sk-x\",\"default_model\":\""
                + "m".repeat(201)
                + "\"}")
        .put("/api/v1/keys/long")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("default_model"));
    as(user).get("/api/v1/keys").then().statusCode(200).body("keys", hasSize(0));
  }

  @Test
  void rotatingTheMasterKeyReencryptsEveryKeyAndTheyStillWork() throws Exception {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", SECRET, "gpt-4o-mini");
    byte[] before = ciphertext(user);
    String newMaster =
        Base64.getEncoder()
            .encodeToString("another-master-key-of-32-bytes!!".getBytes(StandardCharsets.UTF_8));

    int reencrypted =
        as("admin")
            .header("X-Zo-Admin", "true")
            .body("{\"new_master_key\":\"" + newMaster + "\"}")
            .post("/api/v1/admin/master-key/rotate")
            .then()
            .statusCode(200)
            .extract()
            .path("reencrypted");

    assertThat(reencrypted).isPositive();
    assertThat(ciphertext(user)).isNotEqualTo(before);
    // Every key that decrypted is now under the new master key (one moved to another user by
    // another test does not decrypt, and stays as it was).
    String fingerprint = KeyCipher.parse(newMaster).fingerprint();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT count(*) FILTER (WHERE master_fingerprint = ?),"
                    + " count(*) FILTER (WHERE master_fingerprint = ? AND owner = ?)"
                    + " FROM agents.provider_key WHERE ciphertext IS NOT NULL")) {
      q.setString(1, fingerprint);
      q.setString(2, fingerprint);
      q.setString(3, user);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(reencrypted);
        assertThat(rs.getInt(2)).isEqualTo(1);
      }
    }
    MODEL.enqueue(Reply.text("ok"));
    as(user).post("/api/v1/keys/openai/test").then().statusCode(200).body("ok", is(true));
    assertThat(MODEL.lastRequest().header("Authorization")).contains("Bearer " + SECRET);
    as(user).get("/api/v1/keys").then().body(not(containsString(SECRET)));
  }

  @Test
  void aKeyMovedToAnotherUserDoesNotDecryptForThem() throws Exception {
    String owner = newUser();
    String thief = newUser();
    openAiKey(owner, "openai", MODEL.baseUrl() + "/v1", SECRET, "gpt-4o-mini");
    int calls = MODEL.requests().size();
    try (Connection c = dataSource.getConnection();
        PreparedStatement move =
            c.prepareStatement("UPDATE agents.provider_key SET owner = ? WHERE owner = ?")) {
      move.setString(1, thief);
      move.setString(2, owner);
      assertThat(move.executeUpdate()).isEqualTo(1);
    }

    as(thief)
        .body("{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(409)
        .body("type", containsString("key-unreadable"));
    assertThat(MODEL.requests()).hasSize(calls);
  }

  @Test
  void aKeyStoredBeforeKeysWereBoundIsReSealedAndStillWorks() throws Exception {
    String user = newUser();
    KeyCipher.Sealed unbound = cipher.seal(SECRET, null);
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO agents.provider_key (id, owner, name, provider, base_url,"
                    + " default_model, ciphertext, nonce, master_fingerprint, masked, bound)"
                    + " VALUES (?, ?, 'old', 'openai', ?, 'm', ?, ?, ?, 'sk-...cdef', false)")) {
      insert.setString(1, java.util.UUID.randomUUID().toString());
      insert.setString(2, user);
      insert.setString(3, MODEL.baseUrl() + "/v1");
      insert.setBytes(4, unbound.ciphertext());
      insert.setBytes(5, unbound.nonce());
      insert.setString(6, unbound.fingerprint());
      insert.executeUpdate();
    }

    assertThat(binding.bindAll()).isPositive();

    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT bound FROM agents.provider_key WHERE owner = ?")) {
      q.setString(1, user);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        assertThat(rs.getBoolean(1)).isTrue();
      }
    }
    MODEL.enqueue(Reply.text("ok"));
    as(user).post("/api/v1/keys/old/test").then().statusCode(200).body("ok", is(true));
    assertThat(MODEL.lastRequest().header("Authorization")).contains("Bearer " + SECRET);
  }

  @Test
  void aBaseUrlAtTheMetadataAddressIsRefusedWhenStored() {
    as(newUser())
        .body(
            "{\"provider\":\"openai\",\"api_key\":\"sk-x-0123456789\","
                + "\"base_url\":\"http://169.254.169.254/v1\"}")
        .put("/api/v1/keys/meta")
        .then()
        .statusCode(400)
        .body("type", containsString("egress-refused"))
        .body("errors[0].field", is("base_url"));
  }

  @Test
  void aStoredBaseUrlIsCheckedAgainAtEveryCall() throws Exception {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", SECRET, "gpt-4o-mini");
    // As if the key's host had come to name a refused address after it was stored.
    try (Connection c = dataSource.getConnection();
        PreparedStatement point =
            c.prepareStatement(
                "UPDATE agents.provider_key SET base_url = 'http://169.254.169.254/v1'"
                    + " WHERE owner = ?")) {
      point.setString(1, user);
      point.executeUpdate();
    }

    as(user)
        .post("/api/v1/keys/openai/test")
        .then()
        .statusCode(200)
        .body("ok", is(false))
        .body("error", containsString("refused"));
  }

  @Test
  void onlyAnAdminMayRotateTheMasterKey() {
    String newMaster =
        Base64.getEncoder()
            .encodeToString("not-applied-master-key-32-bytes!".getBytes(StandardCharsets.UTF_8));
    as(newUser())
        .body("{\"new_master_key\":\"" + newMaster + "\"}")
        .post("/api/v1/admin/master-key/rotate")
        .then()
        .statusCode(403);
    io.restassured.RestAssured.given()
        .header("X-Zo-User", "admin")
        .header("X-Zo-Admin", "true")
        .contentType("application/json")
        .body("{\"new_master_key\":\"" + newMaster + "\"}")
        .post("/api/v1/admin/master-key/rotate")
        .then()
        .statusCode(401);
    assertThat(cipher.current().fingerprint())
        .isNotEqualTo(KeyCipher.parse(newMaster).fingerprint());
  }

  private byte[] ciphertext(String user) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT ciphertext FROM agents.provider_key WHERE owner = ?")) {
      q.setString(1, user);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getBytes(1);
      }
    }
  }
}
