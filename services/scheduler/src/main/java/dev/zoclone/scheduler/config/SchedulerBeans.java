package dev.zoclone.scheduler.config;

import dev.zoclone.scheduler.service.RecurrenceExpander;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Beans built from configuration: the clock the service reads time from, and the expander. */
public class SchedulerBeans {

  /** The wall clock; everything time-dependent reads it, so tests can pass their own instants. */
  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  /** The bounded RRULE expander. */
  @Produces
  @Singleton
  RecurrenceExpander expander(SchedulerConfig config) {
    return new RecurrenceExpander(config.expansion().maxSteps());
  }
}
