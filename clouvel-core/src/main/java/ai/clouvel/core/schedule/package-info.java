/**
 * Scheduled free commissions: the {@link ai.clouvel.core.schedule.SchedulerSettings} an admin
 * sets and the {@link ai.clouvel.core.schedule.SchedulerRepository} a store implements so that
 * only one node starts each scheduled run.
 */
package ai.clouvel.core.schedule;
