package dev.zoclone.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.platform.events.EventJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxBatchTest {
  @Test
  void aWrittenBatchSplitsIntoTheSameEventsKeysAndIdsInOrder() throws Exception {
    EventEnvelope plain = event("job-1", "plain");
    EventEnvelope tricky = event("job-\"2\"", "braces } ] { [, quotes \" and ünïcödé 😀");
    EventEnvelope unkeyed = event("job-3", "");
    List<Outbox.KeyedEvent> events =
        List.of(
            new Outbox.KeyedEvent("job-1", plain),
            new Outbox.KeyedEvent("job-\"2\"", tricky),
            new Outbox.KeyedEvent(null, unkeyed));

    List<OutboxBatch.Item> items = OutboxBatch.items(OutboxBatch.write(events));

    assertThat(items)
        .containsExactly(
            new OutboxBatch.Item("job-1", plain.id(), EventJson.write(plain)),
            new OutboxBatch.Item("job-\"2\"", tricky.id(), EventJson.write(tricky)),
            new OutboxBatch.Item(null, unkeyed.id(), EventJson.write(unkeyed)));
    assertThat(EventJson.read(items.get(1).event())).isEqualTo(tricky);
  }

  @Test
  void aPayloadThatIsNotABatchIsRefusedNamingTheItem() {
    assertThatThrownBy(() -> OutboxBatch.items("[{\"key\":\"a\",\"id\":\"1\",\"event\":{}},{}]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("item 1 of the batch");
    assertThatThrownBy(() -> OutboxBatch.items("[{\"key\":\"a\"}]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("item 0 of the batch");
  }

  private static EventEnvelope event(String subject, String note) {
    return EventEnvelope.of(
        "zo.test.thing.happened",
        "platform-test",
        subject,
        JsonNodeFactory.instance.objectNode().put("note", note).putNull("nothing"));
  }
}
