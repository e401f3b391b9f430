package org.vigil.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.PhotoshopApp13Data;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** JPEG photos for upload tests: plain, or with what a phone's camera writes into the file. */
public final class Jpegs {
  /** Where {@link #tagged} says the photo was taken: Pushkin Square, Moscow. */
  public static final double LATITUDE = 55.7558;

  public static final double LONGITUDE = 37.6173;

  /** Words written into the metadata of {@link #tagged}: none may survive publishing. */
  public static final List<String> CANARIES = List.of("CanaryCam", "xmp-canary", "iptc-canary");

  private Jpegs() {}

  /** A JPEG, its left half red. */
  public static byte[] photo(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Adds what a phone's camera writes: GPS ({@link #LATITUDE}, {@link #LONGITUDE}) and device EXIF
   * with this orientation, an XMP packet and IPTC fields, each with one of {@link #CANARIES}.
   */
  public static byte[] tagged(byte[] jpeg, int orientation) {
    try {
      TiffOutputSet exif = new TiffOutputSet();
      exif.setGpsInDegrees(LONGITUDE, LATITUDE);
      var root = exif.getOrCreateRootDirectory();
      root.add(TiffTagConstants.TIFF_TAG_MAKE, "CanaryCam");
      root.add(TiffTagConstants.TIFF_TAG_MODEL, "CanaryCam Z9");
      root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
      ByteArrayOutputStream withExif = new ByteArrayOutputStream();
      new ExifRewriter().updateExifMetadataLossless(jpeg, withExif, exif);
      ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
      new JpegXmpRewriter()
          .updateXmpXml(
              withExif.toByteArray(),
              withXmp,
              "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                  + "<rdf:Description xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:GPSLatitude='55,45.35N'"
                  + " exif:UserComment='xmp-canary'/></rdf:RDF></x:xmpmeta>");
      ByteArrayOutputStream withIptc = new ByteArrayOutputStream();
      new JpegIptcRewriter()
          .writeIptc(
              withXmp.toByteArray(),
              withIptc,
              new PhotoshopApp13Data(
                  List.of(new IptcRecord(IptcTypes.CITY, "iptc-canary")), List.of()));
      return withIptc.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot tag the test photo", e);
    }
  }
}
