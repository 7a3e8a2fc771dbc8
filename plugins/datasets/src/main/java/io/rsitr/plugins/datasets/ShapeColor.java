package io.rsitr.plugins.datasets;

/** A saturated fill colour of a synthetic shape, with the word captions use for it. */
public enum ShapeColor {
  RED("red", 220, 20, 20),
  GREEN("green", 20, 200, 40),
  BLUE("blue", 30, 60, 230),
  YELLOW("yellow", 250, 225, 20),
  WHITE("white", 250, 250, 250),
  BLACK("black", 10, 10, 10),
  ORANGE("orange", 250, 130, 0),
  PURPLE("purple", 150, 30, 190);

  private final String word;
  private final int red;
  private final int green;
  private final int blue;

  ShapeColor(String word, int red, int green, int blue) {
    this.word = word;
    this.red = red;
    this.green = green;
    this.blue = blue;
  }

  /** Returns the adjective captions use, for example {@code red}. */
  public String word() {
    return word;
  }

  /** Returns channel {@code c} (0 red, 1 green, 2 blue) in 0..255. */
  public int channel(int c) {
    return switch (c) {
      case 0 -> red;
      case 1 -> green;
      case 2 -> blue;
      default -> throw new IllegalArgumentException("channel must be 0, 1 or 2, got " + c);
    };
  }
}
