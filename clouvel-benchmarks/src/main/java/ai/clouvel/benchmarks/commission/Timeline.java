package ai.clouvel.benchmarks.commission;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a worker's time goes, from marks it leaves on its own thread: each statement the store is
 * about to run, each provider call's start and end, each event published. The time from one mark
 * to the next on the same thread belongs to the first: a statement's mark owns its execution and
 * the code up to the next mark, a provider start owns the call, a provider end owns the code after
 * it (stamping the image, say). Marking costs a {@code nanoTime} and a queue insert.
 */
final class Timeline {
  private static final Pattern TABLE = Pattern.compile(
      "^(?:WITH\\b.*?\\)\\s*)?(SELECT|INSERT INTO|UPDATE|DELETE FROM)\\b(?:.*?\\bFROM\\b)?\\s*(\\w+)",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final Map<Long, ConcurrentLinkedQueue<Mark>> byThread = new ConcurrentHashMap<>();
  private volatile boolean recording;

  private record Mark(long nanos, String label) {
  }

  void start() {
    byThread.clear();
    recording = true;
  }

  void stop() {
    recording = false;
  }

  void mark(String label) {
    // Workers only: the maintenance loop and the ticker spend most of a run waiting.
    if (recording && Thread.currentThread().getName().startsWith("clouvel-worker-")) {
      byThread.computeIfAbsent(Thread.currentThread().getId(), id -> new ConcurrentLinkedQueue<>())
          .add(new Mark(System.nanoTime(), label));
    }
  }

  /** Marks a statement, named by what it does to which table. */
  void statement(String sql) {
    if (recording) {
      mark("sql " + kind(sql));
    }
  }

  static String kind(String sql) {
    String flat = sql.replaceAll("\\s+", " ").strip();
    if (flat.startsWith("UPDATE tasks SET status = 'in_progress'") || flat.contains("AS claimed")
        || flat.contains("lease_owner = :worker, lease_expires_at = :leaseUntil")
        || flat.contains("FOR UPDATE SKIP LOCKED")) {
      return "claim (tasks)";
    }
    if (flat.startsWith("UPDATE tasks SET lease_expires_at")) {
      return "heartbeat and progress (tasks)";
    }
    if (flat.startsWith("UPDATE tasks SET status = 'completed'")) {
      return "complete (tasks)";
    }
    if (flat.startsWith("SET ")) {
      return flat.length() > 40 ? flat.substring(0, 40) : flat;
    }
    Matcher m = TABLE.matcher(flat);
    return m.find() ? m.group(1).toUpperCase(Locale.ROOT) + " " + m.group(2) : flat.substring(0, Math.min(40, flat.length()));
  }

  /**
   * Milliseconds and counts per label, on the workers' threads, from each thread's first mark to
   * its last (after which the worker only waited for work that never came).
   */
  Map<String, long[]> totals() {
    Map<String, long[]> totals = new ConcurrentHashMap<>();
    for (ConcurrentLinkedQueue<Mark> queue : byThread.values()) {
      List<Mark> marks = new ArrayList<>(queue);
      marks.sort(Comparator.comparingLong(Mark::nanos));
      for (int i = 0; i < marks.size(); i++) {
        long next = i + 1 < marks.size() ? marks.get(i + 1).nanos() : marks.get(i).nanos();
        long[] total = totals.computeIfAbsent(marks.get(i).label(), k -> new long[2]);
        total[0] += Math.max(0, next - marks.get(i).nanos());
        total[1]++;
      }
    }
    Map<String, long[]> sorted = new LinkedHashMap<>();
    totals.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** The earliest mark of each thread: when its worker first did something. */
  List<Long> firstMarks() {
    List<Long> firsts = new ArrayList<>();
    for (ConcurrentLinkedQueue<Mark> queue : byThread.values()) {
      queue.stream().mapToLong(Mark::nanos).min().ifPresent(firsts::add);
    }
    return firsts;
  }
}
