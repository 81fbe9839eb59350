package ai.clouvel.core.offline;

import static ai.clouvel.core.offline.Shapes.ellipse;
import static ai.clouvel.core.offline.Shapes.fill;
import static ai.clouvel.core.offline.Shapes.line;
import static ai.clouvel.core.offline.Shapes.paint;
import static ai.clouvel.core.offline.Shapes.pick;
import static ai.clouvel.core.offline.Shapes.poly;
import static ai.clouvel.core.offline.Shapes.rect;
import static ai.clouvel.core.offline.Shapes.shadow;

import ai.clouvel.core.offline.PaintedImageGenerator.Canvas;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;

/** The buildings, vehicles and sky objects of {@link Subject}, standing on {@code (x, base)}, {@code s} high. */
final class Things {
  private static final Color STONE = new Color(0xb9b2a4);
  private static final Color WINDOW_DARK = new Color(0x2c3440);

  private Things() {
  }

  private static Color windowColor(Canvas c) {
    return c.palette().isDark() ? new Color(0xffd87a) : WINDOW_DARK;
  }

  static void lighthouse(Canvas c, double x, double base, double s) {
    double w = s * 0.2;
    if (c.palette().isDark()) {
      fill(c, poly(x, base - s * 0.86, x - s * 1.6, base - s * 1.05, x - s * 1.6, base - s * 0.7), new Color(255, 240, 180, 70));
      fill(c, poly(x, base - s * 0.86, x + s * 1.6, base - s * 1.0, x + s * 1.6, base - s * 0.75), new Color(255, 240, 180, 50));
    }
    paint(c, poly(x - w * 1.4, base, x + w * 1.4, base, x + w * 1.2, base - s * 0.08, x - w * 1.2, base - s * 0.08), STONE, s);
    Shape tower = poly(x - w, base - s * 0.08, x + w, base - s * 0.08, x + w * 0.6, base - s * 0.78, x - w * 0.6, base - s * 0.78);
    paint(c, tower, Color.WHITE, s);
    java.awt.Shape clip = c.g().getClip();
    c.g().clip(tower);
    for (int band = 0; band < 3; band++) {
      fill(c, rect(x - w * 1.2, base - s * (0.24 + band * 0.2), w * 2.4, s * 0.08), new Color(0xc8372d));
    }
    c.g().setClip(clip);
    paint(c, rect(x - w * 0.8, base - s * 0.82, w * 1.6, s * 0.05), WINDOW_DARK, s);
    paint(c, rect(x - w * 0.5, base - s * 0.93, w, s * 0.11), new Color(0xffe9a0), s);
    Brushes.glow(c, x, base - s * 0.88, s * 0.25, new Color(255, 230, 150, 150));
    paint(c, poly(x - w * 0.65, base - s * 0.93, x + w * 0.65, base - s * 0.93, x, base - s), new Color(0xc8372d), s);
    fill(c, rect(x - w * 0.15, base - s * 0.5, w * 0.3, s * 0.06), windowColor(c));
  }

  static void house(Canvas c, double x, double base, double s) {
    Color wall = pick(c, 0xf3e3c3, 0xd9e2ec, 0xe8c3b0, 0xf7f3ea);
    shadow(c, x, base, s * 0.7);
    paint(c, rect(x - s * 0.55, base - s * 0.6, s * 1.1, s * 0.6), wall, s);
    paint(c, poly(x - s * 0.7, base - s * 0.58, x, base - s * 1.0, x + s * 0.7, base - s * 0.58), pick(c, 0xb5503c, 0x5b4636, 0x3f5f7f), s);
    paint(c, rect(x + s * 0.25, base - s * 0.95, s * 0.12, s * 0.22), new Color(0x8c5a44), s);
    paint(c, rect(x - s * 0.1, base - s * 0.36, s * 0.2, s * 0.36), new Color(0x6b4a2f), s);
    for (int side = -1; side <= 1; side += 2) {
      paint(c, rect(x + side * s * 0.32 - s * 0.09, base - s * 0.45, s * 0.18, s * 0.16), windowColor(c), s);
    }
  }

