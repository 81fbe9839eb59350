package ai.clouvel.core.offline;

import static ai.clouvel.core.offline.Brushes.*;

import ai.clouvel.core.offline.PaintedImageGenerator.Canvas;
import ai.clouvel.core.offline.PaintedImageGenerator.Palette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RadialGradientPaint;
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

  static void hills(Canvas c, boolean cottage) {
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
      if (cottage && i == layers - 2) {
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
}
