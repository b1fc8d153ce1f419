package dev.zoclone.agents.mcp;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque cursors of the MCP lists: where the next page starts. */
final class Pages {
  private static final String PREFIX = "offset:";

  private Pages() {}

  /** The cursor of the page that starts at {@code offset}. */
  static String cursor(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** Where the page of {@code cursor} starts (0 for none); invalid params for a bad cursor. */
  static int offset(String cursor, int size) {
    if (cursor == null) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int offset = Integer.parseInt(text.substring(PREFIX.length()));
      if (!text.startsWith(PREFIX) || offset < 0 || offset > size) {
        throw new IllegalArgumentException(text);
      }
      return offset;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
          .message("Invalid cursor: " + cursor)
          .build();
    }
  }
}
