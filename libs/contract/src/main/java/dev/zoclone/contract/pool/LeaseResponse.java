package dev.zoclone.contract.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Answer of a lease: the jobs now held by the node, possibly none; when the request reported
 * finished jobs, which were recorded ({@code completed}) and which were refused as {@code stale}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeaseResponse(List<LeasedJob> jobs, List<String> completed, List<String> stale) {

  /** An answer to a lease that reported no finished jobs. */
  public LeaseResponse(List<LeasedJob> jobs) {
    this(jobs, null, null);
  }
}
