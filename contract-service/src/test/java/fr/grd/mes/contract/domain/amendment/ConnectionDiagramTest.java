package fr.grd.mes.contract.domain.amendment;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Annexe 2's picture: what is a connection diagram the document can print, and what is refused (and why). */
class ConnectionDiagramTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void aPngDiagramIsKeptByItsDigestTypeAndSize() throws Exception {
        byte[] png = AmendmentFixture.diagramPng(800, 400);
        ConnectionDiagram d = ConnectionDiagram.of(png, "image/PNG", TODAY);
        assertThat(d.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)));
        assertThat(d.contentType()).isEqualTo("image/png");
        assertThat(d.sizeBytes()).isEqualTo(png.length);
        assertThat(d.widthPx()).isEqualTo(800);
        assertThat(d.heightPx()).isEqualTo(400);
        assertThat(d.attachedOn()).isEqualTo(TODAY);
    }

    @Test
    void aJpegDiagramIsAccepted() throws IOException {
        assertThat(ConnectionDiagram.of(jpeg(640, 480), "image/jpeg", TODAY).widthPx()).isEqualTo(640);
    }

    @Test
    void theBytesMustBeThePictureTypeAnnounced() throws IOException {
        assertThatThrownBy(() -> ConnectionDiagram.of(jpeg(640, 480), "image/png", TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("announced as png but is jpeg");
    }

    @Test
    void otherTypesTextAndEmptyBodiesAreRefused() {
        byte[] png = AmendmentFixture.diagramPng();
        assertThatThrownBy(() -> ConnectionDiagram.of(png, "application/pdf", TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PNG");
        assertThatThrownBy(() -> ConnectionDiagram.of(png, null, TODAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectionDiagram.of("<svg/>".getBytes(StandardCharsets.UTF_8), "image/png", TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a picture");
        assertThatThrownBy(() -> ConnectionDiagram.of(new byte[0], "image/png", TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void aTruncatedPictureIsRefusedBeforeItReachesTheDocument() {
        byte[] png = AmendmentFixture.diagramPng();
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> ConnectionDiagram.of(truncated, "image/png", TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not decode");
    }

    @Test
    void tooSmallToReadAndTooLargeToPrintAreRefused() {
        assertThatThrownBy(() -> ConnectionDiagram.of(AmendmentFixture.diagramPng(120, 400), "image/png", TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("120 × 400 pixels");
        // a 60-byte file announcing 50 000 × 50 000 pixels: refused from its header, nothing decoded
        assertThatThrownBy(() -> ConnectionDiagram.of(pngHeaderOnly(50_000, 50_000), "image/png", TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("50000 × 50000 pixels");
        byte[] tooBig = Arrays.copyOf(AmendmentFixture.diagramPng(), ConnectionDiagram.MAX_BYTES + 1);
        assertThatThrownBy(() -> ConnectionDiagram.of(tooBig, "image/png", TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most " + ConnectionDiagram.MAX_BYTES);
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** The PNG signature and a well-formed IHDR chunk (CRC included) announcing {@code width} × {@code height}. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width)
                .putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }
}
