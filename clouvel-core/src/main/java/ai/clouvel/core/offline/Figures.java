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
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Path2D;

/** The animals of {@link Subject}: each stands (or flies) on {@code (x, base)} and is {@code s} high. */
final class Figures {
  private static final Color EYE = new Color(0x1d1d1b);

  private Figures() {
  }

  static void cat(Canvas c, double x, double base, double s) {
    Color fur = pick(c, 0xe08a3c, 0x8a8f98, 0x2f2f33, 0xe9d8b4, 0xc98f5a);
    shadow(c, x, base, s * 0.34);
    Path2D tail = new Path2D.Double();
    tail.moveTo(x + s * 0.2, base - s * 0.06);
    tail.curveTo(x + s * 0.5, base - s * 0.02, x + s * 0.5, base - s * 0.4, x + s * 0.36, base - s * 0.5);
    line(c, Brushes.mix(fur, Color.BLACK, 0.5), s * 0.1, x + s * 0.2, base - s * 0.06, x + s * 0.42, base - s * 0.1,
        x + s * 0.46, base - s * 0.3, x + s * 0.38, base - s * 0.48);
    line(c, fur, s * 0.075, x + s * 0.2, base - s * 0.06, x + s * 0.42, base - s * 0.1,
        x + s * 0.46, base - s * 0.3, x + s * 0.38, base - s * 0.48);
    paint(c, ellipse(x, base - s * 0.3, s * 0.26, s * 0.31), fur, s);
    fill(c, ellipse(x, base - s * 0.3, s * 0.12, s * 0.2), Brushes.mix(fur, Color.WHITE, 0.45));
    for (int side = -1; side <= 1; side += 2) {
      paint(c, poly(x + side * s * 0.19, base - s * 0.76, x + side * s * 0.17, base - s * 1.0,
          x + side * s * 0.03, base - s * 0.88), fur, s);
      fill(c, poly(x + side * s * 0.165, base - s * 0.8, x + side * s * 0.16, base - s * 0.94,
          x + side * s * 0.07, base - s * 0.87), new Color(0xf2a7a0));
      fill(c, ellipse(x + side * s * 0.1, base - s * 0.09, s * 0.07, s * 0.05), Brushes.mix(fur, Color.WHITE, 0.3));
    }
    paint(c, ellipse(x, base - s * 0.72, s * 0.2, s * 0.17), fur, s);
    for (int side = -1; side <= 1; side += 2) {
      fill(c, ellipse(x + side * s * 0.08, base - s * 0.74, s * 0.04, s * 0.035), new Color(0xc8d84a));
      fill(c, ellipse(x + side * s * 0.08, base - s * 0.74, s * 0.01, s * 0.03), EYE);
      for (int w = 0; w < 2; w++) {
        line(c, new Color(240, 240, 240, 200), s * 0.006, x + side * s * 0.05, base - s * 0.66,
            x + side * s * 0.28, base - s * (0.7 - w * 0.05));
      }
    }
    fill(c, poly(x - s * 0.025, base - s * 0.68, x + s * 0.025, base - s * 0.68, x, base - s * 0.65), new Color(0xe58b8b));
  }

  static void dog(Canvas c, double x, double base, double s) {
    Color fur = pick(c, 0xc58b4f, 0x6b4a2f, 0xe8d2a6, 0x3a3330, 0xd9a066);
    Color ear = Brushes.mix(fur, Color.BLACK, 0.35);
    shadow(c, x, base, s * 0.36);
    line(c, ear, s * 0.08, x - s * 0.2, base - s * 0.15, x - s * 0.42, base - s * 0.35);
    paint(c, ellipse(x, base - s * 0.3, s * 0.27, s * 0.3), fur, s);
    paint(c, round(x - s * 0.2, base - s * 0.12, s * 0.14, s * 0.12), fur, s);
    paint(c, round(x + s * 0.06, base - s * 0.12, s * 0.14, s * 0.12), fur, s);
    paint(c, ellipse(x, base - s * 0.7, s * 0.2, s * 0.19), fur, s);
    for (int side = -1; side <= 1; side += 2) {
      paint(c, ellipse(x + side * s * 0.21, base - s * 0.66, s * 0.07, s * 0.15), ear, s);
      fill(c, ellipse(x + side * s * 0.08, base - s * 0.74, s * 0.03, s * 0.035), EYE);
    }
    paint(c, ellipse(x, base - s * 0.6, s * 0.11, s * 0.08), Brushes.mix(fur, Color.WHITE, 0.4), s);
    fill(c, ellipse(x, base - s * 0.635, s * 0.04, s * 0.028), EYE);
    fill(c, ellipse(x, base - s * 0.53, s * 0.03, s * 0.04), new Color(0xe36b7a));
  }

