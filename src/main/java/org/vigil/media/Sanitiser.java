package org.vigil.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes an uploaded photo safe to publish: decodes the pixels and encodes them afresh as a JPEG, so
 * nothing of the upload but its picture survives — no EXIF (GPS position, camera serial number,
 * time), no XMP, no IPTC, no thumbnail, no comment. The EXIF orientation is applied to the pixels
 * first, since the tag that carried it is gone.
 */
final class Sanitiser {
  /** Larger images are refused before decoding, so a small file cannot claim gigabytes. */
  static final long MAX_PIXELS = 60_000_000;

  private Sanitiser() {}

  /** A cleaned image and its size. */
  record Clean(byte[] jpeg, int width, int height) {}

  static Clean clean(byte[] upload) throws IOException {
    BufferedImage decoded = decode(upload);
    BufferedImage upright = rotate(decoded, orientation(upload));
    BufferedImage rgb =
        new BufferedImage(upright.getWidth(), upright.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    g.drawImage(upright, 0, 0, java.awt.Color.WHITE, null);
    g.dispose();
    return new Clean(encode(rgb), rgb.getWidth(), rgb.getHeight());
  }

  private static BufferedImage decode(byte[] upload) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext())
        throw new IllegalArgumentException("not a JPEG, PNG, GIF or BMP image");
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
          throw new IllegalArgumentException(
              "the image has more than " + MAX_PIXELS / 1_000_000 + " megapixels");
        }
        return reader.read(0);
      } catch (IOException | RuntimeException damaged) {
        if (damaged instanceof IllegalArgumentException refused) throw refused;
        // ImageIO's readers answer a damaged file with an IOException, and some (GIF without an
        // image, a BMP or PNG with impossible sizes) with runtime exceptions of their own: all
        // of it is an upload that is not an image Vigil can read, not a failure of Vigil's.
        throw new IllegalArgumentException(
            "the image cannot be read: " + damaged.getClass().getSimpleName(), damaged);
      } finally {
        reader.dispose();
      }
    }
  }

  /** The EXIF orientation (1 = upright), or 1 when the upload has none or it is unreadable. */
  private static int orientation(byte[] upload) {
    try {
      var exif =
          ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload))
              .getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
      }
    } catch (ImageProcessingException | MetadataException | IOException unreadable) {
      // An upload whose metadata cannot be read is shown as stored.
    }
    return 1;
  }

  private static BufferedImage rotate(BufferedImage image, int orientation) {
    int w = image.getWidth();
    int h = image.getHeight();
    AffineTransform t = new AffineTransform();
    boolean swap = orientation >= 5 && orientation <= 8;
    switch (orientation) {
      case 2 -> t.setTransform(-1, 0, 0, 1, w, 0);
      case 3 -> t.setTransform(-1, 0, 0, -1, w, h);
      case 4 -> t.setTransform(1, 0, 0, -1, 0, h);
      case 5 -> t.setTransform(0, 1, 1, 0, 0, 0);
      case 6 -> t.setTransform(0, 1, -1, 0, h, 0);
      case 7 -> t.setTransform(0, -1, -1, 0, h, w);
      case 8 -> t.setTransform(0, -1, 1, 0, 0, w);
      default -> {
        return image;
      }
    }
    BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(image, t, null);
    g.dispose();
    return out;
  }

  private static byte[] encode(BufferedImage rgb) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.88f);
      writer.write(null, new IIOImage(rgb, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
