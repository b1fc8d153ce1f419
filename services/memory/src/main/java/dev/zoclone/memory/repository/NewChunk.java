package dev.zoclone.memory.repository;

/** A chunk of a memory with the vector the named model made of it. */
public record NewChunk(int seq, String content, float[] vector, String model) {}
