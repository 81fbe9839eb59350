package ai.clouvel.core.store;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.content.PostRepository;
import ai.clouvel.core.image.ImageRepository;
import ai.clouvel.core.image.StoredImage;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.ProductRepository;
import ai.clouvel.core.usage.Usage;
import ai.clouvel.core.usage.UsageRepository;
import ai.clouvel.core.usage.UsageTotals;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link CatalogStore} in memory: for tests, examples and core-only use. Everything is lost
 * when the process ends; use {@code clouvel-store} for anything that must last. Thread-safe.
 */
public final class InMemoryCatalogStore implements CatalogStore {
  private final Clock clock;
  private final AtomicLong nextProductId = new AtomicLong(1);
  private final Map<Long, Product> products = new ConcurrentHashMap<>();
  private final Map<String, Product> drafts = new ConcurrentHashMap<>();
  private final Map<Long, String> runsByProduct = new ConcurrentHashMap<>();
  private final Map<String, String> reservationsByPost = new ConcurrentHashMap<>();
  private final Map<String, String> reservationsByRun = new ConcurrentHashMap<>();
  private final Map<String, Post> posts = new ConcurrentHashMap<>();
  private final Map<String, StoredImage> images = new ConcurrentHashMap<>();
  private final Object usageLock = new Object();
  private UsageTotals usageTotals = UsageTotals.NONE;

  /**
   * Creates an empty store.
   *
   * @param clock stamps stored images
   */
  public InMemoryCatalogStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ProductRepository products() {
    return new ProductRepository() {
      @Override
      public long nextId() {
        return nextProductId.getAndIncrement();
      }

      @Override
      public void save(Product product) {
        products.put(product.id(), product);
      }

      @Override
      public Optional<Product> find(long id) {
        return Optional.ofNullable(products.get(id));
      }

      @Override
      public Product saveDraft(String runId, Product product) {
        synchronized (drafts) {
          Optional<Product> existing = findByRun(runId);
          if (existing.isPresent()) {
            return existing.get();
          }
          drafts.put(runId, product);
          runsByProduct.put(product.id(), runId);
          return product;
        }
      }

      @Override
      public Optional<Product> findByRun(String runId) {
        synchronized (drafts) {
          Product draft = drafts.get(runId);
          if (draft != null) {
            return Optional.of(draft);
          }
          return products.values().stream().filter(p -> runId.equals(runsByProduct.get(p.id()))).findFirst();
        }
      }

      @Override
      public boolean publish(long productId) {
        synchronized (drafts) {
          String runId = runsByProduct.get(productId);
          Product draft = runId == null ? null : drafts.get(runId);
          if (draft == null || draft.id() != productId) {
            return false;
          }
          drafts.remove(runId);
          products.put(productId, draft);
          return true;
        }
      }

      @Override
      public boolean discardDraft(String runId) {
        synchronized (drafts) {
          Product draft = drafts.remove(runId);
          if (draft == null) {
            return false;
          }
          runsByProduct.remove(draft.id());
          return true;
        }
      }

      @Override
      public Page<Product> list(PageRequest page, String subreddit) {
        List<Product> matching = new ArrayList<>();
        for (Product product : products.values()) {
          if (subreddit == null || product.subreddit().equalsIgnoreCase(subreddit)) {
            matching.add(product);
          }
        }
        matching.sort(Comparator.comparing(Product::createdAt).thenComparing(Product::id).reversed());
        int from = Math.min(page.offset(), matching.size());
        int to = Math.min(from + page.limit(), matching.size());
        return Page.of(matching.subList(from, to), matching.size(), page);
      }
    };
  }

  @Override
  public PostRepository posts() {
    return new PostRepository() {
      @Override
      public void save(Post post) {
        posts.put(post.id(), post);
      }

      @Override
      public Optional<Post> find(String id) {
        return Optional.ofNullable(posts.get(id));
      }

      @Override
      public boolean isIllustrated(String postId) {
        return reservationsByPost.containsKey(postId)
            || products.values().stream().anyMatch(p -> p.postId().equals(postId));
      }

      @Override
      public boolean reserve(String postId, String runId) {
        synchronized (reservationsByPost) {
          String holder = reservationsByPost.get(postId);
          if (holder != null) {
            return holder.equals(runId);
          }
          if (reservationsByRun.containsKey(runId)) {
            return false;
          }
          reservationsByPost.put(postId, runId);
          reservationsByRun.put(runId, postId);
          return true;
        }
      }

      @Override
      public Optional<String> reservation(String runId) {
        return Optional.ofNullable(reservationsByRun.get(runId));
      }

      @Override
      public void release(String runId) {
        synchronized (reservationsByPost) {
          String postId = reservationsByRun.remove(runId);
          if (postId != null) {
            reservationsByPost.remove(postId);
          }
        }
      }
    };
  }

  @Override
  public ImageRepository images() {
    return new ImageRepository() {
      @Override
      public StoredImage save(byte[] bytes, String contentType) {
        String id = UUID.randomUUID().toString().replace("-", "");
        StoredImage image = new StoredImage(id, contentType, bytes, clock.instant());
        images.put(id, image);
        return image;
      }

      @Override
      public Optional<StoredImage> find(String id) {
        return Optional.ofNullable(images.get(id));
      }
    };
  }

  @Override
  public UsageRepository usage() {
    return new UsageRepository() {
      @Override
      public void record(String runId, String purpose, Usage usage) {
        synchronized (usageLock) {
          usageTotals = usageTotals.plus(usage);
        }
      }

      @Override
      public UsageTotals totals() {
        synchronized (usageLock) {
          return usageTotals;
        }
      }
    };
  }
}
