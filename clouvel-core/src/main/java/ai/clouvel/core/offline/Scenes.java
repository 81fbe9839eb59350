package ai.clouvel.core.offline;

import ai.clouvel.core.offline.PaintedImageGenerator.Canvas;
import ai.clouvel.core.offline.PaintedImageGenerator.Palette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Random;

/** The scene painters of {@link PaintedImageGenerator}. Coordinates scale with the canvas. */
final class Scenes {
  private static final Color TRANSPARENT = new Color(0, 0, 0, 0);
  private static final Color PAPER = new Color(0xf7f3ea);

  private Scenes() {
  }

  static void mountains(Canvas c) {
    Palette p = c.palette();
    double horizon = c.height() * 0.62;
    sky(c, horizon);
    celestial(c, horizon);
    birds(c, horizon * 0.8);
    int layers = c.hd() ? 5 : 4;
    for (int i = 0; i < layers; i++) {
      double t = i / (double) (layers - 1);
      double base = c.height() * (0.5 + 0.36 * t);
      double amplitude = c.height() * (0.24 - 0.16 * t);
      Color color = layerColor(p, t, 0.45);
      Path2D ridge = ridge(c, base, amplitude, 0.5 - 0.15 * t);
      c.g().setColor(color);
      c.g().fill(ridge);
      if (i == 0) {
        snow(c, ridge, base - amplitude * 0.7);
      }
    }
    trail(c);
  }

  static void sea(Canvas c) {
    Palette p = c.palette();
    Random r = c.random();
    double horizon = c.height() * (0.52 + r.nextDouble() * 0.1);
    sky(c, horizon);
    double sunX = c.width() * (0.25 + r.nextDouble() * 0.5);
    double sunY = horizon - c.height() * (0.06 + r.nextDouble() * 0.12);
    if (p.isDark()) {
      stars(c, horizon, c.hd() ? 260 : 160);
    }
    sun(c, sunX, sunY, c.width() * 0.07);
    Graphics2D g = c.g();
    g.setPaint(new LinearGradientPaint(0, (float) horizon, 0, c.height(),
        new float[] {0f, 1f}, new Color[] {mix(p.skyHorizon(), p.near(), 0.45), p.front()}));
    g.fill(new Rectangle2D.Double(0, horizon, c.width(), c.height() - horizon));
    headland(c, horizon, r.nextBoolean());
    // The sun's reflection: broken horizontal strokes under the sun.
    for (int i = 0; i < 42; i++) {
      double y = horizon + (c.height() - horizon) * Math.pow(i / 42.0, 1.4);
      double half = c.width() * (0.012 + 0.09 * (i / 42.0)) * (0.5 + r.nextDouble());
      g.setColor(alpha(p.sun(), (int) (170 * (1 - i / 46.0))));
      g.fill(new RoundRectangle2D.Double(sunX - half + (r.nextDouble() - 0.5) * half,
          y, half * 2, c.height() * 0.005, 6, 6));
    }
    waves(c, horizon);
    sailboat(c, horizon);
  }

  static void forest(Canvas c) {
    Palette p = c.palette();
    double horizon = c.height() * 0.6;
    sky(c, horizon);
    celestial(c, horizon);
    Graphics2D g = c.g();
    g.setColor(layerColor(p, 0, 0.5));
    g.fill(ridge(c, c.height() * 0.5, c.height() * 0.1, 0.35));
    int rows = c.hd() ? 5 : 4;
    for (int row = 0; row < rows; row++) {
      double t = row / (double) (rows - 1);
      double base = c.height() * (0.58 + 0.34 * t);
      double size = c.height() * (0.07 + 0.12 * t);
      Color color = layerColor(p, 0.25 + 0.75 * t, 0.35);
      g.setColor(color);
      g.fill(new Rectangle2D.Double(0, base - size * 0.1, c.width(), c.height() - base + size * 0.1));
      double x = -size * c.random().nextDouble();
      while (x < c.width() + size) {
        conifer(c, x, base, size * (0.75 + c.random().nextDouble() * 0.5), color);
        x += size * (0.45 + c.random().nextDouble() * 0.5);
      }
    }
    meadow(c);
  }

