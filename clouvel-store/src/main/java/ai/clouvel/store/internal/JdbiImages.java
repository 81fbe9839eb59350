package ai.clouvel.store.internal;

import ai.clouvel.core.image.ImageRepository;
import ai.clouvel.core.image.StoredImage;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Image bytes on Jdbi. */
public final class JdbiImages implements ImageRepository {
  private final Db db;

  /**
   * Creates the repository.
   *
   * @param db database access
   */
  public JdbiImages(Db db) {
    this.db = db;
  }

  @Override
  public StoredImage save(byte[] bytes, String contentType) {
    String id = UUID.randomUUID().toString().replace("-", "");
    long now = db.now();
    db.write(h -> h.createUpdate("""
            INSERT INTO images (id, content_type, bytes, size_bytes, created_at)
            VALUES (:id, :contentType, :bytes, :size, :createdAt)""")
        .bind("id", id)
        .bind("contentType", contentType)
        .bind("bytes", bytes)
        .bind("size", bytes.length)
        .bind("createdAt", now)
        .execute());
    return new StoredImage(id, contentType, bytes, Instant.ofEpochMilli(now));
  }

  @Override
  public Optional<StoredImage> find(String id) {
    return db.read(h -> h.createQuery("SELECT * FROM images WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new StoredImage(rs.getString("id"), rs.getString("content_type"),
            rs.getBytes("bytes"), Instant.ofEpochMilli(rs.getLong("created_at"))))
        .findOne());
  }
}