  private static Shape round(double x, double y, double w, double h) {
    return Shapes.round(x, y, w, h, w * 0.6);
  }

  static void bird(Canvas c, double x, double base, double s) {
    Color body = pick(c, 0x3b3b48, 0xf4f1ea, 0x4f7cac, 0xc0503a);
    double y = base - s * 0.5;
    paint(c, poly(x - s * 0.1, y, x - s * 0.7, y - s * 0.55, x - s * 0.3, y - s * 0.05), body, s);
    paint(c, poly(x + s * 0.1, y, x + s * 0.75, y - s * 0.5, x + s * 0.3, y - s * 0.05), body, s);
    paint(c, ellipse(x, y, s * 0.35, s * 0.16), body, s);
    fill(c, poly(x + s * 0.33, y - s * 0.04, x + s * 0.5, y + s * 0.02, x + s * 0.33, y + s * 0.05), new Color(0xf2b134));
    fill(c, ellipse(x + s * 0.22, y - s * 0.04, s * 0.03, s * 0.03), EYE);
  }

  static void bee(Canvas c, double x, double base, double s) {
    double y = base - s * 0.5;
    fill(c, ellipse(x - s * 0.12, y - s * 0.38, s * 0.22, s * 0.3), new Color(235, 245, 255, 170));
    fill(c, ellipse(x + s * 0.14, y - s * 0.36, s * 0.2, s * 0.28), new Color(235, 245, 255, 150));
    Shape body = ellipse(x, y, s * 0.45, s * 0.3);
    c.g().setColor(new Color(0xf6c21c));
    c.g().fill(body);
    java.awt.Shape clip = c.g().getClip();
    c.g().clip(body);
    for (int i = -2; i <= 2; i += 2) {
      fill(c, rect(x + i * s * 0.12 - s * 0.05, y - s * 0.4, s * 0.1, s * 0.8), new Color(0x2b2216));
    }
    c.g().setClip(clip);
    Shapes.outline(c, body, new Color(0x2b2216), s);
    fill(c, ellipse(x + s * 0.42, y - s * 0.02, s * 0.14, s * 0.14), new Color(0x2b2216));
    fill(c, poly(x - s * 0.44, y - s * 0.04, x - s * 0.62, y, x - s * 0.44, y + s * 0.04), new Color(0x2b2216));
  }

