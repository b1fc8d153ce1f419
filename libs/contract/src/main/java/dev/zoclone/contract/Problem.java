package dev.zoclone.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * @param type stable URI naming the kind of error
 * @param title short human-readable summary of the kind
 * @param status the HTTP status code
 * @param detail what went wrong this time
 * @param instance the request path
 * @param errors the offending fields of a bad request, if any
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {
  /** Media type of problem bodies. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** Prefix of every problem type URI. */
  public static final String TYPE_PREFIX = "https://zoclone.dev/problems/";

  /** One offending field of a bad request. */
  public record FieldError(String field, String message) {}

  /** The full type URI for a short, stable slug such as {@code not-found}. */
  public static String type(String slug) {
    return TYPE_PREFIX + slug;
  }
}
