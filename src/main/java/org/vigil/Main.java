package org.vigil;

public final class Main {
  public static void main(String[] args) {
    System.out.println("vigil");
  }
}
