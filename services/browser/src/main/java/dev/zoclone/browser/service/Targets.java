package dev.zoclone.browser.service;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import dev.zoclone.platform.problem.ProblemException;
import java.util.function.Function;

/**
 * Finds the element an operation names, by selector or by a ref from the latest aria snapshot, and
 * answers 404 naming it when it is not on the page.
 */
final class Targets {
  private static final String REF = "[a-z]*\\d*e\\d+";

  private Targets() {}

  /** The element named by exactly one of {@code selector} and {@code ref}. */
  static Target of(String selector, String ref, String field) {
    boolean hasSelector = selector != null && !selector.isBlank();
    boolean hasRef = ref != null && !ref.isBlank();
    if (hasSelector == hasRef) {
      throw ProblemException.badRequest(field, "give exactly one of selector and ref");
    }
    if (hasRef && !ref.matches(REF)) {
      throw ProblemException.badRequest("ref", "a ref from the snapshot, such as e12");
    }
    return hasRef
        ? new Target("aria-ref=" + ref, "ref " + ref)
        : new Target(selector, "selector '" + selector + "'");
  }

  /** A Playwright selector and how to name it to the caller. */
  record Target(String selector, String description) {
    Locator locate(Page page) {
      return page.locator(selector).first();
    }

    /** Runs {@code action} on the element; 404 when no element matches, 504 when it stays busy. */
    <T> T act(Page page, Function<Locator, T> action) {
      Locator locator = locate(page);
      try {
        return action.apply(locator);
      } catch (TimeoutError e) {
        if (absent(locator)) {
          throw notFound();
        }
        throw new ProblemException(
            504,
            "timeout",
            "Timed out",
            description
                + " matched, but the action did not complete: "
                + PlaywrightErrors.firstLine(e.getMessage()));
      } catch (PlaywrightException e) {
        if (absent(locator)) {
          throw notFound();
        }
        throw e;
      }
    }

    ProblemException notFound() {
      return new ProblemException(
          404, "element-not-found", "Element not found", "no element matches " + description);
    }

    private static boolean absent(Locator locator) {
      try {
        return locator.count() == 0;
      } catch (PlaywrightException e) {
        return true;
      }
    }
  }
}
