package ai.clouvel.core.offline;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.idea.GeneratedIdea;
import ai.clouvel.core.idea.IdeaGenerator;
import ai.clouvel.core.idea.IdeaRequest;
import ai.clouvel.core.idea.ProductIdea;
import ai.clouvel.core.internal.Hashing;
import ai.clouvel.core.usage.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An {@link IdeaGenerator} that needs no model: it picks the post's most telling words (title
 * words count triple) and fills templates with them, so different posts give different ideas and
 * the same post always gives the same idea.
 */
public final class TemplateIdeaGenerator implements IdeaGenerator {
  /** The prompt version stored on products made with this generator. */
  public static final String PROMPT_VERSION = "template-v1";

  private static final Set<String> STOP_WORDS = Set.of(
      "about", "after", "again", "against", "all", "also", "and", "any", "are", "because",
      "been", "before", "being", "below", "between", "both", "but", "can", "could", "did",
      "does", "doing", "down", "during", "each", "even", "every", "few", "finally", "first",
      "for", "from", "further", "had", "has", "have", "having", "her", "here", "hers", "him",
      "his", "how", "into", "its", "just", "like", "look", "looks", "looked", "made", "make",
      "makes", "more", "most", "much", "must", "now", "off", "once", "one", "only", "other",
      "our", "ours", "out", "over", "own", "really", "same", "said", "she", "should", "some",
      "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "thing",
      "this", "those", "three", "through", "time", "too", "two", "under", "until", "very", "was",
      "way", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
      "with", "would", "year", "years", "you", "your", "yours", "today", "went", "got", "get",
      "gets", "took", "still", "felt", "feel", "feels", "anyway", "everyone", "nobody",
      "thousand", "hundred", "full", "within", "new", "last", "next", "many", "ever", "never",
      "best", "came", "come", "know", "across", "open", "four", "five", "seven", "eight", "nine",
      "twenty", "forty", "fifty", "spent", "found", "turned", "whole", "great", "going",
      "strong", "something", "another", "inside", "everything", "always", "little", "tiny",
      "huge", "enormous", "loves", "love", "loved", "nearly", "hands", "days", "weeks", "months");

  private static final Set<String> CLAUSE_BREAKS = Set.of(
      "after", "and", "but", "because", "while", "so", "now", "when", "which", "that", "who");

  private static final Set<String> DANGLING = Set.of(
      "a", "an", "the", "of", "to", "in", "on", "at", "for", "my", "our", "with", "from", "by",
      "its", "his", "her", "their", "your", "into", "over", "up", "through", "about", "across",
      "after", "before", "like", "than");

  /** Words that open a subordinate phrase at the start of a title ("After two years, my ..."). */
  private static final Set<String> SUBORDINATE = Set.of("after", "when", "while", "since", "because", "before", "once");

  /** Words a new phrase starts with, so a title may end just before them. */
  private static final Set<String> PHRASE_STARTS = Set.of(
      "in", "on", "at", "from", "with", "for", "through", "across", "over", "into", "near", "under", "during",
      "i", "we", "my", "our", "they", "she", "he", "still", "finally", "now", "just", "really", "even", "nearly",
      "while", "because", "and", "but", "so", "when", "which", "that", "who", "where", "after", "before");

  /** Words a title must not end on: it would stop mid-phrase. */
  private static final Set<String> NO_END = Set.of(
      "a", "an", "the", "of", "to", "in", "on", "at", "for", "my", "our", "with", "from", "by", "its", "his", "her",
      "their", "your", "into", "over", "up", "through", "about", "across", "after", "before", "like", "than", "i",
      "we", "they", "she", "he", "and", "but", "or", "finally", "still", "now", "just", "really", "even", "nearly",
      "every", "some", "very", "who", "that", "which", "while", "because", "when", "where", "so");

  private static final Set<String> VERBS = Set.of(
      "look", "looks", "made", "make", "makes", "has", "have", "had", "is", "are", "was", "were", "feel", "felt",
      "came", "steals", "nap", "naps", "slept", "read", "rode", "built", "kept", "miss", "been", "going", "became",
      "took", "went", "got", "ran", "saw", "fell", "grew", "began", "turned");

