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
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

/** The brushes the scenes of {@link PaintedImageGenerator} paint with: sky, sun, land, water and details. */
final class Brushes {
  static final Color TRANSPARENT = new Color(0, 0, 0, 0);
  static final Color PAPER = new Color(0xf7f3ea);

  private Brushes() {
  }

  static void sky(Canvas c, double horizon) {
    Palette p = c.palette();
    c.g().setPaint(new LinearGradientPaint(0, 0, 0, (float) horizon, new float[] {0f, 0.65f, 1f},
        new Color[] {p.skyTop(), mix(p.skyTop(), p.skyHorizon(), 0.6), p.skyHorizon()},
        MultipleGradientPaint.CycleMethod.NO_CYCLE));
    c.g().fillRect(0, 0, c.width(), c.height());
  }

  static void celestial(Canvas c, double horizon) {
    Random r = c.random();
    if (c.palette().isDark()) {
      stars(c, horizon, c.hd() ? 320 : 200);
    }
    double x = c.width() * (0.18 + r.nextDouble() * 0.64);
    double y = horizon * (0.35 + r.nextDouble() * 0.35);
    sun(c, x, y, c.width() * (0.05 + r.nextDouble() * 0.04));
  }

  static void sun(Canvas c, double x, double y, double radius) {
    glow(c, x, y, radius * 4.5, alpha(c.palette().sun(), 110));
    c.g().setColor(c.palette().sun());
    c.g().fill(new Ellipse2D.Double(x - radius, y - radius, radius * 2, radius * 2));
  }

  static void glow(Canvas c, double x, double y, double radius, Color color) {
    c.g().setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) radius,
        new float[] {0f, 1f}, new Color[] {color, alpha(color, 0)}));
    c.g().fill(new Ellipse2D.Double(x - radius, y - radius, radius * 2, radius * 2));
  }

  static void stars(Canvas c, double maxY, int count) {
    Random r = c.random();
    for (int i = 0; i < count; i++) {
      double size = c.width() / 1024.0 * (0.6 + r.nextDouble() * r.nextDouble() * 2.6);
      c.g().setColor(new Color(255, 255, 240, 60 + r.nextInt(190)));
      c.g().fill(new Ellipse2D.Double(r.nextDouble() * c.width(), r.nextDouble() * maxY, size, size));
    }
  }

  static void sparkle(Canvas c, double x, double y, double size) {
    Graphics2D g = c.g();
    glow(c, x, y, size * 2.5, new Color(255, 255, 255, 90));
    g.setColor(new Color(255, 255, 255, 220));
    g.setStroke(new BasicStroke((float) (size / 8)));
    g.draw(new java.awt.geom.Line2D.Double(x - size, y, x + size, y));
    g.draw(new java.awt.geom.Line2D.Double(x, y - size, x, y + size));
  }

  static void planet(Canvas c, double x, double y, double radius) {
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

  static Path2D ridge(Canvas c, double base, double amplitude, double roughness) {
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

  static void snow(Canvas c, Path2D ridge, double snowLine) {
    Graphics2D g = c.g();
    Shape back = g.getClip();
    g.setClip(new Rectangle2D.Double(0, 0, c.width(), snowLine));
    g.setColor(new Color(255, 255, 255, 170));
    g.fill(ridge);
    g.setClip(back);
  }

  static void trail(Canvas c) {
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

  static void birds(Canvas c, double maxY) {
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

  static void headland(Canvas c, double horizon, boolean left) {
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

  static void waves(Canvas c, double horizon) {
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

  static void sailboat(Canvas c, double horizon) {
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

  static void clouds(Canvas c, double maxY) {
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

  static void roundTree(Canvas c, double x, double base, double size, Color color) {
    Graphics2D g = c.g();
    g.setColor(mix(color, Color.BLACK, 0.3));
    g.fill(new Rectangle2D.Double(x - size * 0.08, base - size * 0.9, size * 0.16, size * 0.9));
    g.setColor(color);
    g.fill(new Ellipse2D.Double(x - size * 0.55, base - size * 2.0, size * 1.1, size * 1.3));
  }

  static void cottage(Canvas c, double x, double base, double size) {
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

  static void road(Canvas c) {
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

  static void conifer(Canvas c, double x, double base, double size, Color color) {
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

  static void meadow(Canvas c) {
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

  static void windows(Canvas c, double x, double top, double w, double h) {
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
  static Color layerColor(Palette p, double t, double haze) {
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

  static Color mix(Color a, Color b, double t) {
    double u = Math.max(0, Math.min(1, t));
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * u),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * u),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * u));
  }

  static Color alpha(Color color, int alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), Math.max(0, Math.min(255, alpha)));
  }
}
