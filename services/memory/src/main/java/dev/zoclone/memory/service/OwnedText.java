package dev.zoclone.memory.service;

/** A text to embed and the user it belongs to, whose recent vectors alone may serve it. */
public record OwnedText(String owner, String text) {}
