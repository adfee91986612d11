package dustwatch.disposal.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A plain A4 text document in Noto Sans SC (embedded as a subset, so Chinese renders and extracts everywhere):
 * titles, headings and wrapped paragraphs, paginated. The font is the TrueType file of the
 * {@code com.helger.font:ph-fonts-noto-sans-sc} jar from Maven Central, read once per JVM.
 */
final class CjkPdf implements AutoCloseable {
    static final String FONT_RESOURCE = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static final float MARGIN = 50;
    private static volatile byte[] fontBytes;

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private PDPageContentStream content;
    private float y;

    CjkPdf(String title) {
        try {
            font = PDType0Font.load(document, new ByteArrayInputStream(font()), true);
            document.getDocumentInformation().setTitle(title);
            newPage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font() throws IOException {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = CjkPdf.class.getClassLoader().getResourceAsStream(FONT_RESOURCE)) {
                if (in == null) {
                    throw new IOException("font " + FONT_RESOURCE + " is not on the class path");
                }
                bytes = in.readAllBytes();
                fontBytes = bytes;
            }
        }
        return bytes;
    }

    CjkPdf title(String text) {
        return write(text, 16, 26);
    }

    CjkPdf heading(String text) {
        y -= 6;
        return write(text, 12.5f, 20);
    }

    /** A paragraph wrapped to the page width; line breaks in {@code text} start new lines. */
    CjkPdf text(String text) {
        for (String line : (text == null ? "" : text).split("\\R")) {
            write(line, 10.5f, 16);
        }
        return this;
    }

    private CjkPdf write(String text, float size, float leading) {
        try {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            String rest = text.replace('\t', ' ');
            do {
                int fit = fit(rest, size, width);
                String line = rest.substring(0, fit);
                rest = rest.substring(fit);
                if (y - leading < MARGIN) {
                    newPage();
                }
                y -= leading;
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y);
                content.showText(line);
                content.endText();
            } while (!rest.isEmpty());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many chars of {@code s} fit in {@code width} (at least one code point). */
    private int fit(String s, float size, float width) throws IOException {
        int end = 0;
        while (end < s.length()) {
            int next = s.offsetByCodePoints(end, 1);
            if (font.getStringWidth(s.substring(0, next)) / 1000 * size > width && end > 0) {
                break;
            }
            end = next;
        }
        return end;
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.close();
            content = null;
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
