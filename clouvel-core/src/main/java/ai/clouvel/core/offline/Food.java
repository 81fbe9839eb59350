package ai.clouvel.core.offline;

import static ai.clouvel.core.offline.Shapes.ellipse;
import static ai.clouvel.core.offline.Shapes.fill;
import static ai.clouvel.core.offline.Shapes.line;
import static ai.clouvel.core.offline.Shapes.paint;
import static ai.clouvel.core.offline.Shapes.pick;
import static ai.clouvel.core.offline.Shapes.poly;
import static ai.clouvel.core.offline.Shapes.rect;
import static ai.clouvel.core.offline.Shapes.round;
import static ai.clouvel.core.offline.Shapes.shadow;

import ai.clouvel.core.offline.PaintedImageGenerator.Canvas;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Path2D;

/** The food and household objects of {@link Subject}, standing on {@code (x, base)}, {@code s} high. */
final class Food {
  private static final Color WOOD = new Color(0x9a6a3f);
  private static final Color CERAMIC = new Color(0xf4f0e6);

  private Food() {
  }

  static void bread(Canvas c, double x, double base, double s) {
    Color crust = new Color(0xb8773a);
    shadow(c, x, base, s * 0.9);
    paint(c, new Arc2D.Double(x - s * 0.85, base - s * 0.95, s * 1.7, s * 1.9, 0, 180, Arc2D.CHORD), crust, s);
    for (int cut = -1; cut <= 1; cut++) {
      line(c, new Color(0xf1d3a2), s * 0.06, x + cut * s * 0.3 - s * 0.12, base - s * 0.55, x + cut * s * 0.3 + s * 0.12,
          base - s * 0.8);
    }
    fill(c, rect(x - s * 0.85, base - s * 0.06, s * 1.7, s * 0.06), Brushes.mix(crust, Color.BLACK, 0.2));
  }

