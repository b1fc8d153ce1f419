package dev.zoclone.browser.service;

import dev.zoclone.browser.repository.SessionStateRepository;
import dev.zoclone.browser.repository.SessionStateRepository.StoredState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Named sessions' cookies and local storage (Playwright's storageState), encrypted before they
 * reach PostgreSQL; anonymous sessions leave nothing.
 */
@ApplicationScoped
public class NamedStates {
  private final SessionStateRepository repository;
  private final StateCipher cipher;

  public NamedStates(SessionStateRepository repository, StateCipher cipher) {
    this.repository = repository;
    this.cipher = cipher;
  }

  /** The saved storageState JSON of the owner's named session. */
  Optional<String> load(String owner, String name) {
    return repository
        .find(owner, name)
        .map(s -> cipher.open(new StateCipher.Sealed(s.ciphertext(), s.nonce())));
  }

  /** On the session's worker thread: saves a named session's current state. */
  void save(BrowserSession session) {
    if (session.name() == null || session.lost()) {
      return;
    }
    StateCipher.Sealed sealed = cipher.seal(session.context().storageState());
    repository.save(
        session.owner(), session.name(), new StoredState(sealed.ciphertext(), sealed.nonce()));
  }
}
