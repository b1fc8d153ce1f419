package dev.zoclone.e2e.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A tiny OTLP/HTTP trace receiver: the services export their spans to it as {@code
 * application/x-protobuf} ({@code ExportTraceServiceRequest}), and it keeps the fields a test
 * checks: service, trace and span ids, parent, name and kind. It reads the protobuf wire format
 * itself (only the fields named in opentelemetry-proto's trace.proto that it needs).
 */
public final class OtlpReceiver implements AutoCloseable {
  /**
   * One received span. {@code kind} is OTLP's: 1 internal, 2 server, 3 client, 4 producer, 5
   * consumer.
   */
  public record ReceivedSpan(
      String service, String traceId, String spanId, String parentSpanId, String name, int kind) {}

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();

  public OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            if ("gzip".equalsIgnoreCase(encoding)) {
              body = new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
            }
            spans.addAll(exportRequest(body));
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
          } catch (RuntimeException e) {
            refused.add(String.valueOf(e));
            exchange.sendResponseHeaders(400, -1);
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  /** The base URL to give as {@code quarkus.otel.exporter.otlp.traces.endpoint}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every span received so far. */
  public List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  /** Why exports were refused (they could not be read), for a failing test's message. */
  public List<String> refused() {
    return List.copyOf(refused);
  }

  /** The spans received so far of trace {@code traceId}. */
  public List<ReceivedSpan> trace(String traceId) {
    return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** ExportTraceServiceRequest: 1 = ResourceSpans (repeated). */
  static List<ReceivedSpan> exportRequest(byte[] body) {
    List<ReceivedSpan> out = new ArrayList<>();
    Wire request = new Wire(ByteBuffer.wrap(body));
    while (request.next()) {
      if (request.field == 1) {
        resourceSpans(request.message(), out);
      } else {
        request.skip();
      }
    }
    return out;
  }

  /** ResourceSpans: 1 = Resource, 2 = ScopeSpans (repeated). */
  private static void resourceSpans(Wire resourceSpans, List<ReceivedSpan> out) {
    String service = "";
    List<Wire> scopes = new ArrayList<>();
    while (resourceSpans.next()) {
      if (resourceSpans.field == 1) {
        service = serviceName(resourceSpans.message());
      } else if (resourceSpans.field == 2) {
        scopes.add(resourceSpans.message());
      } else {
        resourceSpans.skip();
      }
    }
    for (Wire scope : scopes) {
      while (scope.next()) {
        if (scope.field == 2) {
          out.add(span(service, scope.message()));
        } else {
          scope.skip();
        }
      }
    }
  }

  /** Resource: 1 = KeyValue (repeated); KeyValue: 1 = key, 2 = AnyValue; AnyValue: 1 = string. */
  private static String serviceName(Wire resource) {
    while (resource.next()) {
      if (resource.field != 1) {
        resource.skip();
        continue;
      }
      Wire keyValue = resource.message();
      String key = null;
      String value = null;
      while (keyValue.next()) {
        if (keyValue.field == 1) {
          key = keyValue.string();
        } else if (keyValue.field == 2) {
          Wire any = keyValue.message();
          while (any.next()) {
            if (any.field == 1) {
              value = any.string();
            } else {
              any.skip();
            }
          }
        } else {
          keyValue.skip();
        }
      }
      if ("service.name".equals(key)) {
        return value;
      }
    }
    return "";
  }

  /** Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind. */
  private static ReceivedSpan span(String service, Wire span) {
    String traceId = "";
    String spanId = "";
    String parent = "";
    String name = "";
    int kind = 0;
    while (span.next()) {
      switch (span.field) {
        case 1 -> traceId = HexFormat.of().formatHex(span.bytes());
        case 2 -> spanId = HexFormat.of().formatHex(span.bytes());
        case 4 -> parent = HexFormat.of().formatHex(span.bytes());
        case 5 -> name = span.string();
        case 6 -> kind = (int) span.varint();
        default -> span.skip();
      }
    }
    return new ReceivedSpan(service, traceId, spanId, parent, name, kind);
  }

  /** Reads protobuf's wire format: a field's number and type, then its value. */
  private static final class Wire {
    private final ByteBuffer buffer;
    int field;
    int type;

    Wire(ByteBuffer buffer) {
      this.buffer = buffer.order(ByteOrder.LITTLE_ENDIAN);
    }

    boolean next() {
      if (!buffer.hasRemaining()) {
        return false;
      }
      long tag = varint();
      field = (int) (tag >>> 3);
      type = (int) (tag & 7);
      return true;
    }

    long varint() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = buffer.get();
        value |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
      throw new IllegalArgumentException("malformed varint");
    }

    byte[] bytes() {
      byte[] value = new byte[(int) varint()];
      buffer.get(value);
      return value;
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    Wire message() {
      int length = (int) varint();
      ByteBuffer slice = buffer.slice(buffer.position(), length);
      buffer.position(buffer.position() + length);
      return new Wire(slice);
    }

    void skip() {
      switch (type) {
        case 0 -> varint();
        case 1 -> buffer.position(buffer.position() + 8);
        case 2 -> {
          int length = (int) varint(); // read first: it moves the position
          buffer.position(buffer.position() + length);
        }
        case 5 -> buffer.position(buffer.position() + 4);
        default -> throw new IllegalArgumentException("unknown wire type " + type);
      }
    }
  }
}
