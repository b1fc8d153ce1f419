package dev.zoclone.memory.repository;

import java.util.Map;

/**
 * One hybrid search.
 *
 * @param owner whose memories
 * @param model only vectors of this model take part
 * @param vector the query's vector
 * @param text the query's text, for the full-text ranking
 * @param filter meta entries every result must have (empty for none)
 * @param excludeConversation a conversation whose turns are left out (null for none)
 * @param limit most memories answered
 * @param candidates hits taken from each ranking before fusion
 * @param maxDistance cosine distance beyond which a vector hit is no candidate
 */
public record RecallQuery(
    String owner,
    String model,
    float[] vector,
    String text,
    Map<String, String> filter,
    String excludeConversation,
    int limit,
    int candidates,
    double maxDistance) {}
