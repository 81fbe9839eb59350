package ai.clouvel.core.offline;

import ai.clouvel.core.offline.PaintedImageGenerator.Canvas;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/** Small drawing helpers for the figures: filled shapes with an outline, in canvas units. */
final class Shapes {
  private Shapes() {
  }

  static Shape ellipse(double cx, double cy, double rx, double ry) {
    return new Ellipse2D.Double(cx - rx, cy - ry, rx * 2, ry * 2);
  }

  static Shape rect(double x, double y, double w, double h) {
    return new Rectangle2D.Double(x, y, w, h);
  }

  static Shape round(double x, double y, double w, double h, double arc) {
    return new RoundRectangle2D.Double(x, y, w, h, arc, arc);
  }

  /** A closed polygon through the points x0, y0, x1, y1, ... */
  static Path2D poly(double... points) {
    Path2D path = new Path2D.Double();
    path.moveTo(points[0], points[1]);
    for (int i = 2; i < points.length; i += 2) {
      path.lineTo(points[i], points[i + 1]);
    }
    path.closePath();
    return path;
  }

  /** Fills a shape and outlines it in a darker shade of its color. */
  static void paint(Canvas c, Shape shape, Color color, double size) {
    c.g().setColor(color);
    c.g().fill(shape);
    outline(c, shape, Brushes.mix(color, Color.BLACK, 0.55), size);
  }

  static void fill(Canvas c, Shape shape, Color color) {
    c.g().setColor(color);
    c.g().fill(shape);
  }

  static void outline(Canvas c, Shape shape, Color color, double size) {
    c.g().setColor(color);
    c.g().setStroke(new BasicStroke((float) Math.max(1.0, size * 0.018), BasicStroke.CAP_ROUND,
        BasicStroke.JOIN_ROUND));
    c.g().draw(shape);
  }

  static void line(Canvas c, Color color, double width, double... points) {
    Path2D path = new Path2D.Double();
    path.moveTo(points[0], points[1]);
    for (int i = 2; i < points.length; i += 2) {
      path.lineTo(points[i], points[i + 1]);
    }
    c.g().setColor(color);
    c.g().setStroke(new BasicStroke((float) Math.max(1.0, width), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    c.g().draw(path);
  }

  /** A soft shadow on the ground under a figure. */
  static void shadow(Canvas c, double x, double base, double halfWidth) {
    fill(c, ellipse(x, base, halfWidth, halfWidth * 0.16), new Color(0, 0, 0, 55));
  }

  /** A color chosen by the picture's random numbers from a few that suit a subject. */
  static Color pick(Canvas c, int... rgbs) {
    return new Color(rgbs[c.random().nextInt(rgbs.length)]);
  }
}
