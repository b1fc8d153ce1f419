package dev.zoclone.memory.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zoclone.memory.repository.MemoryListRepository;
import dev.zoclone.memory.repository.MemoryRepository;
import dev.zoclone.memory.repository.MemorySummary;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** Lists the owner's memories page by page, checking the page size, kind and cursor first. */
@ApplicationScoped
public class MemoryListService {
  /** Largest page. */
  public static final int MAX_LIMIT = 200;

  private static final Set<String> KINDS = Set.of("memory", "document", "message");

  private final MemoryListRepository pages;
  private final MemoryRepository memories;

  public MemoryListService(MemoryListRepository pages, MemoryRepository memories) {
    this.pages = pages;
    this.memories = memories;
  }

  /** One page and the cursor of the next (null on the last page). */
  public record MemoryPage(
      List<MemorySummary> memories, @JsonProperty("next_cursor") String nextCursor) {}

  /**
   * A page of {@code limit} (text, 1 to 200) memories of the owner, newest first, after {@code
   * cursor} (one of the owner's memory ids), only of {@code kind} when given.
   */
  public MemoryPage list(String owner, String limit, String cursor, String kind) {
    int size = size(limit);
    if (kind != null && !KINDS.contains(kind)) {
      throw ProblemException.badRequest("kind", "must be one of memory, document, message");
    }
    if (cursor != null && (cursor.isBlank() || memories.find(owner, cursor).isEmpty())) {
      throw ProblemException.badRequest("cursor", "must be the id of one of your memories");
    }
    List<MemorySummary> page = pages.page(owner, kind, cursor, size + 1);
    boolean more = page.size() > size;
    List<MemorySummary> shown = more ? page.subList(0, size) : page;
    return new MemoryPage(shown, more ? shown.get(size - 1).id() : null);
  }

  private static int size(String limit) {
    if (limit == null) {
      return 50;
    }
    try {
      int size = Integer.parseInt(limit.strip());
      if (size >= 1 && size <= MAX_LIMIT) {
        return size;
      }
    } catch (NumberFormatException notANumber) {
      // answered below, as an out-of-range number is
    }
    throw ProblemException.badRequest("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }
}
