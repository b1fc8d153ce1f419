package dev.zoclone.browser.service;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.zoclone.contract.browser.DragRequest;
import dev.zoclone.contract.browser.ElementRequest;
import dev.zoclone.contract.browser.FillRequest;
import dev.zoclone.contract.browser.PageInfo;
import dev.zoclone.contract.browser.UploadRequest;
import dev.zoclone.contract.browser.WaitForRequest;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/** Operations on one element of the active tab, found by selector or snapshot ref. */
@ApplicationScoped
public class ElementOperations {
  private static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

  private final SessionRunner runner;

  public ElementOperations(SessionRunner runner) {
    this.runner = runner;
  }

  /** click, dblclick, hover, check or uncheck. */
  public PageInfo act(String owner, String id, String action, ElementRequest request) {
    ElementRequest r = required(request);
    Targets.Target target = Targets.of(r.selector(), r.ref(), "selector");
    double timeout = runner.timeoutMs(r.timeoutMs());
    return onElement(
        owner,
        id,
        target,
        timeout,
        l -> {
          switch (action) {
            case "click" -> l.click(new Locator.ClickOptions().setTimeout(timeout));
            case "dblclick" -> l.dblclick(new Locator.DblclickOptions().setTimeout(timeout));
            case "hover" -> l.hover(new Locator.HoverOptions().setTimeout(timeout));
            case "check" -> l.check(new Locator.CheckOptions().setTimeout(timeout));
            case "uncheck" -> l.uncheck(new Locator.UncheckOptions().setTimeout(timeout));
            default -> throw new IllegalArgumentException(action);
          }
        });
  }

  /** Types text key by key into an element, then presses Enter when {@code submit}. */
  public PageInfo type(String owner, String id, ElementRequest request) {
    ElementRequest r = required(request);
    if (r.text() == null) {
      throw ProblemException.badRequest("text", "is required");
    }
    Targets.Target target = Targets.of(r.selector(), r.ref(), "selector");
    double timeout = runner.timeoutMs(r.timeoutMs());
    return onElement(
        owner,
        id,
        target,
        timeout,
        l -> {
          l.pressSequentially(r.text(), new Locator.PressSequentiallyOptions().setTimeout(timeout));
          if (Boolean.TRUE.equals(r.submit())) {
            l.press("Enter", new Locator.PressOptions().setTimeout(timeout));
          }
        });
  }

  /** Presses a key (e.g. {@code Enter}, {@code Control+A}) on an element or the focused one. */
  public PageInfo press(String owner, String id, ElementRequest request) {
    ElementRequest r = required(request);
    if (r.key() == null || r.key().isBlank()) {
      throw ProblemException.badRequest("key", "is required");
    }
    boolean onElement = r.selector() != null || r.ref() != null;
    Targets.Target target = onElement ? Targets.of(r.selector(), r.ref(), "selector") : null;
    double timeout = runner.timeoutMs(r.timeoutMs());
    return runner.run(
        owner,
        id,
        (long) timeout,
        s -> {
          if (target == null) {
            s.page().keyboard().press(r.key());
          } else {
            target.act(
                s.page(),
                l -> {
                  l.press(r.key(), new Locator.PressOptions().setTimeout(timeout));
                  return null;
                });
          }
          return PageOperations.info(s.page(), null);
        });
  }

  /** Fills several form fields in one call. */
  public PageInfo fill(String owner, String id, FillRequest request) {
    if (request == null || request.fields() == null || request.fields().isEmpty()) {
      throw ProblemException.badRequest("fields", "at least one field is required");
    }
    List<Targets.Target> targets = new ArrayList<>();
    for (int i = 0; i < request.fields().size(); i++) {
      FillRequest.Field field = request.fields().get(i);
      if (field == null || field.value() == null) {
        throw ProblemException.badRequest("fields[" + i + "].value", "is required");
      }
      targets.add(Targets.of(field.selector(), field.ref(), "fields[" + i + "].selector"));
    }
    double timeout = runner.timeoutMs(request.timeoutMs());
    return runner.run(
        owner,
        id,
        (long) timeout,
        s -> {
          for (int i = 0; i < targets.size(); i++) {
            String value = request.fields().get(i).value();
            targets
                .get(i)
                .act(
                    s.page(),
                    l -> {
                      l.fill(value, new Locator.FillOptions().setTimeout(timeout));
                      return null;
                    });
          }
          return PageOperations.info(s.page(), null);
        });
  }

