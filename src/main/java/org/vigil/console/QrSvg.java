package org.vigil.console;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code drawn by Vigil, as the path of an inline SVG: the TOTP secret it carries never leaves
 * the server for a chart service or a script library.
 */
public record QrSvg(int size, String path) {
  /** Four modules of quiet zone on each side, as the standard asks. */
  private static final int BORDER = 4;

  static QrSvg of(String text) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    StringBuilder d = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          d.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
        }
      }
    }
    return new QrSvg(qr.size + 2 * BORDER, d.toString());
  }
}
