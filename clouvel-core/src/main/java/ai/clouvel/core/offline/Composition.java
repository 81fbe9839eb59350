package ai.clouvel.core.offline;

import ai.clouvel.core.offline.PaintedImageGenerator.Canvas;
import ai.clouvel.core.offline.PaintedImageGenerator.Scene;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a prompt asks the painter for: a setting, up to three subjects in order of importance, a
 * style and a time of day, read from the prompt's words. Then where the subjects go: the main one
 * large in front, the others smaller beside it, flying things in the sky, buildings behind.
 *
 * @param scene the setting
 * @param subjects the subjects, most important first (at most three)
 * @param style the style named in the prompt, or one chosen by its hash
 * @param light the time of day or weather named in the prompt ({@code dawn}, {@code dusk},
 *     {@code night}, {@code winter}, {@code mist}, {@code autumn}, {@code desert}), or {@code null}
 * @param pair whether the main subject is plural in the prompt ("two old cats"): drawn twice
 */
record Composition(Scene scene, List<Subject> subjects, ArtStyle style, String light, boolean pair) {
  static final int MAX_SUBJECTS = 3;

  private static final Set<Subject> ANIMALS = java.util.EnumSet.of(Subject.CAT, Subject.DOG, Subject.BIRD,
      Subject.BEE, Subject.DRAGON, Subject.SWAN, Subject.FISH, Subject.JELLYFISH, Subject.CAMEL, Subject.SLUG);

  private static final Map<Scene, Set<String>> SCENE_WORDS = new EnumMap<>(Map.of(
      Scene.COSMOS, Set.of("space", "galaxy", "nebula", "planet", "saturn", "cosmic", "orbit", "astronomy",
          "stellar", "webb", "telescope", "universe", "stars"),
      Scene.SEA, Set.of("sea", "ocean", "sailing", "sailed", "sailboat", "boat", "boats", "wave", "waves", "harbor",
          "harbour", "beach", "dolphins", "lighthouse", "channel", "anchor", "ship", "coast", "coastline",
          "bioluminescence", "shore", "island", "storm"),
      Scene.MOUNTAINS, Set.of("mountain", "mountains", "summit", "peak", "alps", "granite", "ridge",
          "switchbacks", "descents", "whitney", "glacier", "alpine", "alpenglow"),
      Scene.FOREST, Set.of("forest", "redwoods", "trees", "woods", "ferns", "grove", "jungle", "pines"),
      Scene.CITY, Set.of("city", "street", "streets", "library", "train", "neon", "commuted", "commute", "council",
          "downtown", "bridge", "skyline", "neighbours", "neighbors", "town"),
      Scene.HILLS, Set.of("farm", "village", "countryside", "road", "wall", "forts", "hadrian", "field", "fields",
          "camped", "picnic", "colombia", "vineyard", "meadows"),
      Scene.CANYON, Set.of("canyon", "desert", "arizona", "slot", "sand", "dunes", "silk", "caravans", "mesa"),
      Scene.GARDEN, Set.of("garden", "gardening", "meadow", "wildflower", "wildflowers", "flowers", "bees", "lawn",
          "tomatoes", "blooms", "orchard"),
      Scene.INTERIOR, Set.of("kitchen", "table", "dinner", "fridge", "basket", "sunbeam", "fireplace", "journal",
          "read", "bowl", "sourdough", "ramen", "thali", "latte", "moka", "jewelry", "dovetails", "night",
          "miniature", "dungeon", "midnight", "pot", "nap", "sofa", "balcony", "cooking"),
      Scene.GEOMETRIC, Set.of("pattern", "geometric", "dice", "puzzle", "tiles", "mosaic", "chess", "bauhaus")));

  private static final Map<String, Set<String>> LIGHT_WORDS = new LinkedHashMap<>();