  /** Selects options of a {@code <select>} by value or label. */
  public PageInfo select(String owner, String id, ElementRequest request) {
    ElementRequest r = required(request);
    if (r.values() == null || r.values().isEmpty()) {
      throw ProblemException.badRequest("values", "at least one value is required");
    }
    Targets.Target target = Targets.of(r.selector(), r.ref(), "selector");
    double timeout = runner.timeoutMs(r.timeoutMs());
    return onElement(
        owner,
        id,
        target,
        timeout,
        l ->
            l.selectOption(
                r.values().toArray(String[]::new),
                new Locator.SelectOptionOptions().setTimeout(timeout)));
  }

  public PageInfo drag(String owner, String id, DragRequest request) {
    if (request == null) {
      throw ProblemException.badRequest("body", "is required");
    }
    Targets.Target from = Targets.of(request.fromSelector(), request.fromRef(), "from_selector");
    Targets.Target to = Targets.of(request.toSelector(), request.toRef(), "to_selector");
    double timeout = runner.timeoutMs(request.timeoutMs());
    return runner.run(
        owner,
        id,
        (long) timeout,
        s -> {
          Page page = s.page();
          Locator target =
              to.act(
                  page,
                  l -> {
                    l.waitFor(new Locator.WaitForOptions().setTimeout(timeout));
                    return l;
                  });
          from.act(
              page,
              l -> {
                l.dragTo(target, new Locator.DragToOptions().setTimeout(timeout));
                return null;
              });
          return PageOperations.info(page, null);
        });
  }

  public PageInfo upload(String owner, String id, UploadRequest request) {
    if (request == null || request.files() == null || request.files().isEmpty()) {
      throw ProblemException.badRequest("files", "at least one file is required");
    }
    Targets.Target target = Targets.of(request.selector(), request.ref(), "selector");
    List<FilePayload> files = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < request.files().size(); i++) {
      UploadRequest.FileContent file = request.files().get(i);
      if (file == null || file.name() == null || file.name().isBlank()) {
        throw ProblemException.badRequest("files[" + i + "].name", "is required");
      }
      byte[] bytes;
      try {
        bytes =
            Base64.getDecoder().decode(file.contentBase64() == null ? "" : file.contentBase64());
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("files[" + i + "].content_base64", "is not base64");
      }
      total += bytes.length;
      if (total > MAX_UPLOAD_BYTES) {
        throw new ProblemException(
            413, "too-large", "Too large", "uploads are limited to " + MAX_UPLOAD_BYTES + " bytes");
      }
      files.add(new FilePayload(file.name(), "application/octet-stream", bytes));
    }
    double timeout = runner.timeoutMs(request.timeoutMs());
    return onElement(
        owner,
        id,
        target,
        timeout,
        l ->
            l.setInputFiles(
                files.toArray(FilePayload[]::new),
                new Locator.SetInputFilesOptions().setTimeout(timeout)));
  }

  /** Waits until a selector appears, a text appears, or a text is gone. */
  public PageInfo waitFor(String owner, String id, WaitForRequest request) {
    if (request == null) {
      throw ProblemException.badRequest("body", "is required");
    }
    int given =
        (request.selector() != null ? 1 : 0)
            + (request.text() != null ? 1 : 0)
            + (request.textGone() != null ? 1 : 0);
    if (given != 1) {
      throw ProblemException.badRequest(
          "selector", "give exactly one of selector, text, text_gone");
    }
    double timeout = runner.timeoutMs(request.timeoutMs());
    return runner.run(
        owner,
        id,
        (long) timeout,
        s -> {
          Page page = s.page();
          String what;
          Locator locator;
          WaitForSelectorState state = WaitForSelectorState.VISIBLE;
          if (request.selector() != null) {
            locator = page.locator(request.selector()).first();
            what = "selector '" + request.selector() + "'";
          } else if (request.text() != null) {
            locator = page.getByText(request.text()).first();
            what = "text '" + request.text() + "'";
          } else {
            locator = page.getByText(request.textGone()).first();
            what = "text '" + request.textGone() + "' to go";
            state = WaitForSelectorState.HIDDEN;
          }
          try {
            locator.waitFor(new Locator.WaitForOptions().setState(state).setTimeout(timeout));
          } catch (com.microsoft.playwright.TimeoutError e) {
            throw new ProblemException(
                504, "timeout", "Timed out", "waited " + (long) timeout + " ms for " + what);
          }
          return PageOperations.info(page, null);
        });
  }

  /** Runs {@code action} on the target element in the session's worker; answers the page. */
  private PageInfo onElement(
      String owner, String id, Targets.Target target, double timeout, Consumer<Locator> action) {
    return runner.run(
        owner,
        id,
        (long) timeout,
        s -> {
          target.act(
              s.page(),
              l -> {
                action.accept(l);
                return null;
              });
          return PageOperations.info(s.page(), null);
        });
  }

  private static ElementRequest required(ElementRequest request) {
    if (request == null) {
      throw ProblemException.badRequest("selector", "a selector or ref is required");
    }
    return request;
  }
}