  static void dragon(Canvas c, double x, double base, double s) {
    Color scales = pick(c, 0x3f8f5a, 0xb8412f, 0x6a4c9c, 0x2f6f8f);
    Color belly = new Color(0xf1d98a);
    Color wing = Brushes.mix(scales, Color.BLACK, 0.3);
    double y = base - s * 0.5;
    paint(c, poly(x - s * 0.1, y - s * 0.1, x - s * 0.35, y - s * 0.75, x - s * 0.42, y - s * 0.45,
        x - s * 0.6, y - s * 0.55, x - s * 0.55, y - s * 0.3, x - s * 0.75, y - s * 0.3, x - s * 0.3, y), wing, s);
    Path2D tail = new Path2D.Double();
    tail.moveTo(x - s * 0.3, y + s * 0.05);
    tail.curveTo(x - s * 0.7, y + s * 0.25, x - s * 0.9, y + s * 0.05, x - s * 1.05, y - s * 0.12);
    c.g().setColor(scales);
    c.g().setStroke(new java.awt.BasicStroke((float) (s * 0.1), java.awt.BasicStroke.CAP_ROUND,
        java.awt.BasicStroke.JOIN_ROUND));
    c.g().draw(tail);
    paint(c, poly(x - s * 1.05, y - s * 0.12, x - s * 1.2, y - s * 0.22, x - s * 1.12, y - s * 0.02), scales, s);
    Area body = new Area(ellipse(x, y, s * 0.42, s * 0.17));
    paint(c, body, scales, s);
    fill(c, ellipse(x + s * 0.02, y + s * 0.07, s * 0.32, s * 0.07), belly);
    for (int leg = 0; leg < 2; leg++) {
      line(c, scales, s * 0.07, x - s * 0.15 + leg * s * 0.3, y + s * 0.1, x - s * 0.1 + leg * s * 0.3, y + s * 0.3);
    }
    line(c, scales, s * 0.12, x + s * 0.35, y - s * 0.05, x + s * 0.55, y - s * 0.3);
    paint(c, poly(x + s * 0.48, y - s * 0.38, x + s * 0.8, y - s * 0.33, x + s * 0.82, y - s * 0.26,
        x + s * 0.56, y - s * 0.2), scales, s);
    paint(c, poly(x + s * 0.5, y - s * 0.37, x + s * 0.45, y - s * 0.52, x + s * 0.58, y - s * 0.4), belly, s);
    fill(c, ellipse(x + s * 0.62, y - s * 0.32, s * 0.025, s * 0.02), new Color(0xffd23f));
    paint(c, poly(x + s * 0.05, y - s * 0.1, x + s * 0.25, y - s * 0.85, x + s * 0.32, y - s * 0.5,
        x + s * 0.5, y - s * 0.62, x + s * 0.42, y - s * 0.3, x + s * 0.6, y - s * 0.2, x + s * 0.25, y), wing, s);
    for (int spike = 0; spike < 5; spike++) {
      double sx = x - s * 0.3 + spike * s * 0.13;
      fill(c, poly(sx, y - s * 0.14, sx + s * 0.05, y - s * 0.25, sx + s * 0.1, y - s * 0.15), belly);
    }
  }

  static void swan(Canvas c, double x, double base, double s) {
    Color white = new Color(0xfbf8f1);
    double y = base - s * 0.22;
    paint(c, poly(x - s * 0.45, y - s * 0.1, x - s * 0.3, y + s * 0.18, x + s * 0.3, y + s * 0.18,
        x + s * 0.4, y - s * 0.02, x + s * 0.1, y - s * 0.05, x - s * 0.1, y - s * 0.25), white, s);
    line(c, Brushes.mix(white, Color.GRAY, 0.4), s * 0.12, x + s * 0.28, y, x + s * 0.3, y - s * 0.4,
        x + s * 0.14, y - s * 0.6, x + s * 0.22, y - s * 0.75);
    line(c, white, s * 0.09, x + s * 0.28, y, x + s * 0.3, y - s * 0.4, x + s * 0.14, y - s * 0.6,
        x + s * 0.22, y - s * 0.75);
    paint(c, ellipse(x + s * 0.24, y - s * 0.76, s * 0.07, s * 0.06), white, s);
    fill(c, poly(x + s * 0.29, y - s * 0.79, x + s * 0.42, y - s * 0.74, x + s * 0.29, y - s * 0.72), new Color(0xf08a24));
    fill(c, ellipse(x + s * 0.25, y - s * 0.78, s * 0.012, s * 0.012), EYE);
  }

  static void fish(Canvas c, double x, double base, double s) {
    Color scales = pick(c, 0xf08a24, 0x4f9fcf, 0xd94f4f, 0xe6c229);
    double y = base - s * 0.5;
    paint(c, poly(x - s * 0.45, y, x - s * 0.8, y - s * 0.35, x - s * 0.75, y + s * 0.35), scales, s);
    paint(c, ellipse(x, y, s * 0.55, s * 0.35), scales, s);
    paint(c, poly(x - s * 0.05, y - s * 0.3, x + s * 0.15, y - s * 0.55, x + s * 0.2, y - s * 0.3), scales, s);
    fill(c, ellipse(x + s * 0.32, y - s * 0.08, s * 0.07, s * 0.07), Color.WHITE);
    fill(c, ellipse(x + s * 0.33, y - s * 0.08, s * 0.035, s * 0.035), EYE);
  }

