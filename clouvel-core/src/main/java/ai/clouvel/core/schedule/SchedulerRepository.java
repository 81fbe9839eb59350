package ai.clouvel.core.schedule;

import java.time.Instant;

/** Stores the configuration of scheduled commissions. */
public interface SchedulerRepository {

  /**
   * Loads the settings.
   *
   * @return the saved settings, or {@link SchedulerSettings#DEFAULTS}
   */
  SchedulerSettings load();

  /**
   * Saves the settings.
   *
   * @param settings the settings
   */
  void save(SchedulerSettings settings);

  /**
   * Claims a scheduled run: records {@code now} as the last run if the last run is still the
   * expected one, so that two schedulers never both run.
   *
   * @param expectedLastRun the last run the caller saw, or {@code null}
   * @param now the new last run
   * @return {@code true} if this caller claimed the run
   */
  boolean claimRun(Instant expectedLastRun, Instant now);
}
