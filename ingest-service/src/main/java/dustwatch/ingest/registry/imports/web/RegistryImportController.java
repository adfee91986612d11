package dustwatch.ingest.registry.imports.web;

import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.scope.Actor;
import dustwatch.ingest.registry.Registration;
import dustwatch.ingest.registry.imports.ImportLimits;
import dustwatch.ingest.registry.imports.ImportReport;
import dustwatch.ingest.registry.imports.RegistryImport;
import dustwatch.ingest.registry.imports.UnreadableImportException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import dustwatch.ingest.platform.StrictJson;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;

/**
 * Registry writes by regulators of district tier or above (others 403):
 * <ul>
 * <li>{@code POST /api/v1/registry/imports}: a CSV or xlsx sheet, as multipart part {@code file} or as the raw body
 * ({@code text/csv} or the xlsx type); 200 {@code {rows, registered, rejected:[]}}, or 422 problem with the same
 * members when some rows were refused (the good ones are registered), each {@code {row, uscc, errors:[{field,
 * reason}]}}; 400/413/415 problem when the file as a whole cannot be taken (nothing registered);</li>
 * <li>{@code PUT /api/v1/registry/admin/enterprises/{uscc}}: one registration, the body of the city nodes'
 * {@code PUT /api/v1/registry/enterprises/{uscc}}; 200 with the stored profile or 422 {@code errors:[{field, reason}]}.</li>
 * </ul>
 * 503 with Retry-After when Kafka or the database is unavailable.
 */
@RestController
public class RegistryImportController {
    /** The xlsx media type. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final RegistryImport imports;
    private final long maxBytes;

    public RegistryImportController(RegistryImport imports, ImportLimits limits) {
        this.imports = imports;
        this.maxBytes = limits.maxBytes().toBytes();
    }

    /** A sheet uploaded from a form. */
    @PostMapping(path = "/api/v1/registry/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<?> importUpload(@RequestParam("file") MultipartFile file, Actor actor) throws IOException {
        if (file.getSize() > maxBytes) {
            throw tooLarge(file.getSize() + " bytes");
        }
        return answer(imports.importSheet(file.getBytes(), actor));
    }

    /** A sheet sent as the body. */
    @PostMapping(path = "/api/v1/registry/imports", consumes = {"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public ResponseEntity<?> importBody(InputStream body, Actor actor) throws IOException {
        byte[] file = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (file.length > maxBytes) {
            throw tooLarge("more than " + maxBytes + " bytes");
        }
        return answer(imports.importSheet(file, actor));
    }

    /** One registration by a regulator. */
    @PutMapping("/api/v1/registry/admin/enterprises/{uscc}")
    public EnterpriseProfile register(@PathVariable String uscc, @RequestBody(required = false) byte[] body, Actor actor) {
        Registration registration = StrictJson.read(body, Registration.class);
        return imports.register(uscc, registration, actor);
    }

    private UnreadableImportException tooLarge(String size) {
        return new UnreadableImportException(HttpStatus.CONTENT_TOO_LARGE, "the file has " + size + "; the limit is "
                + maxBytes + " bytes (dustwatch.ingest.imports.max-bytes); split it, nothing was registered");
    }

    /** 200 with the report, or 422 problem with it when a row was refused. */
    static ResponseEntity<?> answer(ImportReport report) {
        if (report.rejected().isEmpty()) {
            return ResponseEntity.ok(report);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                report.rejected().size() + " row(s) rejected; " + report.registered() + " of " + report.rows() + " registered");
        problem.setTitle("Some rows were rejected");
        problem.setProperty("rows", report.rows());
        problem.setProperty("registered", report.registered());
        problem.setProperty("rejected", report.rejected());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }
}
