package ai.clouvel.core.offline;

import ai.clouvel.core.offline.PaintedImageGenerator.Canvas;
import java.util.Set;

/**
 * The things {@link PaintedImageGenerator} can draw recognisably, each with the words that ask
 * for it, where it belongs in a picture and how large it is beside the others.
 */
enum Subject {
  CAT(Place.GROUND, 0.30, Figures::cat, "cat", "kitten", "kitty", "tabby"),
  DOG(Place.GROUND, 0.30, Figures::dog, "dog", "puppy", "pup", "hound"),
  BIRD(Place.SKY, 0.10, Figures::bird, "bird", "gull", "seagull", "sparrow", "crow"),
  BEE(Place.SKY, 0.08, Figures::bee, "bee", "honeybee", "bumblebee"),
  DRAGON(Place.SKY, 0.36, Figures::dragon, "dragon", "wyvern", "fantasy"),
  SWAN(Place.WATER, 0.26, Figures::swan, "swan"),
  FISH(Place.WATER, 0.14, Figures::fish, "fish", "trout", "salmon", "koi"),
  JELLYFISH(Place.SKY, 0.22, Figures::jellyfish, "jellyfish", "bioluminescence", "bioluminescent"),
  CAMEL(Place.GROUND, 0.30, Figures::camel, "camel", "caravan", "caravans"),
  SLUG(Place.GROUND, 0.10, Figures::slug, "slug", "snail"),
  LIGHTHOUSE(Place.BACKDROP, 0.62, Things::lighthouse, "lighthouse", "keeper", "keepers", "beacon"),
  HOUSE(Place.BACKDROP, 0.30, Things::house, "house", "home", "cottage", "cabin"),
  CASTLE(Place.BACKDROP, 0.42, Things::castle, "castle", "fort", "forts", "fortress", "tower", "dungeon"),
  LIBRARY(Place.BACKDROP, 0.44, Things::library, "library", "museum", "temple"),
  WALL(Place.BACKDROP, 0.16, Things::stoneWall, "wall", "hadrian"),
  TENT(Place.GROUND, 0.22, Things::tent, "tent", "camp", "camped", "camping"),
  BICYCLE(Place.GROUND, 0.30, Things::bicycle, "bike", "bicycle", "cycling", "cyclist", "gravel", "racing"),
  SAILBOAT(Place.WATER, 0.34, Things::sailboat, "sailboat", "boat", "boats", "sailed", "yacht", "sail"),
  ROCKET(Place.SKY, 0.46, Things::rocket, "rocket", "launch", "spacecraft"),
  TELESCOPE(Place.GROUND, 0.40, Things::telescope, "telescope", "webb", "observatory"),
  PLANET(Place.SKY, 0.34, Things::ringedPlanet, "saturn", "planet", "rings", "jupiter"),
  TRAIN(Place.GROUND, 0.20, Things::train, "train", "railway", "locomotive"),
  BREAD(Place.TABLE, 0.22, Food::bread, "sourdough", "bread", "loaf", "crumb", "baguette"),
  RAMEN(Place.TABLE, 0.26, Food::ramen, "ramen", "noodles", "tonkotsu", "soup", "broth"),
  THALI(Place.TABLE, 0.20, Food::thali, "thali", "curry", "dishes", "feast"),
  TOMATO(Place.TABLE, 0.16, Food::tomato, "tomato", "tomatoes", "heirloom"),
  CHEESE(Place.TABLE, 0.16, Food::cheese, "cheese", "cheddar"),
  COFFEE(Place.TABLE, 0.22, Food::coffeeCup, "latte", "espresso", "cappuccino", "mug", "cup"),
  MOKA_POT(Place.TABLE, 0.32, Food::mokaPot, "moka", "kettle", "teapot"),
  CHERRIES(Place.TABLE, 0.14, Food::cherries, "cherries", "cherry", "berries"),
  BOOKS(Place.TABLE, 0.24, Food::books, "book", "books", "novel", "epic", "read", "reading", "journal", "volumes"),
  LETTERS(Place.TABLE, 0.18, Food::letters, "letter", "letters", "envelope", "mail", "postcard"),
  MAP(Place.TABLE, 0.24, Food::map, "map", "atlas", "chart"),
  DICE(Place.TABLE, 0.12, Food::dice, "dice", "boardgame", "boardgames", "game", "games", "meeple"),
  FIGURINE(Place.TABLE, 0.22, Food::figurine, "miniature", "miniatures", "figurine", "knight"),
  TABLE(Place.GROUND, 0.26, Food::diningTable, "table", "dining", "desk"),
  JEWELRY_BOX(Place.TABLE, 0.18, Food::jewelryBox, "jewelry", "jewellery", "dovetails", "chest", "box"),
  BOWL(Place.TABLE, 0.18, Food::woodenBowl, "bowl", "burl", "vase", "pottery"),
  FRIDGE(Place.GROUND, 0.56, Food::fridge, "fridge", "refrigerator"),
  BASKET(Place.TABLE, 0.18, Food::basket, "basket", "hamper"),
  FLOWER(Place.GROUND, 0.20, Food::flowers, "flower", "flowers", "wildflower", "wildflowers", "bloom", "blossom"),
  POTTED_PLANT(Place.TABLE, 0.30, Food::pottedPlant, "plant", "plants", "balcony", "houseplant", "monstera"),
  STAR(Place.SKY, 0.12, Things::star, "star", "stars", "stellar", "nursery", "newborn");

  /** Where a subject belongs in the picture. */
  enum Place {
    /** Stands on the ground in front. */
    GROUND,
    /** Floats or flies in the upper part. */
    SKY,
    /** Rides on water (or on the ground where there is none). */
    WATER,
    /** Sits on a table or the ground, small. */
    TABLE,
    /** Stands behind the others, large: a building. */
    BACKDROP
  }

  /** Draws a subject standing on {@code (x, base)}, {@code size} high. */
  @FunctionalInterface
  interface Figure {
    void draw(Canvas c, double x, double base, double size);
  }

  private final Place place;
  private final double scale;
  private final Figure figure;
  private final Set<String> words;

  Subject(Place place, double scale, Figure figure, String... words) {
    this.place = place;
    this.scale = scale;
    this.figure = figure;
    this.words = Set.of(words);
  }

  Place place() {
    return place;
  }

  /** Its height as a share of the picture's height when it is the main subject. */
  double scale() {
    return scale;
  }

  Set<String> words() {
    return words;
  }

  void draw(Canvas c, double x, double base, double size) {
    figure.draw(c, x, base, size);
  }
}