  static {
    LIGHT_WORDS.put("night", Set.of("night", "midnight", "nocturnal", "moonlit", "bioluminescence", "nighttime"));
    LIGHT_WORDS.put("dawn", Set.of("dawn", "sunrise", "morning", "daybreak"));
    LIGHT_WORDS.put("dusk", Set.of("dusk", "sunset", "evening", "twilight"));
    LIGHT_WORDS.put("winter", Set.of("winter", "snow", "frozen", "froze", "ice", "icy"));
    LIGHT_WORDS.put("mist", Set.of("fog", "foggy", "mist", "misty", "storm", "rain", "rainy"));
    LIGHT_WORDS.put("autumn", Set.of("autumn", "fall", "harvest", "october"));
    LIGHT_WORDS.put("desert", Set.of("desert", "canyon", "arizona", "dunes"));
  }

  /** Reads a prompt. The seed breaks ties and chooses a style when the prompt names none. */
  static Composition of(String prompt, long seed) {
    List<String> words = words(prompt);
    Map<Subject, int[]> found = new LinkedHashMap<>();
    for (int i = 0; i < words.size(); i++) {
      for (Subject subject : Subject.values()) {
        String word = words.get(i);
        if (matches(subject.words(), word)) {
          int[] score = found.computeIfAbsent(subject, s -> new int[] {0, Integer.MAX_VALUE});
          score[0]++;
          score[1] = Math.min(score[1], i);
        }
      }
    }
    List<Subject> subjects = new ArrayList<>(found.keySet());
    // Animals lead: a cat stealing cheese is a picture of a cat.
    found.forEach((subject, score) -> score[0] += ANIMALS.contains(subject) ? 1 : 0);
    subjects.sort((a, b) -> found.get(a)[0] != found.get(b)[0] ? Integer.compare(found.get(b)[0], found.get(a)[0])
        : Integer.compare(found.get(a)[1], found.get(b)[1]));
    if (subjects.size() > MAX_SUBJECTS) {
      subjects = new ArrayList<>(subjects.subList(0, MAX_SUBJECTS));
    }
    Scene scene = chooseScene(words, seed, subjects);
    ArtStyle style = ArtStyle.values()[(int) Math.floorMod(seed >>> 16, (long) ArtStyle.values().length)];
    for (ArtStyle candidate : ArtStyle.values()) {
      if (words.stream().anyMatch(candidate.words()::contains)) {
        style = candidate;
        break;
      }
    }
    String light = null;
    for (Map.Entry<String, Set<String>> entry : LIGHT_WORDS.entrySet()) {
      if (light == null && words.stream().anyMatch(entry.getValue()::contains)) {
        light = entry.getKey();
      }
    }
    boolean pair = !subjects.isEmpty() && subjects.get(0).place() == Subject.Place.GROUND
        && words.stream().anyMatch(Set.of("two", "both", "pair", "couple")::contains);
    return new Composition(scene, List.copyOf(subjects), style, light, pair);
  }