  static void castle(Canvas c, double x, double base, double s) {
    shadow(c, x, base, s * 0.8);
    Area walls = new Area(rect(x - s * 0.6, base - s * 0.55, s * 1.2, s * 0.55));
    for (int side = -1; side <= 1; side += 2) {
      walls.add(new Area(rect(x + side * s * 0.6 - s * 0.15, base - s * 0.9, s * 0.3, s * 0.9)));
    }
    walls.add(new Area(rect(x - s * 0.14, base - s, s * 0.28, s)));
    for (int m = 0; m < 4; m++) {
      walls.subtract(new Area(rect(x - s * 0.55 + m * s * 0.3, base - s * 0.55, s * 0.1, s * 0.06)));
    }
    paint(c, walls, STONE, s);
    for (int side = -1; side <= 1; side += 2) {
      for (int m = 0; m < 3; m++) {
        paint(c, rect(x + side * s * 0.6 - s * 0.15 + m * s * 0.11, base - s * 0.97, s * 0.08, s * 0.07), STONE, s);
      }
      paint(c, rect(x + side * s * 0.6 - s * 0.03, base - s * 0.7, s * 0.06, s * 0.12), WINDOW_DARK, s);
    }
    paint(c, new Arc2D.Double(x - s * 0.12, base - s * 0.3, s * 0.24, s * 0.3, 0, 180, Arc2D.CHORD), new Color(0x4a3628), s);
    fill(c, rect(x - s * 0.12, base - s * 0.15, s * 0.24, s * 0.15), new Color(0x4a3628));
    line(c, new Color(0x4a3628), s * 0.01, x, base - s, x, base - s * 1.2);
    fill(c, poly(x, base - s * 1.2, x + s * 0.2, base - s * 1.15, x, base - s * 1.1), pick(c, 0xc8372d, 0x2f6f8f, 0xe2a93b));
  }

  static void library(Canvas c, double x, double base, double s) {
    Color marble = new Color(0xece6da);
    shadow(c, x, base, s * 0.8);
    paint(c, rect(x - s * 0.7, base - s * 0.08, s * 1.4, s * 0.08), marble, s);
    paint(c, rect(x - s * 0.62, base - s * 0.14, s * 1.24, s * 0.06), marble, s);
    paint(c, rect(x - s * 0.6, base - s * 0.7, s * 1.2, s * 0.56), Brushes.mix(marble, Color.GRAY, 0.2), s);
    for (int col = 0; col < 6; col++) {
      paint(c, rect(x - s * 0.55 + col * s * 0.205, base - s * 0.7, s * 0.09, s * 0.56), marble, s);
    }
    paint(c, rect(x - s * 0.66, base - s * 0.78, s * 1.32, s * 0.08), marble, s);
    paint(c, poly(x - s * 0.7, base - s * 0.78, x, base - s, x + s * 0.7, base - s * 0.78), marble, s);
    paint(c, rect(x - s * 0.08, base - s * 0.4, s * 0.16, s * 0.26), new Color(0x6b4a2f), s);
  }

  static void stoneWall(Canvas c, double x, double base, double s) {
    double width = c.width() * 0.9;
    double left = x - width / 2;
    fill(c, rect(left, base - s, width, s), Brushes.mix(STONE, c.palette().near(), 0.25));
    int rows = 4;
    for (int row = 0; row < rows; row++) {
      double y = base - s + row * s / rows;
      double brick = s * 0.7;
      for (double bx = left - (row % 2) * brick / 2; bx < left + width; bx += brick) {
        Shapes.outline(c, rect(Math.max(left, bx), y, Math.min(brick, left + width - Math.max(left, bx)), s / rows),
            Brushes.mix(STONE, Color.BLACK, 0.45), s * 3);
      }
    }
    for (double bx = left; bx < left + width; bx += s * 0.5) {
      fill(c, rect(bx, base - s * 1.12, s * 0.3, s * 0.12), Brushes.mix(STONE, c.palette().near(), 0.25));
    }
  }

  static void tent(Canvas c, double x, double base, double s) {
    Color cloth = pick(c, 0xe2a93b, 0xc8372d, 0x3f8f5a, 0x2f6f8f);
    shadow(c, x, base, s * 0.8);
    paint(c, poly(x - s * 0.75, base, x, base - s, x + s * 0.75, base), cloth, s);
    paint(c, poly(x - s * 0.2, base, x, base - s * 0.6, x + s * 0.2, base), new Color(0x2a2a2a), s);
    if (c.palette().isDark()) {
      Brushes.glow(c, x, base - s * 0.2, s * 0.6, new Color(255, 200, 120, 110));
    }
  }

