package dev.zoclone.testing.fakemodel;

import java.time.Instant;

/**
 * A client that closed its connection before the server finished answering {@code request}: a
 * cancelled call, a timed-out client, or a stream the client stopped reading.
 */
public record Disconnect(RecordedRequest request, Instant at) {}
