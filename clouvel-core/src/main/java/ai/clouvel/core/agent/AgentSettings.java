package ai.clouvel.core.agent;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one agent runs; kept in the store so that every node sees the same settings. Scheduled runs
 * are dry runs unless {@code dryRun} is switched off; a run started by hand chooses for itself.
 *
 * @param enabled whether the schedule runs it
 * @param dryRun whether scheduled runs only record what they would do
 * @param interval how often the schedule runs it (at least one minute)
 * @param dailyCaps the most actions of each type per UTC day, per mode (dry runs count apart)
 * @param persona who the agent is
 * @param communitySubreddit the community subreddit, without {@code r/}
 * @param subreddits where the promoter looks; empty: the content source's suggestions
 * @param denyList subreddits the promoter never acts in, lower case
 * @param cooldown how long the promoter waits before acting in the same subreddit again
 * @param minScore the lowest rating (0 to 10) the promoter acts on
 */
public record AgentSettings(boolean enabled, boolean dryRun, Duration interval, Map<ActionType, Integer> dailyCaps,
    Persona persona, String communitySubreddit, List<String> subreddits, Set<String> denyList, Duration cooldown,
    double minScore) {

  /** Checks the fields and copies the collections. */
  public AgentSettings {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(persona, "persona");
    Objects.requireNonNull(cooldown, "cooldown");
    Objects.requireNonNull(communitySubreddit, "communitySubreddit");
    if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("interval must be at least one minute");
    }
    if (cooldown.isNegative()) {
      throw new IllegalArgumentException("cooldown must not be negative");
    }
    if (Double.isNaN(minScore) || minScore < 0 || minScore > 10) {
      throw new IllegalArgumentException("min score must be between 0 and 10");
    }
    EnumMap<ActionType, Integer> caps = new EnumMap<>(ActionType.class);
    Objects.requireNonNull(dailyCaps, "dailyCaps").forEach((type, cap) -> {
      if (type == ActionType.NOTHING) {
        return;
      }
      if (cap == null || cap < 0 || cap > 1_000) {
        throw new IllegalArgumentException("daily cap of " + type.wireName() + " must be 0 to 1000");
      }
      caps.put(type, cap);
    });
    dailyCaps = Map.copyOf(caps);
    communitySubreddit = stripPrefix(communitySubreddit);
    if (!communitySubreddit.matches("[A-Za-z0-9_]{2,21}")) {
      throw new IllegalArgumentException("not a subreddit name: " + communitySubreddit);
    }
    subreddits = Objects.requireNonNull(subreddits, "subreddits").stream().map(AgentSettings::stripPrefix)
        .filter(s -> !s.isEmpty()).distinct().toList();
    TreeSet<String> deny = new TreeSet<>();
    Objects.requireNonNull(denyList, "denyList").forEach(s -> deny.add(stripPrefix(s).toLowerCase(Locale.ROOT)));
    deny.remove("");
    denyList = Set.copyOf(deny);
  }

  /**
   * Returns the defaults of an agent: disabled, dry runs, the default persona and r/clouvel. The
   * community agent runs every 30 minutes with at most 20 replies, 20 welcomes and 3
   * announcements a day; the promoter every hour with at most 5 promotions a day, a 24-hour
   * cooldown per subreddit and a minimum rating of 7.
   *
   * @param agent the agent
   * @return its defaults
   */
  public static AgentSettings defaults(AgentKind agent) {
    return agent == AgentKind.COMMUNITY
        ? new AgentSettings(false, true, Duration.ofMinutes(30),
            Map.of(ActionType.REPLY, 20, ActionType.WELCOME, 20, ActionType.ANNOUNCE, 3), Persona.DEFAULT,
            "clouvel", List.of(), Set.of(), Duration.ofHours(24), 7)
        : new AgentSettings(false, true, Duration.ofMinutes(60), Map.of(ActionType.PROMOTE, 5), Persona.DEFAULT,
            "clouvel", List.of(), Set.of(), Duration.ofHours(24), 7);
  }

  /**
   * Returns the daily cap of an action type.
   *
   * @param type the type
   * @return the cap; 0 when none is set (the action is off)
   */
  public int capOf(ActionType type) {
    return dailyCaps.getOrDefault(type, 0);
  }

  /**
   * Tells whether the promoter may act in a subreddit.
   *
   * @param subreddit the name
   * @return {@code false} if it is on the deny list
   */
  public boolean allows(String subreddit) {
    return !denyList.contains(stripPrefix(subreddit).toLowerCase(Locale.ROOT));
  }

  /**
   * Returns a copy with the schedule switched on or off.
   *
   * @param on whether enabled
   * @return the copy
   */
  public AgentSettings withEnabled(boolean on) {
    return new AgentSettings(on, dryRun, interval, dailyCaps, persona, communitySubreddit, subreddits, denyList,
        cooldown, minScore);
  }

  private static String stripPrefix(String name) {
    String s = name == null ? "" : name.strip();
    String lower = s.toLowerCase(Locale.ROOT);
    return lower.startsWith("r/") ? s.substring(2) : lower.startsWith("/r/") ? s.substring(3) : s;
  }
}
