package ai.clouvel.core.offline;

import static ai.clouvel.core.offline.Brushes.alpha;
import static ai.clouvel.core.offline.Brushes.celestial;
import static ai.clouvel.core.offline.Brushes.layerColor;
import static ai.clouvel.core.offline.Brushes.mix;
import static ai.clouvel.core.offline.Brushes.ridge;
import static ai.clouvel.core.offline.Brushes.sky;
import static ai.clouvel.core.offline.Brushes.stars;

import ai.clouvel.core.offline.PaintedImageGenerator.Canvas;
import ai.clouvel.core.offline.PaintedImageGenerator.Palette;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

/** The settings {@link Scenes} did not have: a canyon, a garden and a room with a table. */
final class Settings {
  private Settings() {
  }

  /** A slot canyon: warm rock walls from both sides, a beam of light, a sandy floor. */
  static void canyon(Canvas c) {
    Palette p = c.palette();
    Random r = c.random();
    Graphics2D g = c.g();
    double horizon = c.height() * 0.7;
    sky(c, horizon);
    celestial(c, horizon * 0.6);
    g.setPaint(new LinearGradientPaint(0, (float) horizon, 0, c.height(), new float[] {0f, 1f},
        new Color[] {new Color(0xe9b97a), new Color(0xb9703f)}));
    g.fill(new Rectangle2D.Double(0, horizon, c.width(), c.height() - horizon));
    Color[] rock = {new Color(0xd9824a), new Color(0xb5542f), new Color(0x8a3b22), new Color(0x5e2716)};
    for (int layer = 0; layer < rock.length; layer++) {
      for (int side = 0; side < 2; side++) {
        Path2D wall = new Path2D.Double();
        double edge = c.width() * (0.18 + layer * 0.07 + r.nextDouble() * 0.04);
        double x0 = side == 0 ? 0 : c.width();
        double sign = side == 0 ? 1 : -1;
        wall.moveTo(x0, 0);
        for (int step = 0; step <= 10; step++) {
          double y = c.height() * step / 10.0;
          double wave = Math.sin(step * 0.9 + layer + side * 2) * c.width() * 0.05;
          wall.lineTo(x0 + sign * (edge + wave - layer * c.width() * 0.02), y);
        }
        wall.lineTo(x0, c.height());
        wall.closePath();
        g.setColor(mix(rock[layer], p.skyHorizon(), 0.12));
        g.fill(wall);
      }
    }
    Path2D beam = new Path2D.Double();
    double bx = c.width() * (0.42 + r.nextDouble() * 0.16);
    beam.moveTo(bx - c.width() * 0.03, 0);
    beam.lineTo(bx + c.width() * 0.03, 0);
    beam.lineTo(bx + c.width() * 0.09, c.height() * 0.9);
    beam.lineTo(bx - c.width() * 0.01, c.height() * 0.9);
    beam.closePath();
    g.setColor(new Color(255, 240, 200, 70));
    g.fill(beam);
  }

  /** A garden: a far ridge, a fence and rows of flowers down to the front. */
  static void garden(Canvas c) {
    Palette p = c.palette();
    Random r = c.random();
    Graphics2D g = c.g();
    double horizon = c.height() * 0.55;
    sky(c, horizon);
    celestial(c, horizon);
    g.setColor(layerColor(p, 0.2, 0.45));
    g.fill(ridge(c, horizon, c.height() * 0.06, 0.3));
    g.setPaint(new LinearGradientPaint(0, (float) horizon, 0, c.height(), new float[] {0f, 1f},
        new Color[] {new Color(0x7fb069), new Color(0x3f7a3a)}));
    g.fill(new Rectangle2D.Double(0, horizon + c.height() * 0.02, c.width(), c.height() - horizon));
    Color wood = new Color(0xe8dcc2);
    for (double x = 0; x < c.width(); x += c.width() * 0.05) {
      g.setColor(wood);
      g.fill(new Rectangle2D.Double(x, horizon - c.height() * 0.02, c.width() * 0.018, c.height() * 0.08));
    }
    g.fill(new Rectangle2D.Double(0, horizon, c.width(), c.height() * 0.01));
    Color[] petals = {new Color(0xe85d75), new Color(0xf2c14e), new Color(0x9b5de5), new Color(0xf7f7f2),
        new Color(0xf08a24), new Color(0x4ea5d9)};
    int rows = c.hd() ? 9 : 7;
    for (int row = 0; row < rows; row++) {
      double t = row / (double) (rows - 1);
      double y = horizon + c.height() * (0.07 + 0.38 * t * t);
      double size = c.height() * (0.004 + 0.012 * t);
      for (int i = 0; i < 60; i++) {
        double x = c.width() * r.nextDouble();
        g.setColor(petals[r.nextInt(petals.length)]);
        g.fill(new Ellipse2D.Double(x, y + (r.nextDouble() - 0.5) * c.height() * 0.03, size * 2, size * 2));
      }
    }
  }