  static void city(Canvas c) {
    Palette p = c.palette();
    Random r = c.random();
    double horizon = c.height() * 0.7;
    sky(c, horizon);
    celestial(c, horizon * 0.9);
    Graphics2D g = c.g();
    for (int layer = 0; layer < 3; layer++) {
      double t = layer / 2.0;
      Color color = layerColor(p, 0.3 + 0.7 * t, 0.4);
      double x = -r.nextDouble() * 40;
      while (x < c.width()) {
        double w = c.width() * (0.05 + r.nextDouble() * 0.07);
        double h = c.height() * (0.12 + r.nextDouble() * (0.34 - 0.1 * layer));
        double top = horizon - h + layer * c.height() * 0.02;
        g.setColor(color);
        g.fill(new Rectangle2D.Double(x, top, w + 1, horizon - top + 1));
        if (r.nextInt(4) == 0) {
          g.fill(new Arc2D.Double(x, top - w * 0.5, w, w, 0, 180, Arc2D.PIE));
        } else if (r.nextInt(3) == 0) {
          g.fill(new Rectangle2D.Double(x + w * 0.45, top - h * 0.15, w * 0.08, h * 0.15));
        }
        if (layer == 2) {
          windows(c, x, top, w, horizon - top);
        }
        x += w + c.width() * 0.004;
      }
    }
    g.setPaint(new LinearGradientPaint(0, (float) horizon, 0, c.height(),
        new float[] {0f, 1f}, new Color[] {mix(p.front(), p.skyHorizon(), 0.35), p.front()}));
    g.fill(new Rectangle2D.Double(0, horizon, c.width(), c.height() - horizon));
    for (int i = 0; i < 60; i++) {
      double y = horizon + (c.height() - horizon) * r.nextDouble();
      double x = c.width() * r.nextDouble();
      g.setColor(alpha(p.accent(), 40 + r.nextInt(90)));
      g.fill(new RoundRectangle2D.Double(x, y, c.width() * (0.02 + r.nextDouble() * 0.05),
          c.height() * 0.004, 4, 4));
    }
  }

  static void cosmos(Canvas c) {
    Palette p = c.palette();
    Random r = c.random();
    Graphics2D g = c.g();
    g.setPaint(new LinearGradientPaint(0, 0, c.width(), c.height(), new float[] {0f, 0.6f, 1f},
        new Color[] {p.skyTop(), mix(p.skyTop(), new Color(0x5b2a86), 0.5), p.skyHorizon()}));
    g.fillRect(0, 0, c.width(), c.height());
    Color[] nebula = {new Color(0xff6fb5), new Color(0x7ae7ff), new Color(0xffc857),
        new Color(0x9d7bff), p.accent()};
    Color tint = nebula[r.nextInt(nebula.length)];
    Color second = nebula[r.nextInt(nebula.length)];
    double cx = c.width() * (0.3 + r.nextDouble() * 0.4);
    double cy = c.height() * (0.3 + r.nextDouble() * 0.4);
    for (int i = 0; i < (c.hd() ? 90 : 60); i++) {
      double angle = r.nextDouble() * Math.PI * 2;
      double distance = c.width() * 0.32 * Math.abs(r.nextGaussian());
      double x = cx + Math.cos(angle) * distance;
      double y = cy + Math.sin(angle) * distance * 0.6;
      double radius = c.width() * (0.05 + r.nextDouble() * 0.12);
      glow(c, x, y, radius, alpha(r.nextBoolean() ? tint : second, 18 + r.nextInt(26)));
    }
    stars(c, c.height(), c.hd() ? 700 : 450);
    for (int i = 0; i < 6; i++) {
      sparkle(c, c.width() * r.nextDouble(), c.height() * r.nextDouble(),
          c.width() * (0.012 + r.nextDouble() * 0.015));
    }
    planet(c, c.width() * (0.2 + r.nextDouble() * 0.6), c.height() * (0.55 + r.nextDouble() * 0.25),
        c.width() * (0.08 + r.nextDouble() * 0.07));
  }

