package dev.zoclone.cli.agents;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where {@code zo chat} reads the user's lines: a JLine line editor with history (arrow keys,
 * Ctrl-R) when stdin and stdout are a terminal, plain lines otherwise (pipes, files, tests).
 */
interface ChatInput extends Closeable {
  /** The next line after showing {@code prompt}; null at the end of the input (Ctrl-D). */
  String readLine(String prompt);

  @Override
  void close();

  /**
   * JLine on the process's terminal (history kept in {@code historyFile}, 0600) when {@code
   * System.console()} says stdin and stdout are a terminal, else plain lines from {@code in}.
   */
  static ChatInput open(InputStream in, PrintWriter err, Path historyFile) {
    if (System.console() != null) {
      return TerminalChatInput.onSystemTerminal(historyFile);
    }
    return plain(in, err);
  }

  /** Lines from {@code in}, the prompt written to {@code err}. */
  static ChatInput plain(InputStream in, PrintWriter err) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    return new ChatInput() {
      @Override
      public String readLine(String prompt) {
        err.print(prompt);
        err.flush();
        try {
          return reader.readLine();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void close() {
        // System.in stays open for whoever reads it next
      }
    };
  }
}