  /** A room: patterned wall, a window on the sky, and a wooden table across the front. */
  static void interior(Canvas c) {
    Palette p = c.palette();
    Random r = c.random();
    Graphics2D g = c.g();
    Color wall = mix(p.skyHorizon(), Brushes.PAPER, 0.55);
    if (p.isDark()) {
      wall = mix(p.skyTop(), new Color(0x6b5a4a), 0.5);
    }
    g.setColor(wall);
    g.fillRect(0, 0, c.width(), c.height());
    g.setColor(mix(wall, Color.BLACK, 0.06));
    for (double x = 0; x < c.width(); x += c.width() / 16.0) {
      g.fill(new Rectangle2D.Double(x, 0, c.width() / 48.0, c.height() * 0.7));
    }
    double wx = c.width() * (r.nextBoolean() ? 0.12 : 0.56);
    double ww = c.width() * 0.32;
    double wy = c.height() * 0.12;
    double wh = c.height() * 0.36;
    Graphics2D clipped = (Graphics2D) g.create();
    clipped.clip(new Rectangle2D.Double(wx, wy, ww, wh));
    clipped.setPaint(new LinearGradientPaint(0, (float) wy, 0, (float) (wy + wh), new float[] {0f, 1f},
        new Color[] {p.skyTop(), p.skyHorizon()}));
    clipped.fill(new Rectangle2D.Double(wx, wy, ww, wh));
    clipped.setColor(layerColor(p, 0.3, 0.4));
    clipped.fill(ridge(c, wy + wh * 0.8, wh * 0.15, 0.3));
    clipped.dispose();
    if (p.isDark()) {
      g.clip(new Rectangle2D.Double(wx, wy, ww, wh * 0.7));
      stars(c, wy + wh * 0.7, 40);
      g.setClip(null);
      g.setColor(p.sun());
      g.fill(new Ellipse2D.Double(wx + ww * 0.65, wy + wh * 0.15, ww * 0.12, ww * 0.12));
    }
    Color frame = new Color(0xf4efe4);
    g.setColor(frame);
    float bar = c.width() / 90f;
    g.fill(new Rectangle2D.Double(wx - bar, wy - bar, ww + 2 * bar, bar * 2));
    g.fill(new Rectangle2D.Double(wx - bar, wy + wh - bar, ww + 2 * bar, bar * 2.5));
    g.fill(new Rectangle2D.Double(wx - bar, wy, bar * 2, wh));
    g.fill(new Rectangle2D.Double(wx + ww - bar, wy, bar * 2, wh));
    g.fill(new Rectangle2D.Double(wx + ww / 2 - bar / 2, wy, bar, wh));
    g.fill(new Rectangle2D.Double(wx, wy + wh / 2 - bar / 2, ww, bar));
    if (!p.isDark()) {
      Path2D beam = new Path2D.Double();
      beam.moveTo(wx, wy + wh);
      beam.lineTo(wx + ww, wy + wh);
      beam.lineTo(wx + ww * 1.5, c.height() * 0.95);
      beam.lineTo(wx + ww * 0.3, c.height() * 0.95);
      beam.closePath();
      g.setColor(alpha(p.sun(), 60));
      g.fill(beam);
    }
    double top = c.height() * 0.72;
    Color wood = new Color(0x9a6a3f);
    g.setPaint(new LinearGradientPaint(0, (float) top, 0, c.height(), new float[] {0f, 1f},
        new Color[] {mix(wood, Color.WHITE, 0.1), mix(wood, Color.BLACK, 0.35)}));
    g.fill(new Rectangle2D.Double(0, top, c.width(), c.height() - top));
    g.setColor(mix(wood, Color.BLACK, 0.2));
    for (int plank = 1; plank < 5; plank++) {
      g.fill(new Rectangle2D.Double(0, top + (c.height() - top) * plank / 5.0, c.width(), c.height() / 400.0 + 1));
    }
  }
}
