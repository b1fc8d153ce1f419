package dev.zoclone.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Free-form JSON fields read through the checked-text module keep Jackson's meaning of absent. */
class CheckedTextTest {
  record Body(String input, JsonNode format) {}

  private final ObjectMapper json = new ObjectMapper().registerModule(CheckedText.module());

  @Test
  void anAbsentJsonFieldIsNullAndAnExplicitNullIsJsonNull() throws Exception {
    assertThat(json.readValue("{\"input\":\"hi\"}", Body.class).format()).isNull();
    assertThat(json.readValue("{\"input\":\"hi\",\"format\":null}", Body.class).format().isNull())
        .isTrue();
    assertThat(json.readValue("{\"format\":{\"type\":\"object\"}}", Body.class).format().isObject())
        .isTrue();
  }
}