  static void jellyfish(Canvas c, double x, double base, double s) {
    Color glow = pick(c, 0x7ae7ff, 0xff8fd1, 0xb49cff, 0x9dffb0);
    double top = base - s;
    Brushes.glow(c, x, top + s * 0.3, s * 0.9, Brushes.alpha(glow, 90));
    for (int t = 0; t < 6; t++) {
      double tx = x - s * 0.25 + t * s * 0.1;
      Path2D tentacle = new Path2D.Double();
      tentacle.moveTo(tx, top + s * 0.32);
      tentacle.curveTo(tx - s * 0.08, top + s * 0.5, tx + s * 0.08, top + s * 0.7, tx, base);
      c.g().setColor(Brushes.alpha(glow, 200));
      c.g().setStroke(new java.awt.BasicStroke((float) Math.max(1, s * 0.02)));
      c.g().draw(tentacle);
    }
    fill(c, new java.awt.geom.Arc2D.Double(x - s * 0.32, top, s * 0.64, s * 0.64, 0, 180, java.awt.geom.Arc2D.CHORD),
        Brushes.alpha(glow, 220));
    fill(c, new java.awt.geom.Arc2D.Double(x - s * 0.2, top + s * 0.06, s * 0.4, s * 0.4, 20, 140,
        java.awt.geom.Arc2D.CHORD), Brushes.alpha(Color.WHITE, 120));
  }

  static void camel(Canvas c, double x, double base, double s) {
    Color hide = new Color(0xc9985a);
    Color dark = Brushes.mix(hide, Color.BLACK, 0.35);
    shadow(c, x, base, s * 0.45);
    for (int leg = 0; leg < 4; leg++) {
      double lx = x - s * 0.3 + leg * s * 0.19;
      paint(c, rect(lx, base - s * 0.5, s * 0.06, s * 0.5), leg % 2 == 0 ? dark : hide, s);
    }
    paint(c, ellipse(x, base - s * 0.55, s * 0.4, s * 0.15), hide, s);
    paint(c, ellipse(x - s * 0.12, base - s * 0.68, s * 0.14, s * 0.14), hide, s);
    paint(c, ellipse(x + s * 0.14, base - s * 0.66, s * 0.12, s * 0.12), hide, s);
    fill(c, rect(x - s * 0.2, base - s * 0.62, s * 0.4, s * 0.09), pick(c, 0xb5303c, 0x2f6f8f, 0xe2a93b));
    line(c, hide, s * 0.1, x + s * 0.36, base - s * 0.55, x + s * 0.5, base - s * 0.85);
    paint(c, ellipse(x + s * 0.56, base - s * 0.87, s * 0.1, s * 0.06), hide, s);
    fill(c, ellipse(x + s * 0.57, base - s * 0.89, s * 0.012, s * 0.012), EYE);
  }

  static void slug(Canvas c, double x, double base, double s) {
    Color body = new Color(0xf2d24b);
    Path2D shape = new Path2D.Double();
    shape.moveTo(x - s * 1.1, base);
    shape.curveTo(x - s * 0.6, base - s * 0.5, x + s * 0.5, base - s * 0.7, x + s * 1.0, base - s * 0.3);
    shape.lineTo(x + s * 1.1, base);
    shape.closePath();
    paint(c, shape, body, s);
    for (int side = 0; side < 2; side++) {
      line(c, Brushes.mix(body, Color.BLACK, 0.4), s * 0.06, x + s * 0.8, base - s * 0.35,
          x + s * (0.9 + side * 0.25), base - s * 0.9);
    }
    for (int spot = 0; spot < 4; spot++) {
      fill(c, ellipse(x - s * 0.5 + spot * s * 0.35, base - s * 0.25, s * 0.06, s * 0.05), new Color(0x5a4a1a));
    }
  }
}
