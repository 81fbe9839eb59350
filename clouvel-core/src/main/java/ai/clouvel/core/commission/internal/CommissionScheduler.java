package ai.clouvel.core.commission.internal;

import ai.clouvel.core.commission.CommissionRequest;
import ai.clouvel.core.commission.CommissionSettings;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.DonationSource;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.schedule.SchedulerSettings;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.task.Task;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Free, scheduled commissions: off by default; when enabled, one every configured interval,
 * through the same fulfilment path as paid ones. Several servers may share a database: a run is
 * claimed in the store, so only one of them creates it.
 */
final class CommissionScheduler {
  private final ClouvelStore store;
  private final Fulfilment fulfilment;
  private final CommissionSettings settings;
  private final Clock clock;

  CommissionScheduler(ClouvelStore store, Fulfilment fulfilment, CommissionSettings settings, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.fulfilment = Objects.requireNonNull(fulfilment, "fulfilment");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Creates the scheduled commission if one is due.
   *
   * @return the task created, or empty if none was due or the scheduler is off
   */
  Optional<Task> tick() {
    SchedulerSettings scheduler = store.scheduler().load();
    Instant now = clock.instant();
    if (!scheduler.enabled() || now.isBefore(scheduler.nextRunAt(now))) {
      return Optional.empty();
    }
    if (!store.scheduler().claimRun(scheduler.lastRunAt(), now)) {
      return Optional.empty();
    }
    return Optional.of(create(scheduler, now));
  }

  /**
   * Creates a scheduled commission now, whatever the schedule says.
   *
   * @return the task
   */
  Task runNow() {
    SchedulerSettings scheduler = store.scheduler().load();
    Instant now = clock.instant();
    store.scheduler().claimRun(scheduler.lastRunAt(), now);
    return create(scheduler, now);
  }

  private Task create(SchedulerSettings scheduler, Instant now) {
    String subreddit = scheduler.commissionType() == CommissionType.RANDOM_SUBREDDIT ? scheduler.subreddit() : null;
    CommissionRequest request = new CommissionRequest(Money.ZERO, DonationType.COMMISSION,
        scheduler.commissionType(), subreddit, null, new Donor(null, "Clouvel scheduler", null, false),
        "Scheduled commission");
    return fulfilment.createUnpaid(request, DonationSource.SCHEDULED, "scheduled_" + now.toEpochMilli(),
        settings.freeQuality());
  }
}
