package dev.zoclone.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pages the tests browse, served on 127.0.0.1 (which the test profile allows), and a "secret"
 * server on 127.0.0.2, a loopback address the policy refuses: it counts every request that reaches
 * it, so a test can prove that none did.
 */
public final class TestPages {
  private static TestPages instance;

  private final HttpServer pages;
  private final HttpServer secret;
  private final AtomicInteger secretHits = new AtomicInteger();

  private TestPages() {
    try {
      secret = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
      secret.createContext(
          "/",
          e -> {
            secretHits.incrementAndGet();
            send(e, 200, "text/html", "<html><body>internal secret</body></html>");
          });
      secret.start();
      pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      pages.setExecutor(Executors.newCachedThreadPool());
      pages.createContext("/", this::route);
      pages.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one server of the test run. */
  public static synchronized TestPages get() {
    if (instance == null) {
      instance = new TestPages();
    }
    return instance;
  }

  /** {@code http://127.0.0.1:<port><path>}. */
  public String url(String path) {
    return "http://127.0.0.1:" + pages.getAddress().getPort() + path;
  }

  /** A URL on the refused loopback address. */
  public String secretUrl(String path) {
    return "http://127.0.0.2:" + secret.getAddress().getPort() + path;
  }

  /** Requests that reached the refused address. */
  public int secretHits() {
    return secretHits.get();
  }

  private void route(HttpExchange e) throws IOException {
    String path = e.getRequestURI().getPath();
    String query = e.getRequestURI().getRawQuery() == null ? "" : e.getRequestURI().getRawQuery();
    switch (path) {
      case "/redirect-private" -> redirect(e, secretUrl("/secret"));
      case "/redirect-chain" -> redirect(e, url("/redirect-private"));
      case "/redirect-ok" -> redirect(e, url("/hello"));
      case "/slow" -> {
        sleep(8000);
        send(e, 200, "text/html", "<html><body>finally</body></html>");
      }
      case "/file.txt" -> {
        e.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"notes.txt\"");
        send(e, 200, "text/plain", "downloaded content");
      }
      case "/big.bin" -> {
        e.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"big.bin\"");
        send(e, 200, "application/octet-stream", "x".repeat(300_000));
      }
      case "/submitted" ->
          send(
              e,
              200,
              "text/html",
              page("Submitted", "<p id=\"result\">" + escape(decode(query)) + "</p>"));
      case "/cookie" -> {
        e.getResponseHeaders()
            .add("Set-Cookie", "zo_session=cookie-value-42; Path=/; Max-Age=3600");
        send(
            e,
            200,
            "text/html",
            page(
                "Cookie",
                "<script>localStorage.setItem('zo_local','local-value-7')</script><p>set</p>"));
      }
      default -> {
        String body = PAGES.get(path);
        if (body == null) {
          send(e, 404, "text/plain", "not found");
        } else {
          send(e, 200, "text/html", body.replace("{{secret}}", secretUrl("/secret")));
        }
      }
    }
  }

  private static final Map<String, String> PAGES =
      Map.of(
          "/hello",
          page(
              "Hello page",
              "<h1>Hello, browser</h1><p>Some <b>bold</b> text and a <a href=\"/form\">link to the form</a>.</p>"
                  + "<ul><li>first</li><li>second</li></ul>"),
          "/form",
          page(
              "Form",
              "<form action=\"/submitted\" method=\"get\">"
                  + "<label>Name <input name=\"name\" id=\"name\"></label>"
                  + "<label>Email <input name=\"email\" id=\"email\"></label>"
                  + "<label>Colour <select name=\"colour\" id=\"colour\"><option value=\"red\">Red</option><option value=\"blue\">Blue</option></select></label>"
                  + "<label><input type=\"checkbox\" name=\"agree\" id=\"agree\" value=\"yes\"> I agree</label>"
                  + "<button type=\"submit\" id=\"send\">Send</button></form>"),
          "/late",
          page(
              "Late",
              "<div id=\"box\">waiting</div><script>setTimeout(() => {"
                  + " const p = document.createElement('p'); p.id = 'late'; p.textContent = 'arrived late';"
                  + " document.body.appendChild(p); document.getElementById('box').remove(); }, 1500)</script>"),
          "/dialog",
          page(
              "Dialog",
              "<button id=\"ask\" onclick=\"document.getElementById('answer').textContent ="
                  + " 'answer: ' + prompt('Your name?', 'nobody')\">Ask</button><p id=\"answer\"></p>"),
          "/popup",
          page(
              "Opener",
              "<a id=\"open\" href=\"/hello\" target=\"_blank\">open popup</a>"
                  + "<a id=\"download\" href=\"/file.txt\">download</a>"
                  + "<a id=\"big\" href=\"/big.bin\">big download</a>"),
          "/upload",
          page(
              "Upload",
              "<input type=\"file\" id=\"file\" onchange=\"const f = this.files[0]; f.text().then(t =>"
                  + " document.getElementById('out').textContent = f.name + ':' + t)\"><p id=\"out\"></p>"),
          "/fetch-private",
          page(
              "Fetcher",
              "<p id=\"out\">pending</p><script>console.log('fetching');"
                  + "fetch('{{secret}}').then(r => r.text()).then(t => document.getElementById('out').textContent = 'got: ' + t)"
                  + ".catch(err => document.getElementById('out').textContent = 'blocked')</script>"),
          "/image-private",
          page("Image", "<img id=\"img\" src=\"{{secret}}\" alt=\"secret\"><p>image page</p>"));

  private static String page(String title, String body) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>"
        + title
        + "</title></head><body>"
        + body
        + "</body></html>";
  }

  private static void redirect(HttpExchange e, String location) throws IOException {
    e.getResponseHeaders().add("Location", location);
    e.sendResponseHeaders(302, -1);
    e.close();
  }

  private static void send(HttpExchange e, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    e.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
    e.sendResponseHeaders(status, bytes.length);
    try (var out = e.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String decode(String query) {
    return java.net.URLDecoder.decode(query, StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }
}
