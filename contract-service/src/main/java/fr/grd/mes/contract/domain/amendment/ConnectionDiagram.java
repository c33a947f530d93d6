package fr.grd.mes.contract.domain.amendment;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * Annexe 2 "Schéma de raccordement : Avant-Projet Sommaire (APS)": the connection diagram the template says "[Schéma de
 * principe de raccordement à insérer ici]". The amendment keeps what identifies the picture (its SHA-256, type and
 * size); the picture itself is kept apart, addressed by that digest, so an amendment stays a small document and a
 * replaced diagram never leaves the amendment pointing at missing bytes. A diagram is a PNG or JPEG picture that
 * decodes, whose bytes match the type announced, of a size a page can print.
 */
public record ConnectionDiagram(String sha256, String contentType, int sizeBytes, int widthPx, int heightPx,
                                LocalDate attachedOn) {
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    public static final int MIN_SIDE_PX = 200;
    public static final int MAX_SIDE_PX = 8_000;
    /** 16 million pixels: 64 MiB once decoded, within a service's heap. */
    public static final long MAX_PIXELS = 16_000_000L;
    private static final Map<String, String> FORMATS = Map.of("image/png", "png", "image/jpeg", "jpeg");

    /** The diagram of {@code bytes} announced as {@code contentType}; {@link IllegalArgumentException} says why not. */
    public static ConnectionDiagram of(byte[] bytes, String contentType, LocalDate attachedOn) {
        String type = contentType == null ? null : contentType.strip().toLowerCase(java.util.Locale.ROOT);
        String format = type == null ? null : FORMATS.get(type);
        if (format == null) {
            throw new IllegalArgumentException("the connection diagram is a PNG (image/png) or JPEG (image/jpeg) picture");
        }
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("the connection diagram is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("the connection diagram is " + bytes.length + " bytes, at most "
                    + MAX_BYTES + " are accepted");
        }
        int[] size = dimensions(bytes, format);
        return new ConnectionDiagram(sha256(bytes), type, bytes.length, size[0], size[1], attachedOn);
    }

    /**
     * Width and height read by the JDK's image reader, which must recognise the bytes as {@code format}; the picture
     * is then decoded whole (its size checked first, so a small file announcing a huge picture is refused before any
     * memory is taken): a truncated or corrupt picture is refused here, not when the PDF is rendered.
     */
    private static int[] dimensions(byte[] bytes, String format) {
        String found = null;
        int[] size = null;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    found = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                    if (found.equals(format)) {
                        reader.setInput(in, true, true);
                        size = new int[]{reader.getWidth(0), reader.getHeight(0)};
                        if (fits(size)) {
                            reader.read(0);
                        }
                    }
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the connection diagram does not decode as " + format + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        if (found == null) {
            throw new IllegalArgumentException("the connection diagram is not a picture");
        }
        if (size == null) {
            throw new IllegalArgumentException("the connection diagram is announced as " + format + " but is " + found);
        }
        if (!fits(size)) {
            throw new IllegalArgumentException("the connection diagram is " + size[0] + " × " + size[1]
                    + " pixels; each side must be between " + MIN_SIDE_PX + " and " + MAX_SIDE_PX + ", and at most "
                    + MAX_PIXELS + " pixels in all");
        }
        return size;
    }

    private static boolean fits(int[] size) {
        return size[0] >= MIN_SIDE_PX && size[1] >= MIN_SIDE_PX && size[0] <= MAX_SIDE_PX && size[1] <= MAX_SIDE_PX
                && (long) size[0] * size[1] <= MAX_PIXELS;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
