package dev.zoclone.cli.agents;

import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * {@code zo chat}'s input on a terminal: JLine's line editor, with the lines of this and earlier
 * chats in a history file readable by its owner only (up arrow, Ctrl-P, Ctrl-R).
 */
final class TerminalChatInput implements ChatInput {
  /** Lines of history kept in the file. */
  static final int HISTORY_LINES = 1000;

  private final Terminal terminal;
  private final LineReader reader;

  TerminalChatInput(Terminal terminal, Path historyFile) {
    this.terminal = terminal;
    privateFile(historyFile);
    this.reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("zo chat")
            .variable(LineReader.HISTORY_FILE, historyFile)
            .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_LINES)
            .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .build();
  }

  /** On the terminal the process runs in. */
  static TerminalChatInput onSystemTerminal(Path historyFile) {
    try {
      return new TerminalChatInput(TerminalBuilder.builder().system(true).build(), historyFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String readLine(String prompt) {
    try {
      return reader.readLine(prompt);
    } catch (EndOfFileException end) {
      return null;
    } catch (UserInterruptException ctrlC) {
      throw new CliFailure(ExitCodes.INTERRUPTED, "interrupted (Ctrl-C)");
    }
  }

  @Override
  public void close() {
    try {
      reader.getHistory().save();
      terminal.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void privateFile(Path path) {
    try {
      Files.createDirectories(path.toAbsolutePath().getParent());
      if (!Files.exists(path)) {
        Files.createFile(path);
      }
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