  static void hills(Canvas c) {
    Palette p = c.palette();
    Random r = c.random();
    Graphics2D g = c.g();
    double horizon = c.height() * 0.58;
    sky(c, horizon);
    celestial(c, horizon);
    clouds(c, horizon * 0.7);
    int layers = c.hd() ? 4 : 3;
    for (int i = 0; i < layers; i++) {
      double t = i / (double) (layers - 1);
      double base = c.height() * (0.58 + 0.28 * t);
      Color color = layerColor(p, t, 0.4);
      g.setColor(color);
      g.fill(ridge(c, base, c.height() * (0.1 - 0.03 * t), 0.3));
      int trees = 3 + r.nextInt(5);
      for (int k = 0; k < trees; k++) {
        double x = c.width() * r.nextDouble();
        double size = c.height() * (0.02 + 0.035 * t);
        roundTree(c, x, base - c.height() * 0.02 * (1 - t), size, mix(color, p.front(), 0.35));
      }
      if (i == layers - 2) {
        cottage(c, c.width() * (0.2 + r.nextDouble() * 0.6), base - c.height() * 0.02,
            c.height() * 0.07);
      }
    }
    road(c);
  }

  static void geometric(Canvas c) {
    Palette p = c.palette();
    Random r = c.random();
    Graphics2D g = c.g();
    g.setColor(mix(p.sun(), PAPER, 0.5));
    g.fillRect(0, 0, c.width(), c.height());
    Color[] colors = {p.accent(), p.near(), p.middle(), p.front(), p.far(), p.skyTop()};
    int cells = c.hd() ? 5 : 4;
    double size = c.width() / (double) cells;
    for (int row = 0; row < cells; row++) {
      for (int col = 0; col < cells; col++) {
        double x = col * size;
        double y = row * size;
        Color a = colors[r.nextInt(colors.length)];
        Color b = colors[r.nextInt(colors.length)];
        g.setColor(a);
        switch (r.nextInt(6)) {
          case 0 -> g.fill(new Ellipse2D.Double(x + size * 0.1, y + size * 0.1, size * 0.8, size * 0.8));
          case 1 -> g.fill(new Arc2D.Double(x, y, size, size * 2, 0, 180, Arc2D.PIE));
          case 2 -> g.fill(new Arc2D.Double(x - size, y, size * 2, size * 2, 0, 90, Arc2D.PIE));
          case 3 -> {
            for (int s = 0; s < 4; s++) {
              g.fill(new Rectangle2D.Double(x, y + s * size / 4, size, size / 8));
            }
          }
          case 4 -> {
            GeneralPath triangle = new GeneralPath();
            triangle.moveTo(x, y + size);
            triangle.lineTo(x + size / 2, y);
            triangle.lineTo(x + size, y + size);
            triangle.closePath();
            g.fill(triangle);
          }
          default -> {
            g.fill(new Rectangle2D.Double(x, y, size, size));
            g.setColor(b);
            g.fill(new Ellipse2D.Double(x + size * 0.25, y + size * 0.25, size * 0.5, size * 0.5));
          }
        }
      }
    }
  }

  /** A soft vignette and a paper frame, the same for every scene. */
  static void finish(Canvas c) {
    Graphics2D g = c.g();
    float radius = (float) (Math.max(c.width(), c.height()) * 0.75);
    g.setPaint(new RadialGradientPaint(new Point2D.Double(c.width() / 2.0, c.height() / 2.0), radius,
        new float[] {0.55f, 1f}, new Color[] {TRANSPARENT, new Color(0, 0, 0, 80)}));
    g.fillRect(0, 0, c.width(), c.height());
    float border = c.width() * 0.03f;
    g.setColor(PAPER);
    g.setStroke(new BasicStroke(border * 2));
    g.draw(new Rectangle2D.Double(0, 0, c.width(), c.height()));
    g.setColor(alpha(c.palette().front(), 150));
    g.setStroke(new BasicStroke(Math.max(1f, c.width() / 512f)));
    double inset = border * 1.35;
    g.draw(new Rectangle2D.Double(inset, inset, c.width() - 2 * inset, c.height() - 2 * inset));
  }

  private static void sky(Canvas c, double horizon) {
    Palette p = c.palette();
    c.g().setPaint(new LinearGradientPaint(0, 0, 0, (float) horizon, new float[] {0f, 0.65f, 1f},
        new Color[] {p.skyTop(), mix(p.skyTop(), p.skyHorizon(), 0.6), p.skyHorizon()},
        MultipleGradientPaint.CycleMethod.NO_CYCLE));
    c.g().fillRect(0, 0, c.width(), c.height());
  }

