package ai.clouvel.core.offline;

import ai.clouvel.core.image.GeneratedImage;
import ai.clouvel.core.internal.Hashing;
import ai.clouvel.core.image.ImageGenerator;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.image.ImageRequest;
import ai.clouvel.core.usage.Usage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * An {@link ImageGenerator} that paints with Java2D, headless and offline. The prompt's words
 * choose a setting (mountains, sea, forest, city, cosmos, countryside, canyon, garden, a room, or a
 * geometric composition), up to three subjects drawn recognisably (animals, buildings, vehicles,
 * food and household objects: see {@link Subject}), the style it names (watercolor, linocut,
 * screen print, woodblock, art deco, ...: see {@link ArtStyle}) and the light (dawn, night, fog,
 * winter, ...). Its hash chooses everything the words leave open and every random detail: the same
 * prompt always gives the same picture, different prompts different pictures. HD adds detail.
 * Thread-safe.
 */
public final class PaintedImageGenerator implements ImageGenerator {
  /** The model name recorded in usage. */
  public static final String MODEL = "clouvel-painter-v2";

  private static final Palette[] PALETTES = {
      new Palette("dawn", 0x2b4c7e, 0xf6b48f, 0xfff1c1, 0xc7a3c9, 0x7d6b9e, 0x4a4072, 0x2a2445, 0xffd27f),
      new Palette("day", 0x5aa9e6, 0xcfe8f7, 0xfffbe6, 0x9cc5a1, 0x5f9e6e, 0x3b7a57, 0x1f4e3d, 0xf7c548),
      new Palette("dusk", 0x3d2c5c, 0xf08a5d, 0xffd166, 0xb56576, 0x6d597a, 0x355070, 0x1d2d44, 0xffb4a2),
      new Palette("night", 0x0b1026, 0x2c3e73, 0xf4f1de, 0x3a4a7a, 0x27345c, 0x1a2444, 0x0d1430, 0x9ad1d4),
      new Palette("desert", 0x6fb1d6, 0xfde2c0, 0xfff4e0, 0xe9a06b, 0xcf6f3e, 0xa2482b, 0x6b2c1f, 0xf2cc8f),
      new Palette("mint", 0x4fb0ae, 0xe8f6ef, 0xfdfcdc, 0x8fd3c4, 0x4d9a8f, 0x2f6f73, 0x1b4b5a, 0xf4a259),
      new Palette("berry", 0x5b2a86, 0xf7a1c4, 0xfff0f5, 0xc06c84, 0x8a4f7d, 0x5c3566, 0x2e1a47, 0xffc857),
      new Palette("autumn", 0x8ecae6, 0xffe8d6, 0xfffaf0, 0xe76f51, 0xbc4b2a, 0x7f3b2a, 0x3d2b1f, 0xe9c46a),
      new Palette("winter", 0x8fb8de, 0xe8f1f8, 0xfffdf5, 0xc9d9e8, 0x9fb7cc, 0x6f8aa3, 0x3f5670, 0xd1495b),
      new Palette("mist", 0x8d99a6, 0xd5d9dc, 0xf2efe6, 0xa7b0ad, 0x7f8c87, 0x5a6b66, 0x34403d, 0xe0a458)};

  private static final Map<String, Integer> LIGHTS = Map.of("dawn", 0, "dusk", 2, "night", 3, "desert", 4,
      "autumn", 7, "winter", 8, "mist", 9);

  /** Creates the painter. */
  public PaintedImageGenerator() {
  }

  @Override
  public GeneratedImage generate(ImageRequest request) {
    long seed = Hashing.fnv64(request.prompt());
    Random random = new Random(seed);
    Composition plan = Composition.of(request.prompt(), seed);
    Scene scene = plan.scene();
    Palette palette = scene == Scene.COSMOS ? PALETTES[3]
        : plan.light() != null ? PALETTES[LIGHTS.get(plan.light())]
        : PALETTES[(int) Math.floorMod(seed >>> 8, 8L)];
    int width = request.size().width();
    int height = request.size().height();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
      Canvas canvas = new Canvas(g, width, height, palette, random,
          request.quality() == ImageQuality.HD);
      switch (scene) {
        case MOUNTAINS -> Scenes.mountains(canvas);
        case SEA -> Scenes.sea(canvas);
        case FOREST -> Scenes.forest(canvas);
        case CITY -> Scenes.city(canvas);
        case COSMOS -> Scenes.cosmos(canvas);
        case HILLS -> Scenes.hills(canvas, plan.subjects().isEmpty());
        case GEOMETRIC -> Scenes.geometric(canvas);
        case CANYON -> Settings.canyon(canvas);
        case GARDEN -> Settings.garden(canvas);
        case INTERIOR -> Settings.interior(canvas);
        default -> throw new IllegalStateException("unknown scene " + scene);
      }
      plan.paintSubjects(canvas);
      plan.style().apply(image, palette, random);
      Scenes.finish(canvas);
    } finally {
      g.dispose();
    }
    return new GeneratedImage(encode(image), request.prompt(), new Usage(MODEL, 0, 0, 1, 0));
  }

  /**
   * The scene a prompt asks for: the setting with the most matching words, else the one its
   * subjects suggest, ties and prompts without any broken by the hash.
   */
  static Scene chooseScene(String prompt, long seed) {
    return Composition.of(prompt, seed).scene();
  }

  /**
   * What the painter reads in a prompt: its setting, subjects, style and light.
   *
   * @param prompt the image prompt
   * @return the plan of the picture
   */
  static Composition plan(String prompt) {
    return Composition.of(prompt, Hashing.fnv64(prompt));
  }

  private static byte[] encode(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer available");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The kinds of picture the painter knows. */
  enum Scene { MOUNTAINS, SEA, FOREST, CITY, COSMOS, HILLS, GEOMETRIC, CANYON, GARDEN, INTERIOR }

  /**
   * Colors of one picture: sky from top to horizon, the sun, four land layers from far to near,
   * and an accent.
   */
  record Palette(String name, Color skyTop, Color skyHorizon, Color sun, Color far, Color middle,
      Color near, Color front, Color accent) {
    Palette(String name, int skyTop, int skyHorizon, int sun, int far, int middle, int near,
        int front, int accent) {
      this(name, new Color(skyTop), new Color(skyHorizon), new Color(sun), new Color(far),
          new Color(middle), new Color(near), new Color(front), new Color(accent));
    }

    boolean isDark() {
      return skyTop.getRed() + skyTop.getGreen() + skyTop.getBlue() < 180;
    }
  }

  /** What the scene painters draw on. */
  record Canvas(Graphics2D g, int width, int height, Palette palette, Random random, boolean hd) {
  }
}
