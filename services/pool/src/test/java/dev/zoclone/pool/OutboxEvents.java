package dev.zoclone.pool;

/** SQL over the outbox for tests: one row per queued event, single rows and batch items alike. */
public final class OutboxEvents {
  /** Columns {@code record_key} and {@code type} (the envelope's event type). */
  public static final String SQL =
      "SELECT e.item->>'key' AS record_key, e.item->'event'->>'type' AS type"
          + " FROM outbox o, jsonb_array_elements(CASE"
          + " WHEN jsonb_typeof(o.payload::jsonb) = 'array' THEN o.payload::jsonb"
          + " ELSE jsonb_build_array(jsonb_build_object('key', o.record_key,"
          + " 'event', o.payload::jsonb)) END) AS e(item)";

  private OutboxEvents() {}
}
