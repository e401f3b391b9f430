package org.vigil.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Receipt codes: unambiguous symbols, enough randomness, and forgiving when typed back. */
class ReceiptCodeTest {
  @Test
  void a_code_is_twelve_unambiguous_symbols_in_groups_of_four() {
    for (int i = 0; i < 1_000; i++) {
      String code = ReceiptCode.next();
      assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
      assertThat(code).doesNotContain("I", "L", "O", "U");
    }
  }

  @Test
  void codes_carry_sixty_random_bits_and_do_not_repeat() {
    // 32 symbols are 5 bits each: twelve of them are 60 bits, about 10^18 codes.
    assertThat(ReceiptCode.ALPHABET).hasSize(32);
    assertThat(Math.pow(ReceiptCode.ALPHABET.length(), ReceiptCode.SYMBOLS))
        .isGreaterThanOrEqualTo(Math.pow(2, 60));
    assertThat(ReceiptCode.ALPHABET.chars().distinct().count()).isEqualTo(32);
    Set<String> seen = new HashSet<>();
    int[] uses = new int[128];
    for (int i = 0; i < 100_000; i++) {
      String code = ReceiptCode.next();
      assertThat(seen.add(code)).as("repeated " + code).isTrue();
      for (char c : code.replace("-", "").toCharArray()) uses[c]++;
    }
    // every symbol is used, about equally often (1.2 million symbols, 37,500 each expected)
    for (char c : ReceiptCode.ALPHABET.toCharArray()) {
      assertThat(uses[c]).as("uses of " + c).isBetween(35_000, 40_000);
    }
  }

  @Test
  void a_code_is_found_however_it_is_typed_back() {
    String code = "7KQM-2XHP-9WD0";
    assertThat(ReceiptCode.parse(code)).contains(code);
    assertThat(ReceiptCode.parse("7kqm2xhp9wd0")).contains(code);
    assertThat(ReceiptCode.parse(" 7KQM 2XHP 9WDO ")).as("O for zero").contains(code);
    assertThat(ReceiptCode.parse("1ABC-DEFG-HJK1")).contains("1ABC-DEFG-HJK1");
    assertThat(ReceiptCode.parse("iabc-defg-hjkl"))
        .as("I and L for one")
        .contains("1ABC-DEFG-HJK1");
    // typed on a Russian layout from a screen: К, М, Х, Р are Cyrillic here
    assertThat(ReceiptCode.parse("7КQМ-2ХНР-9WD0")).contains(code);
  }

  @Test
  void what_cannot_be_a_code_finds_nothing() {
    assertThat(ReceiptCode.parse(null)).isEmpty();
    assertThat(ReceiptCode.parse("")).isEmpty();
    assertThat(ReceiptCode.parse("7KQM-2XHP-9WD")).as("too short").isEmpty();
    assertThat(ReceiptCode.parse("7KQM-2XHP-9WD00")).as("too long").isEmpty();
    assertThat(ReceiptCode.parse("7KQM-2XHP-9WDU")).as("U is not a symbol").isEmpty();
    assertThat(ReceiptCode.parse("7KQM/2XHP/9WD0")).isEmpty();
    assertThat(ReceiptCode.parse("Ж".repeat(12))).isEmpty();
    assertThat(ReceiptCode.parse("A".repeat(100))).isEmpty();
  }
}
