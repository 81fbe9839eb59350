package ai.clouvel.core.commission.internal;

import ai.clouvel.core.commission.CommissionRejectedException;
import ai.clouvel.core.commission.CommissionRequest;
import ai.clouvel.core.commission.ValidatedCommission;
import ai.clouvel.core.content.ContentSource;
import ai.clouvel.core.content.Listing;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.content.PostFilter;
import ai.clouvel.core.content.PostIds;
import ai.clouvel.core.content.PostRejection;
import ai.clouvel.core.content.PostRepository;
import ai.clouvel.core.content.Subreddit;
import ai.clouvel.core.donation.CommissionRules;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Tier;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a commission or support request before anyone pays: the amount against the tiers and the
 * type's minimum, and, through the {@link ContentSource}, that the subreddit or post exists and is
 * fit to illustrate. Returns the post it found.
 */
final class CommissionValidator {
  private static final Pattern SUBREDDIT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]{1,20}");
  private static final int CANDIDATES = 25;
  private static final int MAX_MESSAGE = 500;

  private final ContentSource content;
  private final PostRepository posts;
  private final CommissionRules rules;
  private final PostFilter filter;
  private final Clock clock;

  /**
   * Creates the validator.
   *
   * @param content where posts and subreddits are checked
   * @param posts the stored posts, to know which were already illustrated
   * @param rules tiers and minimums
   * @param filter which posts are fit to illustrate
   * @param clock "now" for the post age check
   */
  CommissionValidator(ContentSource content, PostRepository posts, CommissionRules rules,
      PostFilter filter, Clock clock) {
    this.content = Objects.requireNonNull(content, "content");
    this.posts = Objects.requireNonNull(posts, "posts");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.filter = Objects.requireNonNull(filter, "filter").withAlreadyIllustrated(posts::isIllustrated);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Validates a request.
   *
   * @param request the request
   * @return the validated request with its tier, quality and post
   * @throws CommissionRejectedException with a code saying what is wrong
   */
  ValidatedCommission validate(CommissionRequest request) {
    checkType(request);
    rules.checkAmount(request.donationType(), request.commissionType(), request.amount()).ifPresent(problem -> {
      boolean inRange = request.amount().compareTo(rules.minimumAmount()) >= 0
          && request.amount().compareTo(rules.maximumAmount()) <= 0;
      throw new CommissionRejectedException(inRange ? "amount_below_minimum" : "amount_out_of_range",
          "amount_usd", problem);
    });
    return validateContent(request);
  }

  /**
   * Validates everything but the amount, for commissions an admin creates without payment.
   *
   * @param request the request
   * @return the validated request with its tier, quality and post
   * @throws CommissionRejectedException with a code saying what is wrong
   */
  ValidatedCommission validateContent(CommissionRequest request) {
    checkType(request);
    CommissionType type = request.commissionType();
    Tier tier = rules.tiers().tierFor(request.amount()).orElse(null);
    if (request.donationType() == DonationType.SUPPORT) {
      Post post = existingPost(request.postId());
      return new ValidatedCommission(withPost(request, post), tier, rules.tiers().qualityFor(request.amount()), post);
    }
    return switch (type) {
      case RANDOM_RANDOM -> new ValidatedCommission(without(request), tier,
          rules.tiers().qualityFor(request.amount()), null);
      case RANDOM_SUBREDDIT -> {
        String name = subredditName(request.subreddit());
        Post candidate = candidateIn(name);
        yield new ValidatedCommission(new CommissionRequest(request.amount(), request.donationType(), type,
            candidate.subreddit(), null, request.donor(), request.message()), tier,
            rules.tiers().qualityFor(request.amount()), candidate);
      }
      case SPECIFIC_POST -> {
        Post post = existingPost(request.postId());
        filter.check(post, clock).ifPresent(rejection -> {
          throw rejected(rejection);
        });
        yield new ValidatedCommission(withPost(request, post), tier, rules.tiers().qualityFor(request.amount()), post);
      }
    };
  }

  private static void checkType(CommissionRequest request) {
    if (request.message().length() > MAX_MESSAGE) {
      throw new CommissionRejectedException("message_too_long", "commission_message",
          "the message may have at most " + MAX_MESSAGE + " characters");
    }
    if (request.donationType() == DonationType.COMMISSION && request.commissionType() == null) {
      throw new CommissionRejectedException("missing_field", "commission_type",
          "commission_type is required: random_random, random_subreddit or specific_post");
    }
  }

  private Post existingPost(String reference) {
    if (reference == null) {
      throw new CommissionRejectedException("missing_field", "post_id", "post_id is required");
    }
    String id = PostIds.normalize(reference).orElseThrow(() -> new CommissionRejectedException(
        "invalid_post_id", "post_id", "post_id must be a Reddit post id or URL"));
    return content.post(id).or(() -> posts.find(id)).orElseThrow(() ->
        new CommissionRejectedException("post_not_found", "post_id", "post " + id + " was not found"));
  }

  private String subredditName(String subreddit) {
    if (subreddit == null) {
      throw new CommissionRejectedException("missing_field", "subreddit", "subreddit is required");
    }
    if (!SUBREDDIT.matcher(subreddit).matches()) {
      throw new CommissionRejectedException("invalid_subreddit", "subreddit", "not a subreddit name: " + subreddit);
    }
    Optional<Subreddit> about = content.subreddit(subreddit);
    if (about.isPresent() && about.get().nsfw()) {
      throw new CommissionRejectedException("nsfw", "subreddit", "r/" + subreddit + " is marked NSFW");
    }
    return about.map(Subreddit::name).orElse(subreddit);
  }

  private Post candidateIn(String subreddit) {
    List<Post> hot = content.posts(subreddit, Listing.HOT, CANDIDATES);
    if (hot.isEmpty() && content.subreddit(subreddit).isEmpty()) {
      throw new CommissionRejectedException("subreddit_not_found", "subreddit", "r/" + subreddit + " was not found");
    }
    return hot.stream().filter(post -> filter.accepts(post, clock)).findFirst().orElseThrow(() ->
        new CommissionRejectedException("no_eligible_post", "subreddit",
            "r/" + subreddit + " has no post fit to illustrate right now"));
  }

  private static CommissionRequest withPost(CommissionRequest request, Post post) {
    return new CommissionRequest(request.amount(), request.donationType(), request.commissionType(),
        post.subreddit(), post.id(), request.donor(), request.message());
  }

  private static CommissionRequest without(CommissionRequest request) {
    return new CommissionRequest(request.amount(), request.donationType(), request.commissionType(), null, null,
        request.donor(), request.message());
  }

  private static CommissionRejectedException rejected(PostRejection rejection) {
    String code = switch (rejection) {
      case NSFW -> "nsfw";
      case TITLE_TOO_SHORT -> "title_too_short";
      case ALREADY_ILLUSTRATED -> "already_illustrated";
      case TOO_OLD -> "post_too_old";
      case NOT_ENOUGH_SUBSTANCE -> "post_too_thin";
      default -> "post_unavailable";
    };
    return new CommissionRejectedException(code, "post_id", rejection.message());
  }
}