  static void ramen(Canvas c, double x, double base, double s) {
    Color bowl = pick(c, 0xc8372d, 0x2a2a2a, 0x2f4f6f);
    shadow(c, x, base, s * 0.8);
    for (int steam = -1; steam <= 1; steam++) {
      Path2D curl = new Path2D.Double();
      curl.moveTo(x + steam * s * 0.25, base - s * 0.75);
      curl.curveTo(x + steam * s * 0.25 - s * 0.1, base - s * 0.95, x + steam * s * 0.25 + s * 0.1, base - s * 1.05,
          x + steam * s * 0.25, base - s * 1.25);
      c.g().setColor(new Color(255, 255, 255, 140));
      c.g().setStroke(new BasicStroke((float) (s * 0.03), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      c.g().draw(curl);
    }
    paint(c, ellipse(x, base - s * 0.62, s * 0.78, s * 0.14), new Color(0xe9c27a), s);
    for (int n = 0; n < 5; n++) {
      line(c, new Color(0xf6e2a3), s * 0.025, x - s * 0.6 + n * s * 0.2, base - s * 0.6, x - s * 0.5 + n * s * 0.2,
          base - s * 0.68);
    }
    fill(c, ellipse(x - s * 0.3, base - s * 0.65, s * 0.13, s * 0.08), Color.WHITE);
    fill(c, ellipse(x - s * 0.3, base - s * 0.65, s * 0.06, s * 0.045), new Color(0xf2a51c));
    fill(c, ellipse(x + s * 0.2, base - s * 0.64, s * 0.16, s * 0.06), new Color(0xc98f7a));
    fill(c, rect(x + s * 0.4, base - s * 0.72, s * 0.12, s * 0.12), new Color(0x26352a));
    paint(c, new Arc2D.Double(x - s * 0.8, base - s * 1.2, s * 1.6, s * 1.2, 180, 180, Arc2D.CHORD), bowl, s);
    line(c, new Color(0xd8b27a), s * 0.035, x + s * 0.2, base - s * 0.6, x + s * 0.85, base - s * 1.1);
    line(c, new Color(0xd8b27a), s * 0.035, x + s * 0.3, base - s * 0.6, x + s * 0.95, base - s * 1.05);
  }

  static void thali(Canvas c, double x, double base, double s) {
    shadow(c, x, base, s * 1.3);
    paint(c, ellipse(x, base - s * 0.3, s * 1.3, s * 0.32), new Color(0xcfd3d6), s);
    int[] curries = {0xe8a33d, 0xb5422b, 0x6b8f3a, 0xf1e2b8, 0x8a4f2a, 0xd9c24a, 0xc46a2b, 0xf0f0e8};
    for (int i = 0; i < 8; i++) {
      double a = Math.PI * 2 * i / 8;
      double bx = x + Math.cos(a) * s * 0.85;
      double by = base - s * 0.3 + Math.sin(a) * s * 0.2;
      paint(c, ellipse(bx, by, s * 0.22, s * 0.08), new Color(0xb9bec2), s);
      fill(c, ellipse(bx, by, s * 0.17, s * 0.055), new Color(curries[i]));
    }
    paint(c, ellipse(x, base - s * 0.32, s * 0.35, s * 0.1), new Color(0xf6f1e4), s);
  }

  static void tomato(Canvas c, double x, double base, double s) {
    int[] colors = {0xd8342a, 0xf08a24, 0xe6c229, 0x7a2a3a, 0xd8342a};
    shadow(c, x, base, s * 1.4);
    for (int i = 0; i < 3; i++) {
      double tx = x + (i - 1) * s * 0.75;
      double r = s * (i == 1 ? 0.5 : 0.42);
      paint(c, ellipse(tx, base - r, r * 1.1, r), new Color(colors[(i + c.random().nextInt(3)) % colors.length]), s);
      fill(c, ellipse(tx - r * 0.35, base - r * 1.35, r * 0.25, r * 0.15), new Color(255, 255, 255, 90));
      for (int leaf = 0; leaf < 5; leaf++) {
        double a = -Math.PI / 2 + (leaf - 2) * 0.5;
        line(c, new Color(0x3f7a2f), s * 0.06, tx, base - r * 1.95, tx + Math.cos(a + Math.PI / 2) * r * 0.4,
            base - r * 1.95 + Math.abs(Math.sin(a)) * r * 0.15);
      }
    }
  }

  static void cheese(Canvas c, double x, double base, double s) {
    Color yellow = new Color(0xf3c53b);
    shadow(c, x, base, s * 1.0);
    Area wedge = new Area(poly(x - s * 0.9, base, x + s * 0.9, base, x + s * 0.9, base - s * 0.55, x - s * 0.9, base - s * 0.2));
    paint(c, wedge, yellow, s);
    paint(c, poly(x - s * 0.9, base - s * 0.2, x + s * 0.9, base - s * 0.55, x + s * 0.5, base - s * 0.9,
        x - s * 0.95, base - s * 0.3), Brushes.mix(yellow, Color.WHITE, 0.3), s);
    for (int hole = 0; hole < 4; hole++) {
      fill(c, ellipse(x - s * 0.55 + hole * s * 0.4, base - s * (0.15 + (hole % 2) * 0.18), s * 0.08, s * 0.07),
          Brushes.mix(yellow, Color.BLACK, 0.25));
    }
  }

  static void coffeeCup(Canvas c, double x, double base, double s) {
    Color cup = pick(c, 0xf4f0e6, 0x2f4f6f, 0xc8372d, 0xe2a93b);
    shadow(c, x, base, s * 0.75);
    paint(c, ellipse(x, base - s * 0.04, s * 0.72, s * 0.1), CERAMIC, s);
    c.g().setColor(Brushes.mix(cup, Color.BLACK, 0.3));
    c.g().setStroke(new BasicStroke((float) (s * 0.07)));
    c.g().draw(ellipse(x + s * 0.48, base - s * 0.45, s * 0.15, s * 0.15));
    paint(c, poly(x - s * 0.5, base - s * 0.75, x + s * 0.5, base - s * 0.75, x + s * 0.38, base - s * 0.08,
        x - s * 0.38, base - s * 0.08), cup, s);
    paint(c, ellipse(x, base - s * 0.75, s * 0.5, s * 0.1), new Color(0x8a5a34), s);
    // Latte art: a heart (or a swan's curve) in the foam.
    fill(c, ellipse(x, base - s * 0.75, s * 0.34, s * 0.065), new Color(0xf3e3c8));
    fill(c, ellipse(x - s * 0.06, base - s * 0.765, s * 0.08, s * 0.03), new Color(0x8a5a34));
    fill(c, ellipse(x + s * 0.06, base - s * 0.765, s * 0.08, s * 0.03), new Color(0x8a5a34));
    fill(c, poly(x - s * 0.13, base - s * 0.76, x + s * 0.13, base - s * 0.76, x, base - s * 0.715), new Color(0x8a5a34));
  }

  static void mokaPot(Canvas c, double x, double base, double s) {
    Color steel = new Color(0xb8bcc2);
    Color dark = Brushes.mix(steel, Color.BLACK, 0.35);
    shadow(c, x, base, s * 0.45);
    paint(c, poly(x - s * 0.3, base, x + s * 0.3, base, x + s * 0.2, base - s * 0.42, x - s * 0.2, base - s * 0.42), steel, s);
    paint(c, rect(x - s * 0.24, base - s * 0.48, s * 0.48, s * 0.06), dark, s);
    paint(c, poly(x - s * 0.2, base - s * 0.48, x + s * 0.2, base - s * 0.48, x + s * 0.28, base - s * 0.9,
        x - s * 0.28, base - s * 0.9), steel, s);
    paint(c, poly(x - s * 0.3, base - s * 0.9, x + s * 0.3, base - s * 0.9, x + s * 0.2, base - s * 0.98,
        x - s * 0.2, base - s * 0.98), dark, s);
    paint(c, ellipse(x, base - s * 1.0, s * 0.05, s * 0.03), new Color(0x222222), s);
    paint(c, poly(x - s * 0.28, base - s * 0.88, x - s * 0.42, base - s * 0.86, x - s * 0.27, base - s * 0.78), steel, s);
    line(c, new Color(0x222222), s * 0.07, x + s * 0.27, base - s * 0.85, x + s * 0.45, base - s * 0.8, x + s * 0.4,
        base - s * 0.55, x + s * 0.22, base - s * 0.55);
    Brushes.glow(c, x - s * 0.1, base - s * 0.7, s * 0.15, new Color(255, 255, 255, 120));
  }

  static void cherries(Canvas c, double x, double base, double s) {
    line(c, new Color(0x4f6b2a), s * 0.05, x - s * 0.35, base - s * 0.35, x, base - s * 1.0, x + s * 0.35, base - s * 0.35);
    fill(c, ellipse(x + s * 0.15, base - s * 1.0, s * 0.25, s * 0.1), new Color(0x4f8f3a));
    for (int side = -1; side <= 1; side += 2) {
      paint(c, ellipse(x + side * s * 0.35, base - s * 0.22, s * 0.24, s * 0.22), new Color(0xb3182b), s);
      fill(c, ellipse(x + side * s * 0.35 - s * 0.08, base - s * 0.3, s * 0.06, s * 0.04), new Color(255, 255, 255, 120));
    }
  }

  static void books(Canvas c, double x, double base, double s) {
    int[] covers = {0x2f4f6f, 0xb5303c, 0x3f7a4f, 0xe2a93b, 0x6a4c9c, 0x8c5a44};
    shadow(c, x, base, s * 1.1);
    double y = base;
    for (int i = 0; i < 4; i++) {
      double h = s * 0.18;
      double w = s * (1.6 - i * 0.15);
      double shift = (c.random().nextDouble() - 0.5) * s * 0.15;
      Color cover = new Color(covers[(i + c.random().nextInt(covers.length)) % covers.length]);
      paint(c, round(x - w / 2 + shift, y - h, w, h, s * 0.04), cover, s);
      fill(c, rect(x - w / 2 + shift + s * 0.04, y - h * 0.72, w - s * 0.08, h * 0.44), new Color(0xf4efe1));
      fill(c, rect(x + w / 2 + shift - s * 0.14, y - h, s * 0.05, h), Brushes.mix(cover, Color.WHITE, 0.5));
      y -= h;
    }
    Path2D open = new Path2D.Double();
    open.moveTo(x - s * 0.6, y);
    open.quadTo(x - s * 0.3, y - s * 0.2, x, y - s * 0.05);
    open.quadTo(x + s * 0.3, y - s * 0.2, x + s * 0.6, y);
    open.closePath();
    paint(c, open, new Color(0xfbf7ec), s);
    line(c, new Color(0x999999), s * 0.01, x, y - s * 0.05, x, y);
  }

  static void letters(Canvas c, double x, double base, double s) {
    Color paper = new Color(0xf3e6c4);
    shadow(c, x, base, s * 1.1);
    for (int i = 0; i < 3; i++) {
      double ox = (i - 1) * s * 0.3;
      double oy = -i * s * 0.12;
      java.awt.geom.AffineTransform saved = c.g().getTransform();
      c.g().rotate((i - 1) * 0.15, x + ox, base + oy - s * 0.3);
      paint(c, rect(x + ox - s * 0.6, base + oy - s * 0.7, s * 1.2, s * 0.7), Brushes.mix(paper, Color.WHITE, i * 0.15), s);
      line(c, Brushes.mix(paper, Color.BLACK, 0.35), s * 0.02, x + ox - s * 0.6, base + oy - s * 0.7, x + ox,
          base + oy - s * 0.3, x + ox + s * 0.6, base + oy - s * 0.7);
      c.g().setTransform(saved);
    }
    fill(c, ellipse(x, base - s * 0.55, s * 0.1, s * 0.1), new Color(0xa8202c));
    fill(c, rect(x + s * 0.28, base - s * 0.95, s * 0.22, s * 0.26), new Color(0x3f6f8f));
  }

  static void map(Canvas c, double x, double base, double s) {
    Color parchment = new Color(0xe8d3a0);
    shadow(c, x, base, s * 1.4);
    Path2D sheet = new Path2D.Double();
    sheet.moveTo(x - s * 1.3, base - s * 0.9);
    sheet.lineTo(x + s * 1.3, base - s * 0.95);
    sheet.lineTo(x + s * 1.25, base);
    sheet.lineTo(x - s * 1.25, base - s * 0.02);
    sheet.closePath();
    paint(c, sheet, parchment, s);
    for (int fold = -1; fold <= 1; fold++) {
      line(c, Brushes.mix(parchment, Color.BLACK, 0.2), s * 0.015, x + fold * s * 0.65, base - s * 0.93, x + fold * s * 0.63, base);
    }
    line(c, new Color(0x8c3b2a), s * 0.025, x - s * 1.0, base - s * 0.3, x - s * 0.5, base - s * 0.5, x, base - s * 0.35,
        x + s * 0.5, base - s * 0.6, x + s * 1.0, base - s * 0.4);
    for (int dot = 0; dot < 5; dot++) {
      fill(c, ellipse(x - s * 1.0 + dot * s * 0.5, base - s * (dot % 2 == 0 ? 0.3 : 0.5), s * 0.05, s * 0.05),
          new Color(0x5a3a22));
    }
    fill(c, poly(x + s * 0.9, base - s * 0.85, x + s * 0.95, base - s * 0.7, x + s * 0.85, base - s * 0.7), new Color(0x8c3b2a));
  }

  static void dice(Canvas c, double x, double base, double s) {
    for (int die = 0; die < 2; die++) {
      double dx = x + (die == 0 ? -s * 0.6 : s * 0.5);
      double size = s * (die == 0 ? 1.0 : 0.8);
      Color face = die == 0 ? new Color(0xf4f1ea) : pick(c, 0xc8372d, 0x2f6f8f, 0x3f8f5a);
      shadow(c, dx, base, size * 0.6);
      paint(c, round(dx - size / 2, base - size, size, size, size * 0.2), face, s);
      Color pip = die == 0 ? new Color(0x222222) : Color.WHITE;
      int pips = 2 + c.random().nextInt(5);
      double[][] spots = {{0.5, 0.5}, {0.25, 0.25}, {0.75, 0.75}, {0.25, 0.75}, {0.75, 0.25}, {0.25, 0.5}, {0.75, 0.5}};
      int[][] faces = {{0}, {1, 2}, {0, 1, 2}, {1, 2, 3, 4}, {0, 1, 2, 3, 4}, {1, 2, 3, 4, 5, 6}};
      for (int spot : faces[pips - 1]) {
        fill(c, ellipse(dx - size / 2 + spots[spot][0] * size, base - size + spots[spot][1] * size, size * 0.08, size * 0.08), pip);
      }
    }
    Color meeple = pick(c, 0xe2a93b, 0x3f8f5a, 0x6a4c9c);
    double mx = x + s * 1.4;
    Area body = new Area(poly(mx - s * 0.4, base, mx - s * 0.1, base - s * 0.5, mx - s * 0.45, base - s * 0.55,
        mx - s * 0.4, base - s * 0.7, mx + s * 0.4, base - s * 0.7, mx + s * 0.45, base - s * 0.55, mx + s * 0.1, base - s * 0.5,
        mx + s * 0.4, base));
    body.add(new Area(ellipse(mx, base - s * 0.82, s * 0.17, s * 0.17)));
    paint(c, body, meeple, s);
  }

  static void figurine(Canvas c, double x, double base, double s) {
    Color armour = new Color(0xa7adb5);
    Color cloak = pick(c, 0xb5303c, 0x2f4f8f, 0x3f7a4f);
    paint(c, ellipse(x, base - s * 0.04, s * 0.35, s * 0.07), new Color(0x3a3a3a), s);
    paint(c, poly(x - s * 0.25, base - s * 0.07, x - s * 0.15, base - s * 0.62, x + s * 0.15, base - s * 0.62,
        x + s * 0.25, base - s * 0.07), cloak, s);
    paint(c, round(x - s * 0.14, base - s * 0.66, s * 0.28, s * 0.35, s * 0.08), armour, s);
    paint(c, ellipse(x, base - s * 0.78, s * 0.11, s * 0.12), armour, s);
    fill(c, rect(x - s * 0.08, base - s * 0.8, s * 0.16, s * 0.025), new Color(0x222222));
    line(c, new Color(0xdcdcdc), s * 0.04, x + s * 0.25, base - s * 0.3, x + s * 0.25, base - s * 1.0);
    line(c, new Color(0x8c6a2f), s * 0.05, x + s * 0.17, base - s * 0.38, x + s * 0.33, base - s * 0.38);
    paint(c, poly(x - s * 0.38, base - s * 0.6, x - s * 0.12, base - s * 0.6, x - s * 0.14, base - s * 0.3, x - s * 0.25,
        base - s * 0.22, x - s * 0.36, base - s * 0.3), cloak.darker(), s);
  }

  static void diningTable(Canvas c, double x, double base, double s) {
    Color walnut = new Color(0x5e3b23);
    shadow(c, x, base, s * 1.6);
    paint(c, rect(x - s * 1.5, base - s * 0.75, s * 3.0, s * 0.12), Brushes.mix(walnut, Color.WHITE, 0.12), s);
    for (int leg : new int[] {-1, 1}) {
      paint(c, rect(x + leg * s * 1.3 - s * 0.06, base - s * 0.63, s * 0.12, s * 0.63), walnut, s);
    }
    for (int grain = 0; grain < 4; grain++) {
      line(c, Brushes.mix(walnut, Color.BLACK, 0.3), s * 0.01, x - s * 1.4, base - s * (0.72 - grain * 0.02),
          x + s * 1.4, base - s * (0.71 - grain * 0.02));
    }
  }

  static void jewelryBox(Canvas c, double x, double base, double s) {
    Color cherry = new Color(0x9c4a2f);
    shadow(c, x, base, s * 1.0);
    paint(c, rect(x - s * 0.8, base - s * 0.55, s * 1.6, s * 0.55), cherry, s);
    paint(c, poly(x - s * 0.8, base - s * 0.55, x + s * 0.8, base - s * 0.55, x + s * 0.7, base - s * 1.1,
        x - s * 0.7, base - s * 1.1), Brushes.mix(cherry, Color.WHITE, 0.15), s);
    for (int tail = 0; tail < 3; tail++) {
      double ty = base - s * (0.1 + tail * 0.16);
      paint(c, poly(x - s * 0.8, ty, x - s * 0.62, ty - s * 0.03, x - s * 0.62, ty - s * 0.11, x - s * 0.8, ty - s * 0.08),
          new Color(0xe3c08d), s);
    }
    fill(c, rect(x - s * 0.06, base - s * 0.6, s * 0.12, s * 0.12), new Color(0xe2b13b));
    fill(c, ellipse(x + s * 0.35, base - s * 0.6, s * 0.06, s * 0.04), new Color(0xdfe8f2));
  }

  static void woodenBowl(Canvas c, double x, double base, double s) {
    shadow(c, x, base, s * 1.0);
    paint(c, new Arc2D.Double(x - s, base - s * 1.6, s * 2, s * 1.6, 180, 180, Arc2D.CHORD), WOOD, s);
    for (int ring = 1; ring <= 3; ring++) {
      c.g().setColor(Brushes.mix(WOOD, Color.BLACK, 0.25));
      c.g().setStroke(new BasicStroke((float) Math.max(1, s * 0.015)));
      c.g().draw(new Arc2D.Double(x - s + ring * s * 0.15, base - s * 1.6 + ring * s * 0.1, s * 2 - ring * s * 0.3,
          s * 1.6 - ring * s * 0.25, 190, 160, Arc2D.OPEN));
    }
    paint(c, ellipse(x, base - s * 0.8, s, s * 0.16), Brushes.mix(WOOD, Color.BLACK, 0.35), s);
    fill(c, ellipse(x, base - s * 0.8, s * 0.85, s * 0.11), new Color(0x1d1a3a));
    for (int star = 0; star < 12; star++) {
      fill(c, ellipse(x + (c.random().nextDouble() - 0.5) * s * 1.4, base - s * 0.8 + (c.random().nextDouble() - 0.5) * s * 0.14,
          s * 0.012, s * 0.012), new Color(0xfff3c8));
    }
  }

  static void fridge(Canvas c, double x, double base, double s) {
    Color white = new Color(0xe9eef0);
    shadow(c, x, base, s * 0.35);
    paint(c, round(x - s * 0.28, base - s, s * 0.56, s, s * 0.05), white, s);
    line(c, new Color(0x9aa3a8), s * 0.012, x - s * 0.28, base - s * 0.62, x + s * 0.28, base - s * 0.62);
    line(c, new Color(0x7a8388), s * 0.03, x + s * 0.2, base - s * 0.9, x + s * 0.2, base - s * 0.72);
    line(c, new Color(0x7a8388), s * 0.03, x + s * 0.2, base - s * 0.55, x + s * 0.2, base - s * 0.3);
    if (c.palette().isDark()) {
      fill(c, poly(x - s * 0.28, base - s * 0.6, x - s * 0.9, base, x - s * 0.28, base), new Color(255, 250, 210, 90));
    }
    fill(c, rect(x - s * 0.15, base - s * 0.85, s * 0.08, s * 0.06), new Color(0xe2a93b));
  }

  static void basket(Canvas c, double x, double base, double s) {
    Color wicker = new Color(0xc9a063);
    shadow(c, x, base, s * 1.1);
    c.g().setColor(Brushes.mix(wicker, Color.BLACK, 0.3));
    c.g().setStroke(new BasicStroke((float) (s * 0.06)));
    c.g().draw(new Arc2D.Double(x - s * 0.7, base - s * 1.3, s * 1.4, s * 1.2, 0, 180, Arc2D.OPEN));
    paint(c, poly(x - s * 1.0, base - s * 0.7, x + s * 1.0, base - s * 0.7, x + s * 0.8, base, x - s * 0.8, base), wicker, s);
    for (int row = 1; row < 4; row++) {
      line(c, Brushes.mix(wicker, Color.BLACK, 0.3), s * 0.02, x - s * (1.0 - row * 0.05), base - s * 0.7 + row * s * 0.175,
          x + s * (1.0 - row * 0.05), base - s * 0.7 + row * s * 0.175);
    }
    for (int col = -3; col <= 3; col++) {
      line(c, Brushes.mix(wicker, Color.BLACK, 0.2), s * 0.015, x + col * s * 0.27, base - s * 0.7, x + col * s * 0.22, base);
    }
  }

  static void flowers(Canvas c, double x, double base, double s) {
    int[] petals = {0xe85d75, 0xf2c14e, 0x9b5de5, 0xf7f7f2, 0xf08a24, 0x4ea5d9};
    for (int f = 0; f < 5; f++) {
      double fx = x + (f - 2) * s * 0.35 + (c.random().nextDouble() - 0.5) * s * 0.1;
      double top = base - s * (0.65 + c.random().nextDouble() * 0.35);
      line(c, new Color(0x3f7a2f), s * 0.03, fx, base, fx + s * 0.05, top);
      fill(c, ellipse(fx - s * 0.08, (base + top) / 2, s * 0.09, s * 0.04), new Color(0x4f8f3a));
      Color petal = new Color(petals[c.random().nextInt(petals.length)]);
      for (int p = 0; p < 6; p++) {
        double a = p * Math.PI / 3;
        paint(c, ellipse(fx + s * 0.05 + Math.cos(a) * s * 0.09, top + Math.sin(a) * s * 0.09, s * 0.07, s * 0.07), petal, s * 0.5);
      }
      fill(c, ellipse(fx + s * 0.05, top, s * 0.06, s * 0.06), new Color(0xf2b134));
    }
  }

  static void pottedPlant(Canvas c, double x, double base, double s) {
    Color pot = new Color(0xc8683f);
    Color leaf = new Color(0x3f8f4a);
    shadow(c, x, base, s * 0.4);
    for (int l = 0; l < 7; l++) {
      double a = -Math.PI / 2 + (l - 3) * 0.42;
      double tipX = x + Math.cos(a) * s * 0.6;
      double tipY = base - s * 0.38 + Math.sin(a) * s * 0.6;
      line(c, Brushes.mix(leaf, Color.BLACK, 0.3), s * 0.02, x, base - s * 0.38, tipX, tipY);
      java.awt.geom.AffineTransform saved = c.g().getTransform();
      c.g().rotate(a + Math.PI / 2, tipX, tipY);
      paint(c, ellipse(tipX, tipY + s * 0.1, s * 0.1, s * 0.18), l % 2 == 0 ? leaf : Brushes.mix(leaf, Color.WHITE, 0.15), s);
      c.g().setTransform(saved);
    }
    paint(c, poly(x - s * 0.28, base - s * 0.42, x + s * 0.28, base - s * 0.42, x + s * 0.2, base, x - s * 0.2, base), pot, s);
    paint(c, rect(x - s * 0.31, base - s * 0.46, s * 0.62, s * 0.08), Brushes.mix(pot, Color.BLACK, 0.15), s);
  }
}
