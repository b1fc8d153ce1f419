package dev.zoclone.contract.browser;

import java.util.List;

/** Console messages and page errors since the last call. */
public record ConsoleMessages(List<Message> messages) {

  /** One message: {@code type} is log, info, warning, error, … or {@code pageerror}. */
  public record Message(String type, String text, String url) {}
}
