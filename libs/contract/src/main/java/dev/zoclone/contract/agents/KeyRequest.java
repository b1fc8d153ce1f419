package dev.zoclone.contract.agents;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code PUT /api/v1/keys/{name}}.
 *
 * @param provider openai, anthropic, groq, ollama, openrouter or openai_compatible
 * @param apiKey the secret (optional for ollama and local endpoints)
 * @param baseUrl the endpoint, when not the provider's default
 * @param defaultModel the model used when a request names only the key
 */
public record KeyRequest(
    String provider,
    @JsonProperty("api_key") String apiKey,
    @JsonProperty("base_url") String baseUrl,
    @JsonProperty("default_model") String defaultModel) {}
