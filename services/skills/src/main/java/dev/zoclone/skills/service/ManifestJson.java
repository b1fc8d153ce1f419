package dev.zoclone.skills.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.contract.Problem.FieldError;
import dev.zoclone.skillkit.SkillManifest;
import dev.zoclone.skillkit.SkillProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Stores manifests and warnings as JSON in the registry, and reads them back. */
@ApplicationScoped
public class ManifestJson {
  private final ObjectMapper mapper;

  public ManifestJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public String write(SkillManifest manifest) {
    return json(manifest);
  }

  public String writeProblems(List<SkillProblem> problems) {
    return json(fieldErrors(problems));
  }

  public SkillManifest manifest(String json) {
    try {
      return mapper.readValue(json, SkillManifest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored manifest is unreadable", e);
    }
  }

  public List<FieldError> warnings(String json) {
    try {
      return mapper.readValue(json, new TypeReference<List<FieldError>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored warnings are unreadable", e);
    }
  }

  /** Skillkit problems as the contract's field errors. */
  public static List<FieldError> fieldErrors(List<SkillProblem> problems) {
    return problems.stream().map(p -> new FieldError(p.field(), p.message())).toList();
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