  private static void celestial(Canvas c, double horizon) {
    Random r = c.random();
    if (c.palette().isDark()) {
      stars(c, horizon, c.hd() ? 320 : 200);
    }
    double x = c.width() * (0.18 + r.nextDouble() * 0.64);
    double y = horizon * (0.35 + r.nextDouble() * 0.35);
    sun(c, x, y, c.width() * (0.05 + r.nextDouble() * 0.04));
  }

  private static void sun(Canvas c, double x, double y, double radius) {
    glow(c, x, y, radius * 4.5, alpha(c.palette().sun(), 110));
    c.g().setColor(c.palette().sun());
    c.g().fill(new Ellipse2D.Double(x - radius, y - radius, radius * 2, radius * 2));
  }

  private static void glow(Canvas c, double x, double y, double radius, Color color) {
    c.g().setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) radius,
        new float[] {0f, 1f}, new Color[] {color, alpha(color, 0)}));
    c.g().fill(new Ellipse2D.Double(x - radius, y - radius, radius * 2, radius * 2));
  }

  private static void stars(Canvas c, double maxY, int count) {
    Random r = c.random();
    for (int i = 0; i < count; i++) {
      double size = c.width() / 1024.0 * (0.6 + r.nextDouble() * r.nextDouble() * 2.6);
      c.g().setColor(new Color(255, 255, 240, 60 + r.nextInt(190)));
      c.g().fill(new Ellipse2D.Double(r.nextDouble() * c.width(), r.nextDouble() * maxY, size, size));
    }
  }

  private static void sparkle(Canvas c, double x, double y, double size) {
    Graphics2D g = c.g();
    glow(c, x, y, size * 2.5, new Color(255, 255, 255, 90));
    g.setColor(new Color(255, 255, 255, 220));
    g.setStroke(new BasicStroke((float) (size / 8)));
    g.draw(new java.awt.geom.Line2D.Double(x - size, y, x + size, y));
    g.draw(new java.awt.geom.Line2D.Double(x, y - size, x, y + size));
  }

  private static void planet(Canvas c, double x, double y, double radius) {
    Graphics2D g = c.g();
    Palette p = c.palette();
    Color body = c.random().nextBoolean() ? new Color(0xe9c46a) : new Color(0xe76f51);
    Shape ring = new Ellipse2D.Double(x - radius * 2.1, y - radius * 0.45, radius * 4.2, radius * 0.9);
    BasicStroke ringStroke = new BasicStroke((float) (radius * 0.16));
    Shape back = g.getClip();
    g.setClip(new Rectangle2D.Double(0, 0, c.width(), y));
    g.setColor(alpha(p.accent(), 200));
    g.setStroke(ringStroke);
    g.draw(ring);
    g.setClip(back);
    g.setPaint(new RadialGradientPaint(new Point2D.Double(x - radius * 0.4, y - radius * 0.4),
        (float) (radius * 1.6), new float[] {0f, 1f}, new Color[] {body.brighter(), mix(body, Color.BLACK, 0.6)}));
    g.fill(new Ellipse2D.Double(x - radius, y - radius, radius * 2, radius * 2));
    g.setClip(new Rectangle2D.Double(0, y, c.width(), c.height() - y));
    g.setColor(alpha(p.accent(), 220));
    g.draw(ring);
    g.setClip(back);
  }

  private static Path2D ridge(Canvas c, double base, double amplitude, double roughness) {
    Random r = c.random();
    int segments = c.hd() ? 256 : 128;
    double[] heights = new double[segments + 1];
    heights[0] = r.nextDouble();
    heights[segments] = r.nextDouble();
    double spread = 1.0;
    for (int step = segments; step > 1; step /= 2) {
      for (int i = step / 2; i < segments; i += step) {
        heights[i] = (heights[i - step / 2] + heights[i + step / 2]) / 2
            + (r.nextDouble() - 0.5) * spread;
      }
      spread *= roughness;
    }
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (double h : heights) {
      min = Math.min(min, h);
      max = Math.max(max, h);
    }
    double range = Math.max(1e-9, max - min);
    Path2D path = new Path2D.Double();
    path.moveTo(0, c.height());
    for (int i = 0; i <= segments; i++) {
      path.lineTo(c.width() * i / (double) segments, base - amplitude * (heights[i] - min) / range);
    }
    path.lineTo(c.width(), c.height());
    path.closePath();
    return path;
  }

  private static void snow(Canvas c, Path2D ridge, double snowLine) {
    Graphics2D g = c.g();
    Shape back = g.getClip();
    g.setClip(new Rectangle2D.Double(0, 0, c.width(), snowLine));
    g.setColor(new Color(255, 255, 255, 170));
    g.fill(ridge);
    g.setClip(back);
  }

  private static void trail(Canvas c) {
    Random r = c.random();
    Path2D path = new Path2D.Double();
    double x = c.width() * (0.3 + r.nextDouble() * 0.4);
    path.moveTo(x, c.height());
    path.curveTo(x + c.width() * 0.25, c.height() * 0.93, x - c.width() * 0.2, c.height() * 0.88,
        x + c.width() * 0.05, c.height() * 0.83);
    c.g().setColor(alpha(c.palette().accent(), 140));
    c.g().setStroke(new BasicStroke(c.width() / 160f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    c.g().draw(path);
  }

  private static void birds(Canvas c, double maxY) {
    Random r = c.random();
    Graphics2D g = c.g();
    g.setColor(alpha(c.palette().front(), 170));
    g.setStroke(new BasicStroke(c.width() / 400f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    double baseX = c.width() * (0.1 + r.nextDouble() * 0.6);
    double baseY = maxY * (0.25 + r.nextDouble() * 0.4);
    for (int i = 0; i < 3 + r.nextInt(4); i++) {
      double x = baseX + i * c.width() * 0.03 + r.nextDouble() * 15;
      double y = baseY + r.nextDouble() * c.height() * 0.05;
      double w = c.width() * 0.012;
      Path2D bird = new Path2D.Double();
      bird.moveTo(x - w, y - w * 0.4);
      bird.quadTo(x - w * 0.4, y - w * 0.5, x, y);
      bird.quadTo(x + w * 0.4, y - w * 0.5, x + w, y - w * 0.4);
      g.draw(bird);
    }
  }

  private static void headland(Canvas c, double horizon, boolean left) {
    Palette p = c.palette();
    Graphics2D g = c.g();
    double width = c.width() * 0.35;
    double x0 = left ? 0 : c.width() - width;
    Path2D land = new Path2D.Double();
    land.moveTo(x0, horizon + 1);
    for (int i = 0; i <= 20; i++) {
      double t = i / 20.0;
      double bump = Math.sin(t * Math.PI) * c.height() * 0.06 * (left ? 1 - t * 0.5 : 0.5 + t * 0.5);
      land.lineTo(x0 + width * t, horizon - bump);
    }
    land.lineTo(x0 + width, horizon + 1);
    land.closePath();
    g.setColor(layerColor(p, 0.2, 0.4));
    g.fill(land);
    double towerX = x0 + width * (left ? 0.3 : 0.7);
    double towerTop = horizon - c.height() * 0.16;
    double towerBase = horizon - c.height() * 0.045;
    double halfBottom = c.width() * 0.012;
    double halfTop = c.width() * 0.008;
    Path2D tower = new Path2D.Double();
    tower.moveTo(towerX - halfBottom, towerBase);
    tower.lineTo(towerX - halfTop, towerTop);
    tower.lineTo(towerX + halfTop, towerTop);
    tower.lineTo(towerX + halfBottom, towerBase);
    tower.closePath();
    g.setColor(PAPER);
    g.fill(tower);
    Shape back = g.getClip();
    g.setClip(tower);
    g.setColor(new Color(0xc0392b));
    for (int i = 0; i < 3; i++) {
      double y = towerTop + (towerBase - towerTop) * (0.15 + i * 0.3);
      g.fill(new Rectangle2D.Double(towerX - halfBottom, y, halfBottom * 2, (towerBase - towerTop) * 0.12));
    }
    g.setClip(back);
    glow(c, towerX, towerTop - halfTop, c.width() * 0.05, alpha(p.sun(), 170));
    g.setColor(p.front());
    g.fill(new Rectangle2D.Double(towerX - halfTop * 1.3, towerTop - halfTop * 2.2, halfTop * 2.6, halfTop * 2.2));
  }

  private static void waves(Canvas c, double horizon) {
    Random r = c.random();
    Graphics2D g = c.g();
    int rows = c.hd() ? 26 : 18;
    for (int i = 1; i <= rows; i++) {
      double t = i / (double) rows;
      double y = horizon + (c.height() - horizon) * t * t;
      double length = c.width() * (0.02 + 0.06 * t);
      g.setColor(alpha(mix(c.palette().skyHorizon(), Color.WHITE, 0.3), (int) (40 + 90 * t)));
      g.setStroke(new BasicStroke((float) (c.width() / 1024.0 * (1 + 2.5 * t)), BasicStroke.CAP_ROUND,
          BasicStroke.JOIN_ROUND));
      for (int k = 0; k < 6 + (int) (10 * t); k++) {
        double x = r.nextDouble() * c.width();
        Path2D wave = new Path2D.Double();
        wave.moveTo(x, y);
        wave.quadTo(x + length / 2, y - length * 0.18, x + length, y);
        g.draw(wave);
      }
    }
  }

  private static void sailboat(Canvas c, double horizon) {
    Random r = c.random();
    Graphics2D g = c.g();
    double scale = c.width() * (0.06 + r.nextDouble() * 0.04);
    double x = c.width() * (0.15 + r.nextDouble() * 0.7);
    double y = horizon + (c.height() - horizon) * (0.25 + r.nextDouble() * 0.3);
    Path2D hull = new Path2D.Double();
    hull.moveTo(x - scale, y);
    hull.lineTo(x + scale, y);
    hull.lineTo(x + scale * 0.7, y + scale * 0.28);
    hull.lineTo(x - scale * 0.7, y + scale * 0.28);
    hull.closePath();
    g.setColor(c.palette().front());
    g.fill(hull);
    Path2D main = new Path2D.Double();
    main.moveTo(x, y - scale * 0.05);
    main.lineTo(x, y - scale * 1.9);
    main.lineTo(x + scale * 0.9, y - scale * 0.05);
    main.closePath();
    g.setColor(PAPER);
    g.fill(main);
    Path2D jib = new Path2D.Double();
    jib.moveTo(x - scale * 0.08, y - scale * 0.05);
    jib.lineTo(x - scale * 0.08, y - scale * 1.6);
    jib.lineTo(x - scale * 0.8, y - scale * 0.05);
    jib.closePath();
    g.setColor(mix(PAPER, c.palette().accent(), 0.35));
    g.fill(jib);
  }

  private static void clouds(Canvas c, double maxY) {
    Random r = c.random();
    Graphics2D g = c.g();
    for (int k = 0; k < 3 + r.nextInt(3); k++) {
      double x = c.width() * r.nextDouble();
      double y = maxY * (0.2 + r.nextDouble() * 0.7);
      double w = c.width() * (0.08 + r.nextDouble() * 0.1);
      g.setColor(new Color(255, 255, 255, 120 + r.nextInt(80)));
      for (int puff = 0; puff < 4; puff++) {
        double px = x + puff * w * 0.35;
        double ph = w * (0.35 + 0.25 * Math.sin(puff * 1.3 + k));
        g.fill(new Ellipse2D.Double(px, y - ph / 2, w * 0.6, ph));
      }
    }
  }

  private static void roundTree(Canvas c, double x, double base, double size, Color color) {
    Graphics2D g = c.g();
    g.setColor(mix(color, Color.BLACK, 0.3));
    g.fill(new Rectangle2D.Double(x - size * 0.08, base - size * 0.9, size * 0.16, size * 0.9));
    g.setColor(color);
    g.fill(new Ellipse2D.Double(x - size * 0.55, base - size * 2.0, size * 1.1, size * 1.3));
  }

  private static void cottage(Canvas c, double x, double base, double size) {
    Graphics2D g = c.g();
    Palette p = c.palette();
    g.setColor(PAPER);
    g.fill(new Rectangle2D.Double(x - size * 0.6, base - size * 0.7, size * 1.2, size * 0.7));
    Path2D roof = new Path2D.Double();
    roof.moveTo(x - size * 0.75, base - size * 0.68);
    roof.lineTo(x, base - size * 1.2);
    roof.lineTo(x + size * 0.75, base - size * 0.68);
    roof.closePath();
    g.setColor(new Color(0xb5503c));
    g.fill(roof);
    g.setColor(p.isDark() ? p.sun() : p.front());
    g.fill(new Rectangle2D.Double(x - size * 0.35, base - size * 0.5, size * 0.22, size * 0.2));
    g.fill(new Rectangle2D.Double(x + size * 0.1, base - size * 0.45, size * 0.2, size * 0.45));
    if (p.isDark()) {
      glow(c, x - size * 0.24, base - size * 0.4, size * 0.6, alpha(p.sun(), 120));
    }
  }

  private static void road(Canvas c) {
    Random r = c.random();
    Path2D path = new Path2D.Double();
    double x = c.width() * (0.35 + r.nextDouble() * 0.3);
    path.moveTo(x, c.height());
    path.curveTo(x - c.width() * 0.3, c.height() * 0.9, x + c.width() * 0.25, c.height() * 0.8,
        x + c.width() * 0.02, c.height() * 0.7);
    c.g().setColor(alpha(mix(PAPER, c.palette().sun(), 0.4), 190));
    c.g().setStroke(new BasicStroke(c.width() / 45f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    c.g().draw(path);
  }

  private static void conifer(Canvas c, double x, double base, double size, Color color) {
    Graphics2D g = c.g();
    g.setColor(mix(color, Color.BLACK, 0.2));
    g.fill(new Rectangle2D.Double(x - size * 0.04, base - size * 0.15, size * 0.08, size * 0.2));
    g.setColor(color);
    for (int tier = 0; tier < 3; tier++) {
      double tierBase = base - size * (0.1 + tier * 0.25);
      double half = size * (0.3 - tier * 0.07);
      Path2D triangle = new Path2D.Double();
      triangle.moveTo(x - half, tierBase);
      triangle.lineTo(x, tierBase - size * 0.42);
      triangle.lineTo(x + half, tierBase);
      triangle.closePath();
      g.fill(triangle);
    }
  }

  private static void meadow(Canvas c) {
    Random r = c.random();
    Palette p = c.palette();
    Graphics2D g = c.g();
    Color[] petals = {p.accent(), p.sun(), new Color(0xf28482), PAPER};
    int count = c.hd() ? 220 : 140;
    for (int i = 0; i < count; i++) {
      double y = c.height() * (0.88 + r.nextDouble() * 0.12);
      double x = r.nextDouble() * c.width();
      double size = c.width() / 1024.0 * (3 + r.nextDouble() * 6);
      g.setColor(alpha(petals[r.nextInt(petals.length)], 200));
      g.fill(new Ellipse2D.Double(x, y, size, size));
    }
  }

  private static void windows(Canvas c, double x, double top, double w, double h) {
    Random r = c.random();
    Graphics2D g = c.g();
    double cell = c.width() / 100.0;
    for (double wy = top + cell; wy < top + h - cell; wy += cell * 1.8) {
      for (double wx = x + cell * 0.6; wx < x + w - cell; wx += cell * 1.4) {
        if (r.nextInt(3) == 0) {
          g.setColor(alpha(c.palette().accent(), 150 + r.nextInt(100)));
          g.fill(new Rectangle2D.Double(wx, wy, cell * 0.7, cell * 0.9));
        }
      }
    }
  }

  /** Land color at depth t (0 far, 1 near), hazed toward the horizon sky when far. */
  private static Color layerColor(Palette p, double t, double haze) {
    Color base;
    if (t < 1 / 3.0) {
      base = mix(p.far(), p.middle(), t * 3);
    } else if (t < 2 / 3.0) {
      base = mix(p.middle(), p.near(), (t - 1 / 3.0) * 3);
    } else {
      base = mix(p.near(), p.front(), (t - 2 / 3.0) * 3);
    }
    return mix(base, p.skyHorizon(), haze * (1 - t));
  }

  private static Color mix(Color a, Color b, double t) {
    double u = Math.max(0, Math.min(1, t));
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * u),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * u),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * u));
  }

  private static Color alpha(Color color, int alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), Math.max(0, Math.min(255, alpha)));
  }

}