  private static final int MAX_TITLE_WORDS = 8;

  private static final Set<String> MINOR_WORDS = Set.of(
      "a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "by", "as",
      "is", "its", "from", "with", "into", "over");

  private static final String[] STYLES = {
      "vintage travel poster", "soft watercolor painting", "bold linocut print",
      "art deco poster", "mid-century modern illustration", "dreamy gouache painting",
      "retro screen print", "storybook illustration", "ukiyo-e inspired woodblock print",
      "minimalist flat vector illustration"};

  private static final String[] THEMES = {
      "Ode to %s", "%s Season", "Field Notes: %s", "%s at Golden Hour", "The Legend of %s",
      "%s, Remembered", "Postcard from %s", "Small Wonders: %s"};

  private static final String[] MOODS = {
      "joyful and triumphant", "calm and wistful", "cozy and warm", "awe-struck and quiet",
      "playful and bright", "nostalgic and gentle"};

  /** Creates the generator. */
  public TemplateIdeaGenerator() {
  }

  @Override
  public GeneratedIdea generate(IdeaRequest request) {
    Post post = request.post();
    List<String> words = keywords(post, request.commentSummary());
    int seed = (int) (Hashing.fnv64(post.id()) >>> 33);
    String style = STYLES[seed % STYLES.length];
    String mood = MOODS[(seed / STYLES.length) % MOODS.length];
    String lead = capitalize(lead(words));
    String theme = String.format(Locale.ROOT, THEMES[(seed / 7) % THEMES.length], lead);
    String imageTitle = titleCase(title(post.title()));
    StringBuilder description = new StringBuilder()
        .append(article(style)).append(' ').append(style).append(" of ").append(phrase(words))
        .append(", inspired by the r/").append(post.subreddit()).append(" post \"")
        .append(post.title()).append("\". The mood is ").append(mood).append('.');
    if (words.size() > 3) {
      description.append(" Small details nod to ").append(words.get(3));
      if (words.size() > 4) {
        description.append(" and ").append(words.get(4));
      }
      description.append('.');
    }
    if (!request.commissionMessage().isBlank()) {
      description.append(" The commissioner asked: ").append(request.commissionMessage().strip())
          .append('.');
    }
    description.append(" Balanced composition, rich colors, no text or lettering.");
    ProductIdea idea = new ProductIdea(theme, imageTitle, description.toString());
    return new GeneratedIdea(idea, PROMPT_VERSION, Usage.free("offline-template"));
  }

  /** The post's most telling words, most telling first; never empty. */
  static List<String> keywords(Post post, String commentSummary) {
    Map<String, Integer> weights = new LinkedHashMap<>();
    count(post.title(), 3, weights);
    count(post.text(), 1, weights);
    count(commentSummary, 1, weights);
    List<String> ranked = new ArrayList<>(weights.keySet());
    // Heavier first; among equals, longer words tend to be the more specific nouns.
    ranked.sort((a, b) -> weights.get(b).equals(weights.get(a))
        ? Integer.compare(b.length(), a.length())
        : Integer.compare(weights.get(b), weights.get(a)));
    if (ranked.isEmpty()) {
      ranked.add(post.subreddit());
    }
    return ranked;
  }

