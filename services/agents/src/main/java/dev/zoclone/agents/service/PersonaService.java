package dev.zoclone.agents.service;

import dev.zoclone.agents.repository.PersonaEntity;
import dev.zoclone.agents.repository.PersonaRepository;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Personas: named system prompts (with skills on or off), each owned by one user. */
@ApplicationScoped
public class PersonaService {
  private final PersonaRepository personas;

  public PersonaService(PersonaRepository personas) {
    this.personas = personas;
  }

  /** A persona as the API shows it. */
  public record Persona(
      String id, String name, String systemPrompt, boolean skills, Instant createdAt) {}

  /** What an ask takes from its persona: the system prompt and whether skills are on. */
  public record AskPersona(String systemPrompt, boolean skills) {}

  @Transactional
  public Persona create(String owner, String name, String systemPrompt, Boolean skills) {
    PersonaEntity persona = new PersonaEntity();
    persona.id = UUID.randomUUID().toString();
    persona.owner = owner;
    apply(persona, name, systemPrompt, skills);
    persona.createdAt = Instant.now();
    personas.persist(persona);
    return view(persona);
  }

  @Transactional
  public Persona update(String owner, String id, String name, String systemPrompt, Boolean skills) {
    PersonaEntity persona = owned(owner, id);
    apply(persona, name, systemPrompt, skills);
    return view(persona);
  }

  @Transactional
  public List<Persona> list(String owner) {
    return personas.ofOwner(owner).stream().map(PersonaService::view).toList();
  }

  @Transactional
  public Persona get(String owner, String id) {
    return view(owned(owner, id));
  }

  @Transactional
  public void delete(String owner, String id) {
    personas.delete(owned(owner, id));
  }

  /**
   * The persona's system prompt and skills setting; no prompt and skills on when {@code id} is
   * null; 404 when not the owner's.
   */
  @Transactional
  public AskPersona forAsk(String owner, String id) {
    if (id == null) {
      return new AskPersona(null, true);
    }
    PersonaEntity persona = owned(owner, id);
    return new AskPersona(persona.systemPrompt, persona.skills);
  }

  private PersonaEntity owned(String owner, String id) {
    return personas.owned(owner, id).orElseThrow(() -> ProblemException.notFound("persona " + id));
  }

  /** Sets the fields; {@code skills} null keeps the current setting (on for a new persona). */
  private static void apply(
      PersonaEntity persona, String name, String systemPrompt, Boolean skills) {
    if (name == null || name.isBlank()) {
      throw ProblemException.badRequest("name", "is required");
    }
    if (systemPrompt == null || systemPrompt.isBlank()) {
      throw ProblemException.badRequest("system_prompt", "is required");
    }
    persona.name = name.trim();
    persona.systemPrompt = systemPrompt;
    if (skills != null) {
      persona.skills = skills;
    }
  }

  private static Persona view(PersonaEntity p) {
    return new Persona(p.id, p.name, p.systemPrompt, p.skills, p.createdAt);
  }
}