  static void bicycle(Canvas c, double x, double base, double s) {
    Color frame = pick(c, 0xc8372d, 0x2f6f8f, 0x2a2a2a, 0x3f8f5a, 0xe2a93b);
    Color tyre = new Color(0x222222);
    double r = s * 0.36;
    double back = x - s * 0.55;
    double front = x + s * 0.55;
    double axle = base - r;
    shadow(c, x, base, s * 0.95);
    for (double wheel : new double[] {back, front}) {
      c.g().setColor(tyre);
      c.g().setStroke(new BasicStroke((float) (s * 0.05)));
      c.g().draw(ellipse(wheel, axle, r, r));
      c.g().setStroke(new BasicStroke((float) Math.max(1, s * 0.006)));
      for (int spoke = 0; spoke < 12; spoke++) {
        double a = spoke * Math.PI / 6;
        c.g().draw(new java.awt.geom.Line2D.Double(wheel, axle, wheel + Math.cos(a) * r, axle + Math.sin(a) * r));
      }
    }
    double crank = x - s * 0.05;
    double seat = x - s * 0.2;
    double top = base - s * 0.85;
    double width = s * 0.045;
    line(c, frame, width, back, axle, crank, axle, seat, top, back, axle);
    line(c, frame, width, seat, top, front - s * 0.12, top, crank, axle);
    line(c, frame, width, front - s * 0.12, top - s * 0.05, front, axle);
    line(c, Color.DARK_GRAY, width, front - s * 0.14, top - s * 0.1, front - s * 0.02, top - s * 0.14);
    fill(c, Shapes.round(seat - s * 0.1, top - s * 0.06, s * 0.2, s * 0.05, s * 0.04), new Color(0x2a2a2a));
    fill(c, ellipse(crank, axle, s * 0.05, s * 0.05), Color.DARK_GRAY);
  }

  static void sailboat(Canvas c, double x, double base, double s) {
    Color hull = pick(c, 0x8c5a44, 0x2f4f6f, 0xf4f1ea, 0xb5303c);
    paint(c, poly(x - s * 0.55, base - s * 0.2, x + s * 0.6, base - s * 0.2, x + s * 0.4, base, x - s * 0.42, base), hull, s);
    line(c, new Color(0x4a3628), s * 0.025, x, base - s * 0.2, x, base - s);
    paint(c, poly(x + s * 0.02, base - s * 0.98, x + s * 0.5, base - s * 0.26, x + s * 0.02, base - s * 0.26), new Color(0xfbf8f1), s);
    paint(c, poly(x - s * 0.03, base - s * 0.85, x - s * 0.03, base - s * 0.28, x - s * 0.4, base - s * 0.28), new Color(0xf0e6d2), s);
    fill(c, poly(x, base - s, x + s * 0.16, base - s * 0.96, x, base - s * 0.92), pick(c, 0xc8372d, 0xe2a93b));
  }

  static void rocket(Canvas c, double x, double base, double s) {
    double w = s * 0.14;
    Color body = new Color(0xf1f1ee);
    Color trim = pick(c, 0xc8372d, 0x2f6f8f, 0x3a3a48);
    for (int i = 0; i < 4; i++) {
      Brushes.glow(c, x, base + s * 0.05 * i, s * (0.25 - i * 0.04), new Color(255, 170 - i * 30, 60, 150));
    }
    fill(c, poly(x - w * 0.7, base - s * 0.1, x, base + s * 0.35, x + w * 0.7, base - s * 0.1), new Color(0xffb347));
    fill(c, poly(x - w * 0.4, base - s * 0.1, x, base + s * 0.18, x + w * 0.4, base - s * 0.1), new Color(0xfff3b0));
    for (int side = -1; side <= 1; side += 2) {
      paint(c, poly(x + side * w, base - s * 0.35, x + side * w * 2.1, base - s * 0.05, x + side * w, base - s * 0.12), trim, s);
    }
    Area hull = new Area(Shapes.round(x - w, base - s * 0.78, w * 2, s * 0.7, w));
    hull.add(new Area(poly(x - w, base - s * 0.7, x, base - s, x + w, base - s * 0.7)));
    paint(c, hull, body, s);
    paint(c, ellipse(x, base - s * 0.6, w * 0.5, w * 0.5), new Color(0x7ec8e3), s);
    fill(c, rect(x - w, base - s * 0.28, w * 2, s * 0.05), trim);
  }

