package ai.clouvel.core.offline;

import ai.clouvel.core.offline.PaintedImageGenerator.Palette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import java.util.Set;

/**
 * The styles an idea can name, and what each does to the painted picture: watercolor washes,
 * linocut inks, screen-print dots, woodblock outlines and so on. Applied after the scene and its
 * subjects are painted, before the frame.
 */
enum ArtStyle {
  WATERCOLOR("watercolor", "watercolour", "aquarelle"),
  GOUACHE("gouache", "painterly", "oil"),
  LINOCUT("linocut", "woodcut", "engraving"),
  SCREEN_PRINT("screen", "risograph", "silkscreen"),
  UKIYO_E("ukiyo", "woodblock", "hokusai"),
  ART_DECO("deco", "gatsby"),
  MID_CENTURY("century", "atomic", "modernist"),
  STORYBOOK("storybook", "fairytale", "picturebook"),
  FLAT_VECTOR("vector", "minimalist", "flat"),
  TRAVEL_POSTER("travel", "poster", "vintage");

  private final Set<String> words;

  ArtStyle(String... words) {
    this.words = Set.of(words);
  }

  Set<String> words() {
    return words;
  }

  /** Changes the picture in place. */
  void apply(BufferedImage image, Palette palette, Random random) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] px = image.getRGB(0, 0, w, h, null, 0, w);
    switch (this) {
      case WATERCOLOR -> {
        px = blur(px, w, h, Math.max(2, w / 170));
        for (int i = 0; i < px.length; i++) {
          px[i] = grain(mix(px[i], 0xf7f1e3, 0.22), random, 7);
        }
      }
      case GOUACHE -> {
        posterize(px, 12);
        image.setRGB(0, 0, w, h, px, 0, w);
        strokes(image, random, w / 30);
        return;
      }
      case LINOCUT -> {
        int ink = Brushes.mix(palette.front(), Color.BLACK, 0.5).getRGB();
        int middle = palette.accent().getRGB();
        int paper = 0xfff4ecd8;
        for (int i = 0; i < px.length; i++) {
          double l = luminance(px[i]);
          int y = i / w;
          boolean carved = l < 0.4 && (y % Math.max(4, h / 120)) == 0;
          px[i] = l < 0.4 ? (carved ? paper : ink) : l < 0.72 ? middle : paper;
        }
      }
      case SCREEN_PRINT -> {
        posterize(px, 4);
        int[] shifted = px.clone();
        int shift = Math.max(2, w / 250);
        for (int i = 0; i < px.length; i++) {
          int x = i % w;
          int red = x >= shift ? (shifted[i - shift] >> 16) & 0xff : (px[i] >> 16) & 0xff;
          px[i] = (px[i] & 0xff00ffff) | (red << 16);
        }
        halftone(px, w, h, Math.max(6, w / 90));
      }
      case UKIYO_E -> {
        int[] source = px.clone();
        posterize(px, 6);
        outline(source, px, w, h, 0xff2a2420, 0.22);
        for (int i = 0; i < px.length; i++) {
          px[i] = mix(px[i], 0xf1e4c8, 0.18);
        }
      }
      case ART_DECO -> {
        posterize(px, 6);
        image.setRGB(0, 0, w, h, px, 0, w);
        deco(image, palette);
        return;
      }
      case MID_CENTURY -> {
        for (int i = 0; i < px.length; i++) {
          px[i] = mix(px[i], gray(px[i]), 0.3);
        }
        posterize(px, 7);
        image.setRGB(0, 0, w, h, px, 0, w);
        atomic(image, palette, random);
        return;
      }
      case STORYBOOK -> {
        int[] source = px.clone();
        px = blur(px, w, h, 1);
        outline(source, px, w, h, 0xff4a3a2a, 0.3);
        for (int i = 0; i < px.length; i++) {
          px[i] = mix(px[i], 0xffe3b0, 0.12);
        }
      }
      case FLAT_VECTOR -> posterize(px, 4);
      case TRAVEL_POSTER -> {
        posterize(px, 5);
        int band = palette.front().getRGB();
        for (int i = (int) (h * 0.935) * w; i < px.length; i++) {
          px[i] = band;
        }
        int line = palette.accent().getRGB();
        for (int i = (int) (h * 0.935) * w; i < (int) (h * 0.935 + Math.max(2, h / 200)) * w; i++) {
          px[i] = line;
        }
      }
      default -> throw new IllegalStateException("unknown style " + this);
    }
    image.setRGB(0, 0, w, h, px, 0, w);
  }

  private static double luminance(int rgb) {
    return (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff)) / 255.0;
  }

  private static int gray(int rgb) {
    int l = (int) (luminance(rgb) * 255);
    return 0xff000000 | (l << 16) | (l << 8) | l;
  }

  private static int mix(int a, int b, double t) {
    int r = (int) (((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
    int g = (int) (((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
    int bl = (int) ((a & 0xff) * (1 - t) + (b & 0xff) * t);
    return 0xff000000 | (r << 16) | (g << 8) | bl;
  }

  private static int grain(int rgb, Random random, int amount) {
    int d = random.nextInt(amount * 2 + 1) - amount;
    int r = clamp(((rgb >> 16) & 0xff) + d);
    int g = clamp(((rgb >> 8) & 0xff) + d);
    int b = clamp((rgb & 0xff) + d);
    return 0xff000000 | (r << 16) | (g << 8) | b;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private static void posterize(int[] px, int levels) {
    double step = 255.0 / (levels - 1);
    for (int i = 0; i < px.length; i++) {
      int r = (int) (Math.round(((px[i] >> 16) & 0xff) / step) * step);
      int g = (int) (Math.round(((px[i] >> 8) & 0xff) / step) * step);
      int b = (int) (Math.round((px[i] & 0xff) / step) * step);
      px[i] = 0xff000000 | (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }
  }

  /** A box blur of the given radius, horizontal then vertical. */
  private static int[] blur(int[] px, int w, int h, int radius) {
    int[] tmp = new int[px.length];
    int[] out = new int[px.length];
    pass(px, tmp, w, h, radius, true);
    pass(tmp, out, w, h, radius, false);
    return out;
  }

  private static void pass(int[] in, int[] out, int w, int h, int radius, boolean horizontal) {
    int lines = horizontal ? h : w;
    int length = horizontal ? w : h;
    for (int line = 0; line < lines; line++) {
      long r = 0;
      long g = 0;
      long b = 0;
      int count = 0;
      for (int k = -radius; k <= radius; k++) {
        int at = Math.max(0, Math.min(length - 1, k));
        int p = in[horizontal ? line * w + at : at * w + line];
        r += (p >> 16) & 0xff;
        g += (p >> 8) & 0xff;
        b += p & 0xff;
        count++;
      }
      for (int i = 0; i < length; i++) {
        out[horizontal ? line * w + i : i * w + line] = 0xff000000 | ((int) (r / count) << 16) | ((int) (g / count) << 8)
            | (int) (b / count);
        int leave = Math.max(0, Math.min(length - 1, i - radius));
        int enter = Math.max(0, Math.min(length - 1, i + radius + 1));
        int pl = in[horizontal ? line * w + leave : leave * w + line];
        int pe = in[horizontal ? line * w + enter : enter * w + line];
        r += ((pe >> 16) & 0xff) - ((pl >> 16) & 0xff);
        g += ((pe >> 8) & 0xff) - ((pl >> 8) & 0xff);
        b += (pe & 0xff) - (pl & 0xff);
      }
    }
  }

  /** Dark lines where the source picture's brightness changes sharply, as a woodblock's key block. */
  private static void outline(int[] source, int[] px, int w, int h, int ink, double threshold) {
    double[] l = new double[source.length];
    for (int i = 0; i < source.length; i++) {
      l[i] = luminance(source[i]);
    }
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        int i = y * w + x;
        double gx = l[i + 1 - w] + 2 * l[i + 1] + l[i + 1 + w] - l[i - 1 - w] - 2 * l[i - 1] - l[i - 1 + w];
        double gy = l[i - 1 + w] + 2 * l[i + w] + l[i + 1 + w] - l[i - 1 - w] - 2 * l[i - w] - l[i + 1 - w];
        if (gx * gx + gy * gy > threshold * threshold) {
          px[i] = ink;
        }
      }
    }
  }

  /** Screen-print dots: each cell's shadows carry a dot of darker ink, sized by how dark the cell is. */
  private static void halftone(int[] px, int w, int h, int cell) {
    for (int cy = 0; cy < h; cy += cell) {
      for (int cx = 0; cx < w; cx += cell) {
        int center = Math.min(h - 1, cy + cell / 2) * w + Math.min(w - 1, cx + cell / 2);
        double darkness = 1 - luminance(px[center]);
        double radius = cell * 0.5 * darkness;
        for (int y = cy; y < Math.min(h, cy + cell); y++) {
          for (int x = cx; x < Math.min(w, cx + cell); x++) {
            double dx = x - (cx + cell / 2.0);
            double dy = y - (cy + cell / 2.0);
            if (dx * dx + dy * dy < radius * radius) {
              px[y * w + x] = mix(px[y * w + x], 0xff101018, 0.35);
            }
          }
        }
      }
    }
  }

  /** Gouache: short opaque strokes of the picture's own colors. */
  private static void strokes(BufferedImage image, Random random, int count) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int w = image.getWidth();
    int h = image.getHeight();
    int strokes = count * 60;
    for (int i = 0; i < strokes; i++) {
      int x = random.nextInt(w);
      int y = random.nextInt(h);
      Color color = new Color(image.getRGB(x, y));
      g.setColor(Brushes.alpha(Brushes.mix(color, random.nextBoolean() ? Color.WHITE : Color.BLACK, 0.08), 150));
      g.setStroke(new BasicStroke(w / 160f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      double angle = random.nextDouble() * Math.PI;
      double length = w / 60.0;
      g.draw(new Line2D.Double(x, y, x + Math.cos(angle) * length, y + Math.sin(angle) * length));
    }
    g.dispose();
  }

  /** Art deco: a sunburst from the top and a stepped gold frame. */
  private static void deco(BufferedImage image, Palette palette) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int w = image.getWidth();
    int h = image.getHeight();
    Color gold = new Color(0xd4af37);
    for (int ray = 0; ray < 24; ray += 2) {
      double a0 = Math.PI * ray / 24;
      double a1 = Math.PI * (ray + 1) / 24;
      Path2D wedge = new Path2D.Double();
      wedge.moveTo(w / 2.0, h * 0.05);
      wedge.lineTo(w / 2.0 + Math.cos(a0) * w, h * 0.05 + Math.sin(a0) * w);
      wedge.lineTo(w / 2.0 + Math.cos(a1) * w, h * 0.05 + Math.sin(a1) * w);
      wedge.closePath();
      g.setColor(Brushes.alpha(gold, 28));
      g.fill(wedge);
    }
    g.setColor(gold);
    g.setStroke(new BasicStroke(w / 170f));
    for (int inset = 1; inset <= 2; inset++) {
      double d = w * 0.045 * inset;
      g.draw(new Rectangle2D.Double(d, d, w - 2 * d, h - 2 * d));
    }
    double step = w * 0.06;
    for (int corner = 0; corner < 4; corner++) {
      double cx = corner % 2 == 0 ? w * 0.09 : w * 0.91 - step;
      double cy = corner < 2 ? h * 0.09 : h * 0.91 - step;
      g.fill(new Rectangle2D.Double(cx, cy, step, step));
    }
    g.setColor(Brushes.alpha(palette.front(), 200));
    g.fill(new Ellipse2D.Double(w / 2.0 - step / 2, h * 0.05 - step / 2, step, step));
    g.dispose();
  }

  /** Mid-century: a few atomic starbursts and boomerangs. */
  private static void atomic(BufferedImage image, Palette palette, Random random) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int w = image.getWidth();
    int h = image.getHeight();
    for (int i = 0; i < 4; i++) {
      double x = w * (0.12 + random.nextDouble() * 0.76);
      double y = h * (0.08 + random.nextDouble() * 0.25);
      double r = w * (0.02 + random.nextDouble() * 0.025);
      g.setColor(i % 2 == 0 ? palette.accent() : Brushes.PAPER);
      g.setStroke(new BasicStroke(w / 400f));
      for (int spoke = 0; spoke < 8; spoke++) {
        double a = spoke * Math.PI / 4;
        g.draw(new Line2D.Double(x, y, x + Math.cos(a) * r, y + Math.sin(a) * r));
        g.fill(new Ellipse2D.Double(x + Math.cos(a) * r - r * 0.1, y + Math.sin(a) * r - r * 0.1, r * 0.2, r * 0.2));
      }
    }
    g.dispose();
  }
}
