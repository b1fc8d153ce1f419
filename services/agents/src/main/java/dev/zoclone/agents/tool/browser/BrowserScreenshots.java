package dev.zoclone.agents.tool.browser;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Screenshots the model took, kept in memory for their user to fetch (the most recent ones only, on
 * the replica that took them).
 */
@ApplicationScoped
public class BrowserScreenshots {
  /** Where a kept screenshot is fetched, through the gateway. */
  public static final String PATH = "/api/v1/agents/browser-screenshots/{id}";

  private static final int KEPT = 200;

  private record Kept(String owner, byte[] png) {}

  private final Map<String, Kept> kept =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
          return size() > KEPT;
        }
      };

  /** Keeps a PNG for {@code owner} and answers its id. */
  public synchronized String keep(String owner, byte[] png) {
    String id = UUID.randomUUID().toString();
    kept.put(id, new Kept(owner, png));
    return id;
  }

  /** The owner's screenshot; empty when it is someone else's or no longer kept. */
  public synchronized Optional<byte[]> find(String owner, String id) {
    Kept found = kept.get(id);
    return found != null && found.owner().equals(owner)
        ? Optional.of(found.png())
        : Optional.empty();
  }
}
