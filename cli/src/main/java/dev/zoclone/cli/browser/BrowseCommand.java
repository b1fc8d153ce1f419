package dev.zoclone.cli.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.contract.browser.ContentRequest;
import dev.zoclone.contract.browser.NavigateRequest;
import dev.zoclone.contract.browser.NewSession;
import dev.zoclone.contract.browser.ScreenshotRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zo browse URL}: opens a one-shot browser session, prints the page and saves images. */
@Command(
    name = "browse",
    description = "Open a URL in a headless browser and print the page.",
    footer = {"%nExample:", "  zo browse https://example.org --markdown --screenshot page.png"})
public final class BrowseCommand extends GatewayCommand {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @Parameters(paramLabel = "URL", description = "The http(s) URL to open.")
  private String url;

  @ArgGroup(exclusive = true)
  private Format format;

  /** How the page is printed; plain text when none is given and no file is asked for. */
  static final class Format {
    @Option(names = "--text", description = "Print the page's text (the default).")
    boolean text;

    @Option(names = "--markdown", description = "Print the page as Markdown.")
    boolean markdown;

    @Option(names = "--snapshot", description = "Print the accessibility snapshot, with refs.")
    boolean snapshot;

    @Option(names = "--html", description = "Print the page's HTML.")
    boolean html;

    String name() {
      return markdown ? "markdown" : snapshot ? "snapshot" : html ? "html" : "text";
    }
  }

  @Option(names = "--screenshot", paramLabel = "FILE", description = "Save a PNG screenshot.")
  private Path screenshot;

  @Option(names = "--full-page", description = "Screenshot the whole page, not the viewport.")
  private boolean fullPage;

  @Option(names = "--pdf", paramLabel = "FILE", description = "Save the page as PDF.")
  private Path pdf;

  @Override
  protected int execute(GatewayClient client) {
    GatewayClient gateway = client.withRequestTimeout(TIMEOUT);
    String id =
        gateway
            .post("/api/v1/browser/sessions", NewSession.anonymous())
            .read(JsonNode.class)
            .path("id")
            .asText();
    String session = "/api/v1/browser/sessions/" + GatewayClient.pathSegment(id);
    try {
      gateway.post(session + "/navigate", new NavigateRequest(url, null, null));
      if (format != null || (screenshot == null && pdf == null)) {
        String name = format == null ? "text" : format.name();
        JsonNode content =
            gateway.post(session + "/content", new ContentRequest(name)).read(JsonNode.class);
        if (json()) {
          out().println(content.toString());
        } else {
          out().println(content.path("content").asText().strip());
        }
      }
      if (screenshot != null) {
        write(
            screenshot,
            gateway.postForBytes(
                session + "/screenshot", new ScreenshotRequest(fullPage, null, null, "png")));
      }
      if (pdf != null) {
        write(pdf, gateway.postForBytes(session + "/pdf", Map.of()));
      }
    } finally {
      gateway.delete(session);
    }
    return ExitCodes.OK;
  }

  private void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.FAILURE, "cannot write " + file + ": " + e.getMessage());
    }
    if (!json()) {
      out().println("Saved " + file + " (" + bytes.length + " bytes).");
    }
  }
}
