package dustwatch.ingest.registry.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.springframework.http.HttpStatus;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.parsers.ParserConfigurationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the rows of an uploaded sheet, whatever the declared content type: a file starting with the zip signature is
 * an xlsx (its first worksheet, read by Apache POI's streaming reader), an OLE2 file is an old .xls (refused: save
 * as xlsx), anything else a CSV (Apache Commons CSV, RFC 4180) in UTF-8, with or without BOM, or else GB18030, the
 * encoding Excel uses for a CSV on a Chinese Windows. Blank rows are skipped. Reading stops with 413 at the first row
 * beyond {@link ImportLimits#maxRows()} (+ the header), and an xlsx whose parts inflate beyond
 * {@link ImportLimits#maxUnzippedBytes()} is refused before POI opens it.
 */
public final class SheetReader {
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Cells further right are refused rather than padded (a stray cell at XFD would pad every row 16,384 wide). */
    private static final int MAX_COLUMNS = 64;

    private final ImportLimits limits;

    public SheetReader(ImportLimits limits) {
        this.limits = limits;
    }

    /**
     * The non-blank rows of {@code file}, the header first.
     *
     * @throws UnreadableImportException 415 for an .xls or a broken xlsx, 400 for a broken CSV, 413 for too many rows
     */
    public List<SheetRow> read(byte[] file) {
        if (file == null || file.length == 0) {
            throw new UnreadableImportException(HttpStatus.BAD_REQUEST, "the file is empty; send a CSV or an xlsx with a header row");
        }
        if (startsWith(file, ZIP)) {
            return xlsx(file);
        }
        if (startsWith(file, OLE2)) {
            throw new UnreadableImportException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "this is an Excel 97–2003 (.xls) file; save it as .xlsx (Excel workbook) or .csv and send it again");
        }
        return csv(decode(file));
    }

    private List<SheetRow> csv(String text) {
        List<SheetRow> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            int line = 1;
            int counted = 0;
            for (CSVRecord record : parser) {
                // the row a person sees: the line the record starts on, blank lines included (the parser's
                // position is where it began looking, before the blank lines it skipped)
                for (int end = (int) record.getCharacterPosition(); counted < end
                        || (counted < text.length() && Character.isWhitespace(text.charAt(counted))); counted++) {
                    line += text.charAt(counted) == '\n' ? 1 : 0;
                }
                add(rows, new SheetRow(line, record.toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnreadableImportException(HttpStatus.BAD_REQUEST, "the CSV cannot be read after row " + rows.size()
                    + " (" + e.getMessage() + "); check the quotes");
        }
        return rows;
    }

    private List<SheetRow> xlsx(byte[] file) {
        checkInflatedSize(file);
        List<SheetRow> rows = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(file))) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableImportException(HttpStatus.BAD_REQUEST, "the workbook has no worksheet");
            }
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), new ReadOnlySharedStringsTable(pkg),
                    new Rows(rows), new DataFormatter(Locale.ROOT), false));
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
        } catch (Stop e) {
            throw e.refusal;
        } catch (IOException | SAXException | OpenXML4JException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof UnreadableImportException u) {
                throw u;
            }
            throw new UnreadableImportException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "the file starts like an xlsx but cannot be read as one (" + e.getMessage() + ")");
        }
        return rows;
    }

    /** Inflates every part once, counting, so that a zip bomb is refused before POI holds its parts in memory. */
    private void checkInflatedSize(byte[] file) {
        long max = limits.maxUnzippedBytes().toBytes();
        long total = 0;
        byte[] buffer = new byte[16384];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > max) {
                        throw new UnreadableImportException(HttpStatus.CONTENT_TOO_LARGE, "the xlsx inflates to more than "
                                + max + " bytes (dustwatch.ingest.imports.max-unzipped-bytes); split the file");
                    }
                }
            }
        } catch (IOException e) {
            throw new UnreadableImportException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "the file starts like an xlsx but is not a readable zip (" + e.getMessage() + ")");
        }
    }

    /** Adds a non-blank row, refusing the file at the first row beyond the limit. */
    private void add(List<SheetRow> rows, SheetRow row) {
        if (row.blank()) {
            return;
        }
        if (rows.size() > limits.maxRows()) {
            throw new UnreadableImportException(HttpStatus.CONTENT_TOO_LARGE, "the file has more than " + limits.maxRows()
                    + " rows (dustwatch.ingest.imports.max-rows); split it, nothing was registered");
        }
        rows.add(row);
    }

    /** UTF-8 (BOM dropped) when the bytes are valid UTF-8, else GB18030. */
    static String decode(byte[] file) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(file, GB18030);
        }
    }

    private static boolean startsWith(byte[] file, byte[] magic) {
        if (file.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (file[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Collects the cells of each row; a missing (blank) cell becomes {@code ""}. */
    private final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<SheetRow> rows;
        private List<String> cells;

        Rows(List<SheetRow> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            try {
                add(rows, new SheetRow(rowNum + 1, cells));
            } catch (UnreadableImportException e) {
                throw new Stop(e);
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column >= MAX_COLUMNS) {
                throw new Stop(new UnreadableImportException(HttpStatus.BAD_REQUEST, "cell " + reference
                        + " lies beyond column " + MAX_COLUMNS + "; the import has " + ImportColumn.values().length + " columns"));
            }
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value.strip());
        }
    }

    /** Stops the SAX parse at the first refusal (too many rows, a cell far to the right). */
    private static final class Stop extends RuntimeException {
        final UnreadableImportException refusal;

        Stop(UnreadableImportException refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }
}
