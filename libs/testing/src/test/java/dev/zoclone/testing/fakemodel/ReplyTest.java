package dev.zoclone.testing.fakemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplyTest {

  @Test
  void textStreamsWordByWordAndReadsBackWhole() {
    Reply reply = Reply.text("Hello brave world");

    assertThat(reply.textPieces()).containsExactly("Hello ", "brave ", "world");
    assertThat(reply.text()).isEqualTo("Hello brave world");
    assertThat(reply.delivery()).isEqualTo(Reply.Delivery.AS_REQUESTED);
  }

  @Test
  void fluentSettingsLeaveTheOriginalReplyAlone() {
    Reply original = Reply.stream("He", "llo");

    Reply slow = original.chunkDelay(Duration.ofMillis(50)).delay(Duration.ofSeconds(1));

    assertThat(original.chunkDelay()).isZero();
    assertThat(slow.chunkDelay()).isEqualTo(Duration.ofMillis(50));
    assertThat(slow.delay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(slow.delivery()).isEqualTo(Reply.Delivery.STREAMED);
  }

  @Test
  void rejectsToolArgumentsThatAreNotAJsonObject() {
    assertThatThrownBy(() -> Reply.toolCall("recall_memory", "query=x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recall_memory")
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> Reply.toolCall("recall_memory", "[1]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a JSON object");
  }

  @Test
  void rejectsRetryAfterOnAReplyThatIsNotAnError() {
    assertThatThrownBy(() -> Reply.text("hi").retryAfterSeconds(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Reply.error");
  }

  @Test
  void rejectsAnErrorStatusOutsideFourAndFiveHundreds() {
    assertThatThrownBy(() -> Reply.error(200, "fine"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4xx or 5xx");
  }
}
