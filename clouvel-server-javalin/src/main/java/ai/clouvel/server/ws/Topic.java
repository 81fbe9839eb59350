package ai.clouvel.server.ws;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The subscribers of one task on this server, kept apart by fan-out lane so that each lane walks
 * only its own connections, and when the task was last heard of (for the recheck of quiet tasks).
 */
final class Topic {
  final String taskId;
  private final List<Set<Connection>> byLane;
  /** When an update of the task was last relayed or looked for, in {@link System#nanoTime()}. */
  volatile long lastHeardNanos;
  /** Whether the last status relayed was final; a recheck then has nothing to look for. */
  volatile boolean ended;

  Topic(String taskId, int lanes, long nowNanos) {
    this.taskId = taskId;
    this.byLane = new ArrayList<>(lanes);
    for (int i = 0; i < lanes; i++) {
      byLane.add(ConcurrentHashMap.newKeySet());
    }
    this.lastHeardNanos = nowNanos;
  }

  void add(Connection connection) {
    byLane.get(connection.lane).add(connection);
  }

  void remove(Connection connection) {
    byLane.get(connection.lane).remove(connection);
  }

  boolean isEmpty() {
    for (Set<Connection> lane : byLane) {
      if (!lane.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** The subscribers served by one lane. */
  Set<Connection> onLane(int lane) {
    return byLane.get(lane);
  }
}
