package dustwatch.ingest.registry.imports;

import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.scope.Actor;
import dustwatch.ingest.registry.FieldError;
import dustwatch.ingest.registry.InvalidRegistrationException;
import dustwatch.ingest.registry.Registration;
import dustwatch.ingest.registry.RegistrationValidator;
import dustwatch.ingest.registry.Registry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Registry writes by regulators (监管部门) of district tier or above: one registration, or a sheet of them (企业批量导入).
 * Each row goes through {@link Registry#register} like a city node's PUT, so it is validated the same way, must lie
 * in the regulator's region, and is stored and published in its own transaction: the good rows of a file are kept
 * when others are refused. A row is an upsert, so sending the same file again (after a 503) is safe.
 */
@Service
public class RegistryImport {
    private final Registry registry;
    private final SheetReader reader;
    private final Clock clock;

    public RegistryImport(Registry registry, ImportLimits limits, Clock clock) {
        this.registry = registry;
        this.reader = new SheetReader(limits);
        this.clock = clock;
    }

    /**
     * Registers every row of {@code file} (CSV or xlsx) on behalf of {@code regulator}.
     *
     * @throws ErrorResponseException     (403) when the caller is not a regulator of district tier or above
     * @throws UnreadableImportException  when the file as a whole cannot be read (nothing registered)
     * @throws dustwatch.ingest.platform.BrokerUnavailableException (503) when Kafka stops taking profiles; the rows
     *                                    before stay registered, and sending the file again is safe
     */
    public ImportReport importSheet(byte[] file, Actor regulator) {
        requireRegistryWriter(regulator);
        List<SheetRow> rows = reader.read(file);
        if (rows.isEmpty()) {
            throw new UnreadableImportException(HttpStatus.BAD_REQUEST, "the file has no rows; the first row names the columns");
        }
        ImportHeader header = ImportHeader.of(rows.getFirst());
        Map<String, Integer> firstRowOf = new HashMap<>();
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        int registered = 0;
        for (SheetRow row : rows.subList(1, rows.size())) {
            String uscc = header.uscc(row);
            List<FieldError> errors = new ArrayList<>();
            Registration registration = header.registration(row, errors);
            Integer first = uscc == null ? null : firstRowOf.putIfAbsent(uscc, row.row());
            if (first != null) {
                errors.add(new FieldError("uscc", uscc + " is already in row " + first + " of this file"));
            }
            try {
                if (errors.isEmpty()) {
                    registry.register(uscc, registration, regulator);
                    registered++;
                    continue;
                }
                RegistrationValidator.validate(uscc, registration, regulator, clock.instant());
            } catch (InvalidRegistrationException e) {
                Set<String> reported = errors.stream().map(FieldError::field).collect(Collectors.toSet());
                e.errors().stream().filter(f -> !reported.contains(f.field())).forEach(errors::add);
            }
            rejected.add(new ImportReport.RejectedRow(row.row(), uscc, errors));
        }
        return new ImportReport(rows.size() - 1, registered, rejected);
    }

    /**
     * Registers or updates one enterprise on behalf of {@code regulator} ({@code PUT /api/v1/registry/admin/…}).
     *
     * @throws ErrorResponseException (403) when the caller is not a regulator of district tier or above
     * @throws InvalidRegistrationException (422) listing every bad field
     */
    public EnterpriseProfile register(String uscc, Registration registration, Actor regulator) {
        requireRegistryWriter(regulator);
        return registry.register(uscc, registration, regulator);
    }

    /** Only regulators of a district, a city or the province write the registry; towns and enterprises read it. */
    static void requireRegistryWriter(Actor actor) {
        if (actor.kind() != Actor.Kind.REGULATOR || !actor.tier().atOrAbove(Tier.DISTRICT)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "registry writes are for "
                    + "regulators of a district, a city or the province; this caller is " + actor.kind() + " of tier " + actor.tier());
            problem.setTitle("Not permitted");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
    }
}
