package dev.zoclone.cli.identity;

import java.io.PrintWriter;

/** Prints a freshly issued token with the warning that it will not be shown again. */
final class TokenNotice {
  private TokenNotice() {}

  static void print(PrintWriter out, String token) {
    out.println("Token: " + token);
    out.println("This token is shown only once; store it now, e.g. export ZO_TOKEN=" + token);
  }
}