  static List<String> words(String prompt) {
    List<String> words = new ArrayList<>();
    for (String word : prompt.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  private static boolean matches(Set<String> vocabulary, String word) {
    return vocabulary.contains(word)
        || word.length() > 3 && word.endsWith("s") && vocabulary.contains(word.substring(0, word.length() - 1))
        || word.length() > 4 && word.endsWith("es") && vocabulary.contains(word.substring(0, word.length() - 2));
  }

  /** The setting with the most words in the prompt; without any, the one its subjects suggest. */
  static Scene chooseScene(List<String> words, long seed, List<Subject> subjects) {
    Scene best = null;
    int bestHits = 0;
    for (Scene scene : Scene.values()) {
      Set<String> vocabulary = SCENE_WORDS.getOrDefault(scene, Set.of());
      int hits = 0;
      for (String word : words) {
        if (vocabulary.contains(word)) {
          hits++;
        }
      }
      if (hits > bestHits || (hits == bestHits && hits > 0 && ((seed >>> scene.ordinal()) & 1) == 1)) {
        best = scene;
        bestHits = hits;
      }
    }
    if (best != null) {
      return best;
    }
    if (!subjects.isEmpty()) {
      Subject main = subjects.get(0);
      return switch (main.place()) {
        case TABLE -> Scene.INTERIOR;
        case WATER -> Scene.SEA;
        case SKY -> main == Subject.ROCKET || main == Subject.PLANET || main == Subject.STAR ? Scene.COSMOS : Scene.HILLS;
        case BACKDROP -> Scene.HILLS;
        case GROUND -> main == Subject.CAT || main == Subject.DOG || main == Subject.FRIDGE ? Scene.INTERIOR
            : Scene.GARDEN;
      };
    }
    Scene[] fallback = {Scene.HILLS, Scene.GEOMETRIC, Scene.GARDEN, Scene.SEA, Scene.FOREST};
    return fallback[(int) Math.floorMod(seed, (long) fallback.length)];
  }

  /** Where the ground of the setting is: figures stand a little below it. */
  private double ground(Canvas c) {
    double h = c.height();
    return switch (scene) {
      case INTERIOR -> h * 0.72;
      case CITY -> h * 0.7;
      case CANYON -> h * 0.7;
      case SEA -> h * 0.6;
      case COSMOS -> h * 0.78;
      default -> h * 0.62;
    };
  }

  /** Indoors, on a table, things are seen from close by. */
  private double zoom(Subject subject) {
    boolean small = subject.place() == Subject.Place.TABLE || subject.place() == Subject.Place.GROUND;
    if (!small || subject == Subject.FRIDGE) {
      return 1.0;
    }
    return scene == Scene.INTERIOR ? 1.6 : subject.place() == Subject.Place.TABLE ? 1.3 : 1.0;
  }

  /** Paints the subjects onto a painted setting: buildings behind, the main subject in front. */
  void paintSubjects(Canvas c) {
    if (subjects.isEmpty()) {
      return;
    }
    double w = c.width();
    double h = c.height();
    double ground = ground(c);
    boolean needsLand = subjects.stream().anyMatch(s -> s.place() != Subject.Place.SKY && s.place() != Subject.Place.WATER);
    if (needsLand && (scene == Scene.SEA || scene == Scene.COSMOS)) {
      // A strip of shore (or of a dark hill under the stars) for things that cannot float.
      Color land = scene == Scene.SEA ? new Color(0xe3c99a) : Brushes.mix(c.palette().front(), Color.BLACK, 0.3);
      c.g().setColor(land);
      c.g().fill(new Rectangle2D.Double(0, h * 0.84, w, h * 0.16));
      c.g().fill(new java.awt.geom.Ellipse2D.Double(-w * 0.1, h * 0.78, w * 1.2, h * 0.14));
      ground = h * 0.8;
    }
    double[] xs = subjects.size() == 1 ? new double[] {0.5} : subjects.size() == 2 ? new double[] {0.58, 0.24}
        : new double[] {0.52, 0.2, 0.8};
    // Buildings first (behind), then what stands in front, the main subject last (on top).
    for (int pass = 0; pass < 2; pass++) {
      for (int i = subjects.size() - 1; i >= 0; i--) {
        Subject subject = subjects.get(i);
        boolean backdrop = subject.place() == Subject.Place.BACKDROP;
        if (backdrop != (pass == 0)) {
          continue;
        }
        double size = h * subject.scale() * (i == 0 ? 1.0 : 0.7) * zoom(subject);
        double x = w * xs[i];
        double base = switch (subject.place()) {
          case SKY -> h * (0.12 + 0.1 * i) + size;
          case WATER -> scene == Scene.SEA ? h * 0.78 + i * h * 0.03 : ground + (h - ground) * 0.65;
          case BACKDROP -> ground + h * 0.02;
          case TABLE, GROUND -> ground + (h - ground) * (0.6 - 0.1 * i);
        };
        if (backdrop && subjects.size() > 1) {
          x = w * (i == 0 ? 0.72 : 0.78);
        }
        if (subject.place() == Subject.Place.SKY && subjects.size() > 1) {
          x = w * (i == 0 ? 0.62 : 0.3 + 0.4 * (i - 1));
        }
        subject.draw(c, x, base, size);
        if (i == 0 && pair) {
          subject.draw(c, x - size * 0.75, base + h * 0.01, size * 0.85);
        }
      }
    }
  }
}
