package ai.clouvel.server.metrics;

import ai.clouvel.core.agent.CommunityPublisher;
import ai.clouvel.core.agent.DecisionMaker;
import ai.clouvel.core.content.ContentSource;
import ai.clouvel.core.idea.CommentSummarizer;
import ai.clouvel.core.idea.IdeaGenerator;
import ai.clouvel.core.image.ImageGenerator;
import ai.clouvel.core.image.ImageHost;
import ai.clouvel.core.payment.PaymentGateway;
import ai.clouvel.core.provider.BadResponseException;
import ai.clouvel.core.provider.ContentRejectedException;
import ai.clouvel.core.provider.ProviderRequestException;
import ai.clouvel.core.provider.ProviderUnavailableException;
import ai.clouvel.core.provider.RateLimitedException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Wraps providers so that every call is timed by provider, operation and outcome. (Model spend is
 * counted from the pipeline's model calls by {@link ModelSpendListener}.) Outcomes: {@code success}, {@code rate_limited},
 * {@code unavailable}, {@code bad_response}, {@code rejected}, {@code refused} (a 4xx) and
 * {@code error} (anything else).
 */
public final class MeteredProviders {
  private final ServerMetrics metrics;

  /**
   * Creates the wrapper factory.
   *
   * @param metrics where calls are recorded
   */
  public MeteredProviders(ServerMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  <T> T time(String provider, String operation, Supplier<T> call) {
    long started = metrics.monotonicTime();
    String outcome = "error";
    try {
      T result = call.get();
      outcome = "success";
      return result;
    } catch (RuntimeException e) {
      outcome = outcome(e);
      throw e;
    } finally {
      metrics.recordProviderCall(provider, operation, outcome, metrics.monotonicTime() - started);
    }
  }

  static String outcome(RuntimeException e) {
    if (e instanceof RateLimitedException) {
      return "rate_limited";
    } else if (e instanceof ProviderUnavailableException) {
      return "unavailable";
    } else if (e instanceof BadResponseException) {
      return "bad_response";
    } else if (e instanceof ContentRejectedException) {
      return "rejected";
    } else if (e instanceof ProviderRequestException) {
      return "refused";
    }
    return "error";
  }

  /**
   * Meters an idea generator.
   *
   * @param provider the provider's name
   * @param ideas the generator
   * @return the metered generator
   */
  public IdeaGenerator ideas(String provider, IdeaGenerator ideas) {
    return request -> {
      return time(provider, "idea", () -> ideas.generate(request));
    };
  }

  /**
   * Meters a comment summarizer.
   *
   * @param provider the provider's name
   * @param summarizer the summarizer
   * @return the metered summarizer
   */
  public CommentSummarizer summaries(String provider, CommentSummarizer summarizer) {
    return (post, comments) -> {
      return time(provider, "summary", () -> summarizer.summarize(post, comments));
    };
  }

  /**
   * Meters an image generator.
   *
   * @param provider the provider's name
   * @param images the generator
   * @return the metered generator
   */
  public ImageGenerator images(String provider, ImageGenerator images) {
    return request -> {
      return time(provider, "image", () -> images.generate(request));
    };
  }

  /**
   * Meters an image host.
   *
   * @param provider the provider's name
   * @param host the host
   * @return the metered host
   */
  public ImageHost host(String provider, ImageHost host) {
    return (png, productId) -> time(provider, "host_image", () -> host.host(png, productId));
  }

  /**
   * Meters a community publisher: each comment, reply and submission.
   *
   * @param provider the provider's name
   * @param publisher the publisher
   * @return the metered publisher
   */
  public CommunityPublisher community(String provider, CommunityPublisher publisher) {
    return proxy(CommunityPublisher.class, provider, publisher, Set.of("account"));
  }

  /**
   * Meters a decision maker: each decision.
   *
   * @param provider the provider's name
   * @param decisions the decision maker
   * @return the metered decision maker
   */
  public DecisionMaker decisions(String provider, DecisionMaker decisions) {
    return proxy(DecisionMaker.class, provider, decisions, Set.of());
  }

  /**
   * Meters a content source: every call but {@code suggestedSubreddits}, which is configuration.
   *
   * @param provider the provider's name
   * @param source the source
   * @return the metered source
   */
  public ContentSource content(String provider, ContentSource source) {
    return proxy(ContentSource.class, provider, source, Set.of("suggestedSubreddits"));
  }

  /**
   * Meters a payment gateway: every call but {@code name} and {@code parseWebhook}, which are local.
   *
   * @param provider the provider's name
   * @param gateway the gateway
   * @return the metered gateway
   */
  public PaymentGateway payments(String provider, PaymentGateway gateway) {
    return proxy(PaymentGateway.class, provider, gateway, Set.of("name", "parseWebhook"));
  }

  /**
   * Wraps every method of a port, whatever methods the port grows, timing all but the named ones;
   * the operation is the method's name in snake_case.
   */
  private <T> T proxy(Class<T> port, String provider, T target, Set<String> untimed) {
    Objects.requireNonNull(target, "target");
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class || untimed.contains(method.getName())) {
        return invoke(method, target, args);
      }
      return time(provider, snakeCase(method.getName()), () -> invoke(method, target, args));
    };
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
  }

  private static Object invoke(Method method, Object target, Object[] args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
