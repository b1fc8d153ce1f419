package dev.zoclone.agents.mcp.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One user's MCP server: its headers only as ciphertext, with their names in the clear. */
@Entity
@Table(name = "mcp_server")
@IdClass(McpServerEntity.Key.class)
public class McpServerEntity {
  @Id public String owner;
  @Id public String name;
  public String url;
  public String transport;

  @Column(name = "headers_ciphertext")
  public byte[] headersCiphertext;

  @Column(name = "headers_nonce")
  public byte[] headersNonce;

  @Column(name = "master_fingerprint")
  public String masterFingerprint;

  /** A JSON array of the header names. */
  @Column(name = "header_names")
  public String headerNames;

  /** A JSON array of tool names, or null for all. */
  @Column(name = "enabled_tools")
  public String enabledTools;

  public boolean enabled;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  /** The composite key: a name is unique per owner. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    public String owner;
    public String name;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && java.util.Objects.equals(owner, key.owner)
          && java.util.Objects.equals(name, key.name);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(owner, name);
    }
  }
}