  static void telescope(Canvas c, double x, double base, double s) {
    Color tube = pick(c, 0xeeeeee, 0x2f4f6f, 0xb8862f);
    shadow(c, x, base, s * 0.4);
    for (int leg = -1; leg <= 1; leg++) {
      line(c, new Color(0x3a3a3a), s * 0.03, x, base - s * 0.45, x + leg * s * 0.3, base);
    }
    java.awt.geom.AffineTransform saved = c.g().getTransform();
    c.g().rotate(-0.6, x, base - s * 0.5);
    paint(c, Shapes.round(x - s * 0.45, base - s * 0.58, s * 0.95, s * 0.16, s * 0.05), tube, s);
    paint(c, rect(x + s * 0.42, base - s * 0.6, s * 0.08, s * 0.2), Brushes.mix(tube, Color.BLACK, 0.3), s);
    paint(c, rect(x - s * 0.55, base - s * 0.54, s * 0.1, s * 0.08), Brushes.mix(tube, Color.BLACK, 0.3), s);
    c.g().setTransform(saved);
  }

  static void ringedPlanet(Canvas c, double x, double base, double s) {
    double r = s * 0.32;
    double cy = base - s * 0.5;
    Color planet = pick(c, 0xe3c08d, 0xd99a6c, 0xc9b38a);
    Color ring = new Color(0xf1e3c0);
    c.g().setColor(Brushes.alpha(ring, 200));
    c.g().setStroke(new BasicStroke((float) (s * 0.05)));
    c.g().draw(new Arc2D.Double(x - r * 1.9, cy - r * 0.45, r * 3.8, r * 0.9, 0, 180, Arc2D.OPEN));
    paint(c, ellipse(x, cy, r, r), planet, s);
    java.awt.Shape clip = c.g().getClip();
    c.g().clip(ellipse(x, cy, r, r));
    for (int band = -2; band <= 2; band++) {
      fill(c, rect(x - r, cy + band * r * 0.32, r * 2, r * 0.1), Brushes.mix(planet, Color.BLACK, 0.15));
    }
    c.g().setClip(clip);
    c.g().setColor(ring);
    c.g().setStroke(new BasicStroke((float) (s * 0.05)));
    c.g().draw(new Arc2D.Double(x - r * 1.9, cy - r * 0.45, r * 3.8, r * 0.9, 180, 180, Arc2D.OPEN));
  }

  static void train(Canvas c, double x, double base, double s) {
    Color paint = pick(c, 0xb5303c, 0x2f6f8f, 0x3f8f5a);
    double w = s * 2.2;
    shadow(c, x, base, w * 0.55);
    line(c, new Color(0x5a4a3a), s * 0.04, x - w * 0.7, base, x + w * 0.7, base);
    for (int car = 0; car < 3; car++) {
      double left = x - w / 2 + car * w * 0.34;
      paint(c, Shapes.round(left, base - s * 0.75, w * 0.31, s * 0.62, s * 0.1), paint, s);
      for (int win = 0; win < 3; win++) {
        paint(c, rect(left + w * 0.03 + win * w * 0.09, base - s * 0.62, w * 0.06, s * 0.2), windowColor(c), s);
      }
      for (int wheel = 0; wheel < 2; wheel++) {
        paint(c, ellipse(left + w * (0.07 + wheel * 0.17), base - s * 0.08, s * 0.09, s * 0.09), new Color(0x333333), s);
      }
    }
  }

  static void star(Canvas c, double x, double base, double s) {
    double cy = base - s * 0.5;
    Brushes.glow(c, x, cy, s * 1.2, new Color(255, 240, 200, 120));
    double[] points = new double[20];
    for (int i = 0; i < 10; i++) {
      double a = -Math.PI / 2 + i * Math.PI / 5;
      double r = i % 2 == 0 ? s * 0.5 : s * 0.2;
      points[i * 2] = x + Math.cos(a) * r;
      points[i * 2 + 1] = cy + Math.sin(a) * r;
    }
    fill(c, poly(points), new Color(0xfff3b0));
  }
}
