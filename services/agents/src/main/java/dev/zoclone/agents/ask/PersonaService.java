package dev.zoclone.agents.ask;

import dev.zoclone.agents.repository.PersonaEntity;
import dev.zoclone.agents.repository.PersonaRepository;
import dev.zoclone.agents.tool.AskTools;
import dev.zoclone.agents.tool.ToolRegistry;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Personas: named system prompts (with skills on or off), each owned by one user. */
@ApplicationScoped
public class PersonaService {
  private final PersonaRepository personas;
  private final ToolRegistry registry;

  public PersonaService(PersonaRepository personas, ToolRegistry registry) {
    this.personas = personas;
    this.registry = registry;
  }

  /** A persona as the API shows it. */
  public record Persona(
      String id,
      String name,
      String systemPrompt,
      boolean skills,
      List<String> tools,
      Instant createdAt) {}

  /**
   * What an ask takes from its persona: the system prompt, whether skills are on, and the tool
   * groups offered when the ask names none (null: every group).
   */
  public record AskPersona(String systemPrompt, boolean skills, List<String> tools) {}

  /** A persona's fields as a create or an update gives them; null keeps skills and tools. */
  public record Fields(String name, String systemPrompt, Boolean skills, List<String> tools) {}

  @Transactional
  public Persona create(String owner, Fields fields) {
    PersonaEntity persona = new PersonaEntity();
    persona.id = UUID.randomUUID().toString();
    persona.owner = owner;
    apply(persona, fields);
    persona.createdAt = Instant.now();
    personas.persist(persona);
    return view(persona);
  }

  @Transactional
  public Persona update(String owner, String id, Fields fields) {
    PersonaEntity persona = owned(owner, id);
    apply(persona, fields);
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
   * The persona's system prompt and skills setting; no prompt and skills on when {@code id} is null
   * (no transaction then); 404 when not the owner's.
   */
  public AskPersona forAsk(String owner, String id) {
    if (id == null) {
      return new AskPersona(null, true, null);
    }
    return QuarkusTransaction.joiningExisting()
        .call(
            () -> {
              PersonaEntity persona = owned(owner, id);
              return new AskPersona(persona.systemPrompt, persona.skills, tools(persona));
            });
  }

  private PersonaEntity owned(String owner, String id) {
    return personas.owned(owner, id).orElseThrow(() -> ProblemException.notFound("persona " + id));
  }

  /**
   * Sets the fields; {@code skills} and {@code tools} null keep the current setting (skills on and
   * every tool group for a new persona). Tool groups are checked as an ask's are (400 naming {@code
   * tools}).
   */
  private void apply(PersonaEntity persona, Fields fields) {
    if (fields.name() == null || fields.name().isBlank()) {
      throw ProblemException.badRequest("name", "is required");
    }
    if (fields.systemPrompt() == null || fields.systemPrompt().isBlank()) {
      throw ProblemException.badRequest("system_prompt", "is required");
    }
    persona.name = fields.name().trim();
    persona.systemPrompt = fields.systemPrompt();
    if (fields.skills() != null) {
      persona.skills = fields.skills();
    }
    if (fields.tools() != null) {
      registry.select(
          fields.tools().stream().filter(group -> !AskTools.MCP.equals(group)).toList());
      persona.tools = String.join(",", fields.tools());
    }
  }

  private static List<String> tools(PersonaEntity p) {
    return p.tools == null ? null : p.tools.isEmpty() ? List.of() : List.of(p.tools.split(","));
  }

  private static Persona view(PersonaEntity p) {
    return new Persona(p.id, p.name, p.systemPrompt, p.skills, tools(p), p.createdAt);
  }
}
