package dev.zoclone.browser.metrics;

import dev.zoclone.browser.service.SessionRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The browser sessions open on this replica as {@code zo.browser.sessions}: each replica holds its
 * own sessions (and their Chromium), so the platform's total is the sum over replicas.
 */
@Startup
@ApplicationScoped
public class BrowserMeters {
  public BrowserMeters(SessionRegistry sessions, MeterRegistry registry) {
    Gauge.builder("zo.browser.sessions", sessions, SessionRegistry::size)
        .strongReference(true)
        .description("Browser sessions open on this replica")
        .register(registry);
  }
}