  private static void count(String text, int weight, Map<String, Integer> weights) {
    for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
      String word = token.replaceAll("^'+|'+$", "").replaceAll("'s$", "");
      if (word.length() >= 4 && !STOP_WORDS.contains(word)) {
        // Past tenses and gerunds are usually what happened, not what to paint.
        boolean verbLike = word.endsWith("ed") || word.endsWith("ing");
        weights.merge(word, verbLike ? Math.max(1, weight / 3) : weight * 2, Integer::sum);
      }
    }
  }

  private static String phrase(List<String> words) {
    if (words.size() == 1) {
      return words.get(0);
    }
    if (words.size() == 2) {
      return words.get(0) + " and " + words.get(1);
    }
    return words.get(0) + ", " + words.get(1) + " and " + words.get(2);
  }

  /** The title cut to at most {@code maxWords} words, at a clause break where possible. */
  private static String shorten(String title, int maxWords) {
    List<String> kept = new ArrayList<>();
    for (String word : title.strip().split("\\s+")) {
      String bare = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z']", "");
      if (kept.size() >= maxWords || (kept.size() >= 3 && CLAUSE_BREAKS.contains(bare))) {
        break;
      }
      kept.add(word.replaceAll("[,;:.!?]+$", ""));
      if (word.matches(".*[,;:.!?]$") && kept.size() >= 3) {
        break;
      }
    }
    while (kept.size() > 2 && DANGLING.contains(kept.get(kept.size() - 1).toLowerCase(Locale.ROOT))) {
      kept.remove(kept.size() - 1);
    }
    return String.join(" ", kept);
  }

  /**
   * The title of the image: the post's title when it is short, otherwise its longest beginning of
   * at most {@value #MAX_TITLE_WORDS} words that ends where a phrase ends (before a preposition, a
   * verb, a conjunction or a pronoun), never on an article, a preposition or an adverb. A leading
   * subordinate phrase ("After two years my sourdough ...") gives way to the main clause.
   */
  static String title(String postTitle) {
    List<String> words = new ArrayList<>(List.of(postTitle.strip().split("\\s+")));
    if (words.size() > MAX_TITLE_WORDS && SUBORDINATE.contains(bare(words.get(0)))) {
      for (int i = 2; i < words.size(); i++) {
        if (Set.of("i", "we", "my", "our").contains(bare(words.get(i)))) {
          words = new ArrayList<>(words.subList(i, words.size()));
          break;
        }
      }
    }
    int limit = Math.min(MAX_TITLE_WORDS, words.size());
    for (int i = 3; i < limit; i++) {
      if (CLAUSE_BREAKS.contains(bare(words.get(i))) || words.get(i - 1).matches(".*[,;:.!?]$")) {
        limit = i;
        break;
      }
    }
    for (int keep = limit; keep >= 3; keep--) {
      String last = bare(words.get(keep - 1));
      boolean endsTitle = keep == words.size();
      String next = endsTitle ? "" : bare(words.get(keep));
      boolean phraseEnds = endsTitle || words.get(keep - 1).matches(".*[,;:.!?]$") || PHRASE_STARTS.contains(next)
          || isVerb(next);
      if (phraseEnds && !NO_END.contains(last)) {
        return clean(words.subList(0, keep));
      }
    }
    return shorten(postTitle, MAX_TITLE_WORDS - 1);
  }

  private static boolean isVerb(String word) {
    return VERBS.contains(word) || word.length() > 4 && word.endsWith("ed") && !word.equals("hundred");
  }

  private static String bare(String word) {
    return word.toLowerCase(Locale.ROOT).replaceAll("[^a-z']", "");
  }

  private static String clean(List<String> words) {
    List<String> out = new ArrayList<>();
    for (String word : words) {
      out.add(word.replaceAll("[,;:.!?]+$", ""));
    }
    return String.join(" ", out);
  }

  /** The word a theme is about: the first keyword that names something to paint, else the first. */
  private static String lead(List<String> words) {
    for (String word : words.subList(0, Math.min(3, words.size()))) {
      for (Subject subject : Subject.values()) {
        if (subject.words().contains(word) || subject.words().contains(word.replaceAll("s$", ""))) {
          return word;
        }
      }
    }
    return words.get(0);
  }

  private static String article(String word) {
    return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "An" : "A";
  }

  private static String titleCase(String text) {
    StringBuilder out = new StringBuilder();
    for (String word : text.split(" ")) {
      if (out.length() > 0) {
        out.append(' ');
      }
      boolean minor = MINOR_WORDS.contains(word.toLowerCase(Locale.ROOT));
      out.append(minor && out.length() > 0 ? word.toLowerCase(Locale.ROOT) : capitalize(word));
    }
    return out.toString();
  }

  private static String capitalize(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
