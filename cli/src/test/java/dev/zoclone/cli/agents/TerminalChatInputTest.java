package dev.zoclone.cli.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zo chat}'s terminal input, JLine's line editor on an xterm fed with the bytes a keyboard
 * sends: the up arrow recalls earlier lines, of this chat and of the one before (history file).
 */
@Timeout(60)
class TerminalChatInputTest {
  // what an xterm's arrows send once the line editor has switched its keypad to application mode
  private static final String UP = "\033OA";
  private static final String DOWN = "\033OB";

  @TempDir Path home;

  @Test
  void upArrowRecallsTheLinesBeforeNewestFirst() throws IOException {
    List<String> lines = readAll("first\rsecond\r" + UP + "\r" + UP + UP + UP + DOWN + "\r");

    assertThat(lines).containsExactly("first", "second", "second", "second");
  }

  @Test
  void historyOutlivesTheChatInAFileOnlyItsOwnerReads() throws IOException {
    readAll("what is a monad\rthanks\r");

    List<String> next = readAll(UP + UP + "\r");

    assertThat(next).containsExactly("what is a monad");
    Path history = home.resolve("zo/chat_history");
    assertThat(Files.readString(history)).contains("what is a monad").contains("thanks");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history)))
        .isEqualTo("rw-------");
  }

  @Test
  void ctrlDOnAnEmptyLineEndsTheInput() throws IOException {
    assertThat(readAll("only\r")).containsExactly("only");
  }

  /** A terminal's usual settings: Ctrl-D is end of input, Enter sends a line. */
  private static Attributes keyboardAttributes() {
    Attributes attributes = new Attributes();
    attributes.setControlChar(Attributes.ControlChar.VEOF, 4);
    attributes.setInputFlag(Attributes.InputFlag.ICRNL, true);
    return attributes;
  }

  /** Every line one chat session reads from {@code typed} until the input ends. */
  private List<String> readAll(String typed) throws IOException {
    // the keyboard stays connected: the session ends with Ctrl-D on an empty line, as a user's does
    PipedOutputStream keyboard = new PipedOutputStream();
    PipedInputStream keys = new PipedInputStream(keyboard, 64 * 1024);
    keyboard.write((typed + "\004").getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
    Terminal terminal =
        TerminalBuilder.builder()
            .system(false)
            .type("xterm")
            .size(new Size(80, 24))
            .attributes(keyboardAttributes())
            .streams(keys, new ByteArrayOutputStream())
            .build();
    List<String> lines = new ArrayList<>();
    try (TerminalChatInput input =
        new TerminalChatInput(terminal, home.resolve("zo").resolve(ChatCommand.HISTORY_FILE))) {
      for (String line = input.readLine("> "); line != null; line = input.readLine("> ")) {
        lines.add(line);
      }
    }
    keyboard.close();
    return lines;
  }
}
