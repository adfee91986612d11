package dustwatch.ingest.registry.imports;

import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.enterprise.Uscc;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.scope.Actor;
import dustwatch.ingest.registry.FieldError;
import dustwatch.ingest.registry.Registration;
import dustwatch.ingest.registry.RegistrationValidator;
import dustwatch.ingest.registry.Registry;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dustwatch.ingest.Fixtures.HUANGSHI_WOOD;
import static dustwatch.ingest.Fixtures.XINDU_ALMG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The bulk import of a Licheng district officer: a CSV and an xlsx (built here with POI) where the good rows are
 * registered and each bad row carries its field errors; header, size and caller refusals.
 */
class RegistryImportTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);
    /** 荔城区 (Licheng district, Putian) duty officer. */
    static final Actor LICHENG = new Actor("licheng-duty", Actor.Kind.REGULATOR, RegionCode.of("350304"), null);
    /** 鼓楼粮油加工有限公司, Gulou district of Fuzhou: outside Licheng. */
    static final String GULOU_GRAIN = "91350102MA8T3K2Q1" + Uscc.checkCharacter("91350102MA8T3K2Q1");
    /** The shipped limits: {@code dustwatch.ingest.imports} of application.yml. */
    static final ImportLimits SHIPPED = shippedLimits();

    /** The registry without a database or broker: validates like the real one and keeps what it would store. */
    static final class InMemoryRegistry extends Registry {
        final Map<String, EnterpriseProfile> stored = new LinkedHashMap<>();

        InMemoryRegistry() {
            super(null, null, CLOCK);
        }

        @Override
        public EnterpriseProfile register(String uscc, Registration registration, Actor actor) {
            EnterpriseProfile profile = RegistrationValidator.validate(uscc, registration, actor, CLOCK.instant());
            stored.put(uscc, profile);
            return profile;
        }
    }

    final InMemoryRegistry registry = new InMemoryRegistry();

    RegistryImport importer(ImportLimits limits) {
        return new RegistryImport(registry, limits, CLOCK);
    }

    static ImportLimits shippedLimits() {
        try {
            return new Binder(ConfigurationPropertySources.from(new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"))))
                    .bind("dustwatch.ingest.imports", ImportLimits.class).get();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String CSV = """
            uscc,name,regionCode,dustType,dustWorkers,ignitionProneProcess,collectors,longitude,latitude
            %1$s,黄石金榕木艺有限公司,350304101,WOOD,42,yes,DC001:DRY_BAG:indoor;DC002:DRY_BAG:outdoor;DC003:DRY_BAG:outdoor,119.05,25.43
            %3$s,鼓楼粮油加工有限公司,350102,GRAIN,forty,no,DC001:CYCLONE:indoor,,
            
            91350304MA2YJ8WC3X,"木艺, 第二厂",350304101,WOOD,7,,DC001:STEAM:sideways,,
            %2$s,新度精工铝制品有限公司,350304102,al_mg,18,是,DC001：WET：室内,119.02,25.44
            """.formatted(HUANGSHI_WOOD, XINDU_ALMG, GULOU_GRAIN);

    @Test
    void aCsvRegistersItsGoodRowsAndNamesEveryBadField() {
        ImportReport report = importer(SHIPPED).importSheet(CSV.getBytes(StandardCharsets.UTF_8), LICHENG);

        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.registered()).isEqualTo(2);
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::row).containsExactly(3, 5);
        ImportReport.RejectedRow outside = report.rejected().get(0);
        assertThat(outside.uscc()).isEqualTo(GULOU_GRAIN);
        assertThat(outside.errors()).containsExactlyInAnyOrder(
                new FieldError("dustWorkers", "'forty' is not a whole number"),
                new FieldError("regionCode", "350102 is not in this regulator's region 350304"));
        ImportReport.RejectedRow broken = report.rejected().get(1);
        assertThat(broken.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("uscc", "collectors[0].indoor", "collectors[0].type");

        EnterpriseProfile huangshi = registry.stored.get(HUANGSHI_WOOD);
        assertThat(huangshi.collectors()).extracting(DustCollector::code, DustCollector::indoor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(HUANGSHI_WOOD + "-DC001", true),
                org.assertj.core.groups.Tuple.tuple(HUANGSHI_WOOD + "-DC002", false),
                org.assertj.core.groups.Tuple.tuple(HUANGSHI_WOOD + "-DC003", false));
        assertThat(huangshi.ignitionProneProcess()).isTrue();
        assertThat(huangshi.longitude()).isEqualTo(119.05);
        EnterpriseProfile xindu = registry.stored.get(XINDU_ALMG);
        assertThat(xindu.regionCode()).isEqualTo("350304102");
        assertThat(xindu.collectors()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CollectorType.WET);
            assertThat(c.indoor()).isTrue();
        });
    }

    @Test
    void anXlsxWithChineseHeadersAndNumericCellsIsReadLikeTheCsv() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("企业");
            String[] header = {"统一社会信用代码", "企业名称", "行政区划代码", "粉尘种类", "涉粉作业人数", "易燃工艺", "除尘器", "经度", "纬度"};
            XSSFRow h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            XSSFRow good = sheet.createRow(1);
            good.createCell(0).setCellValue(XINDU_ALMG);
            good.createCell(1).setCellValue("新度精工铝制品有限公司");
            good.createCell(2).setCellValue(350304102d);
            good.createCell(3).setCellValue("AL_MG");
            good.createCell(4).setCellValue(18d);
            good.createCell(5).setCellValue(true);
            good.createCell(6).setCellValue("DC001:WET:indoor");
            good.createCell(7).setCellValue(119.02);
            good.createCell(8).setCellValue(25.44);
            // row 3 left empty: skipped; row 4 has a fractional head count, no collectors type and a far longitude
            XSSFRow bad = sheet.createRow(3);
            bad.createCell(0).setCellValue(HUANGSHI_WOOD);
            bad.createCell(1).setCellValue("黄石金榕木艺有限公司");
            bad.createCell(2).setCellValue("350304101");
            bad.createCell(3).setCellValue("WOOD");
            bad.createCell(4).setCellValue(4.5);
            bad.createCell(6).setCellValue("DC001");
            bad.createCell(7).setCellValue(170.0);
            bad.createCell(8).setCellValue(25.43);
            book.write(out);
            xlsx = out.toByteArray();
        }

        ImportReport report = importer(SHIPPED).importSheet(xlsx, LICHENG);

        assertThat(report.rows()).isEqualTo(2);
        assertThat(report.registered()).isEqualTo(1);
        assertThat(registry.stored.keySet()).containsExactly(XINDU_ALMG);
        EnterpriseProfile xindu = registry.stored.get(XINDU_ALMG);
        assertThat(xindu.regionCode()).isEqualTo("350304102");
        assertThat(xindu.dustWorkers()).isEqualTo(18);
        assertThat(xindu.ignitionProneProcess()).isTrue();
        assertThat(xindu.latitude()).isEqualTo(25.44);
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(4);
            assertThat(r.uscc()).isEqualTo(HUANGSHI_WOOD);
            assertThat(r.errors()).extracting(FieldError::field)
                    .containsExactlyInAnyOrder("dustWorkers", "collectors[0].type", "longitude");
        });
    }

    @Test
    void aGb18030CsvFromAChineseExcelKeepsItsNames() {
        String csv = "统一社会信用代码,企业名称,行政区划代码,粉尘种类,涉粉作业人数,除尘器\n"
                + HUANGSHI_WOOD + ",黄石金榕木艺有限公司,350304101,WOOD,42,DC001:DRY_BAG:室内\n";

        ImportReport report = importer(SHIPPED).importSheet(csv.getBytes(Charset.forName("GB18030")), LICHENG);

        assertThat(report.registered()).isEqualTo(1);
        assertThat(registry.stored.get(HUANGSHI_WOOD).name()).isEqualTo("黄石金榕木艺有限公司");
    }

    @Test
    void theSameEnterpriseTwiceInOneFileRejectsTheSecondRow() {
        String row = HUANGSHI_WOOD + ",黄石金榕木艺有限公司,350304101,WOOD,42,DC001:DRY_BAG\n";
        String csv = "uscc,name,regionCode,dustType,dustWorkers,collectors\n" + row + row;

        ImportReport report = importer(SHIPPED).importSheet(csv.getBytes(StandardCharsets.UTF_8), LICHENG);

        assertThat(report.registered()).isEqualTo(1);
        assertThat(report.rejected()).singleElement().satisfies(r -> assertThat(r.errors())
                .containsExactly(new FieldError("uscc", HUANGSHI_WOOD + " is already in row 2 of this file")));
    }

    @Test
    void aCellUnderNoHeaderRejectsItsRowRatherThanBeingDropped() {
        String csv = "uscc,name,regionCode,dustType,dustWorkers,collectors\n"
                + HUANGSHI_WOOD + ",黄石金榕木艺有限公司,350304101,WOOD,42,DC001:DRY_BAG,DC002:DRY_BAG\n";

        ImportReport report = importer(SHIPPED).importSheet(csv.getBytes(StandardCharsets.UTF_8), LICHENG);

        assertThat(report.registered()).isZero();
        assertThat(report.rejected()).singleElement().satisfies(r -> assertThat(r.errors())
                .extracting(FieldError::field).containsExactly("column 7"));
    }

    ErrorResponseException refusal(ImportLimits limits, byte[] file, Actor actor) {
        return catchThrowableOfType(ErrorResponseException.class, () -> importer(limits).importSheet(file, actor));
    }

    @Test
    void aHeaderWithAnUnknownOrMissingColumnRefusesTheFile() {
        ErrorResponseException e = refusal(SHIPPED, "uscc,name,region,dustType,dustWorkers\n".getBytes(StandardCharsets.UTF_8), LICHENG);
        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(e.getBody().getDetail()).contains("unknown column 'region'", "column regionCode is missing",
                "column collectors is missing");
        assertThat(registry.stored).isEmpty();
    }

    @Test
    void moreRowsThanTheLimitRegisterNothing() {
        assertThat(SHIPPED.maxRows()).isEqualTo(2000);
        StringBuilder csv = new StringBuilder("uscc,name,regionCode,dustType,dustWorkers,collectors\n");
        for (int i = 0; i < 3; i++) {
            csv.append(HUANGSHI_WOOD).append(",黄石金榕木艺有限公司,350304101,WOOD,42,DC001:DRY_BAG\n");
        }
        ImportLimits two = new ImportLimits(2, SHIPPED.maxBytes(), SHIPPED.maxUnzippedBytes());

        ErrorResponseException e = refusal(two, csv.toString().getBytes(StandardCharsets.UTF_8), LICHENG);

        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(registry.stored).isEmpty();
    }

    @Test
    void anXlsxThatInflatesBeyondTheCapIsRefusedUnread() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(new byte[2 * 1024 * 1024]);
            zip.closeEntry();
        }
        ImportLimits oneMiB = new ImportLimits(2000, SHIPPED.maxBytes(), DataSize.ofMegabytes(1));

        ErrorResponseException e = refusal(oneMiB, bytes.toByteArray(), LICHENG);

        assertThat(bytes.size()).isLessThan(64 * 1024);
        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(e.getBody().getDetail()).contains("max-unzipped-bytes");
    }

    @Test
    void anOldXlsOrAnEmptyFileIsRefused() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThat(refusal(SHIPPED, xls, LICHENG).getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refusal(SHIPPED, new byte[0], LICHENG).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void onlyRegulatorsOfADistrictOrAboveWriteTheRegistry() {
        byte[] csv = CSV.getBytes(StandardCharsets.UTF_8);
        Actor town = new Actor("xindu-duty", Actor.Kind.REGULATOR, RegionCode.of("350304102"), null);
        Actor enterprise = new Actor("jinrong-admin", Actor.Kind.ENTERPRISE, RegionCode.of("350304101"), HUANGSHI_WOOD);
        Actor node = new Actor("putian-node", Actor.Kind.CITY_NODE, RegionCode.of("350300"), null);
        for (Actor refused : new Actor[]{town, enterprise, node}) {
            assertThat(refusal(SHIPPED, csv, refused).getStatusCode()).as(refused.username()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        Actor province = new Actor("fujian-duty", Actor.Kind.REGULATOR, RegionCode.of("350000"), null);
        ImportReport report = importer(SHIPPED).importSheet(csv, province);
        assertThat(report.registered()).isEqualTo(2);
        // Gulou lies in the province: only its head count is wrong now
        assertThat(report.rejected().getFirst().errors()).containsExactly(new FieldError("dustWorkers", "'forty' is not a whole number"));
    }
}
