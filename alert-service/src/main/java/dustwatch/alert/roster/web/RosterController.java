package dustwatch.alert.roster.web;

import dustwatch.alert.roster.Contact;
import dustwatch.alert.roster.DutyRosters;
import dustwatch.alert.roster.OnDuty;
import dustwatch.alert.roster.Roster;
import dustwatch.alert.web.Problems;
import dustwatch.contracts.scope.Actor;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Duty rosters (值班表) of a unit, for the unit itself and the units above it: a government unit by its region code
 * (a regulator whose region covers it), an enterprise by its USCC (its own users).
 */
@Tag(name = "alerts 值班表", description = "Duty rosters per unit: staff, shifts, holidays, substitutes, default contact; who is on duty.")
@RestController
class RosterController {
    private final DutyRosters rosters;
    private final Clock clock;

    RosterController(DutyRosters rosters, Clock clock) {
        this.rosters = rosters;
        this.clock = clock;
    }

    /** A roster as written: {@code webhookSecret} is kept when omitted and never read back. */
    record RosterRequest(String name, Contact defaultContact, String webhookUrl, String webhookSecret,
                         List<Contact> staff, List<Roster.Shift> shifts, List<Roster.Holiday> holidays,
                         List<Roster.Substitute> substitutes) {
    }

    /** The unit's roster; 404 when it has none or is outside the caller's scope. */
    @GetMapping("/api/v1/alerts/rosters/{unitCode}")
    Roster get(Actor actor, @PathVariable String unitCode) {
        Problems.requirePerson(actor);
        if (!Problems.governs(actor, unitCode)) {
            throw Problems.notFound("no roster of " + unitCode + " in your scope");
        }
        return rosters.find(unitCode).orElseThrow(() -> Problems.notFound("unit " + unitCode + " has no roster"));
    }

    /** Replaces the unit's roster (audited). */
    @PutMapping("/api/v1/alerts/rosters/{unitCode}")
    Roster put(Actor actor, @PathVariable String unitCode, @RequestBody RosterRequest request) {
        Problems.requirePerson(actor);
        if (!Problems.governs(actor, unitCode)) {
            throw Problems.notFound("no unit " + unitCode + " in your scope");
        }
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw Problems.badRequest("a roster needs the unit's name");
        }
        Roster roster = new Roster(unitCode, request.name(), request.defaultContact(), request.webhookUrl(),
                request.staff(), request.shifts(), request.holidays(), request.substitutes());
        try {
            rosters.replace(roster, request.webhookSecret(), actor.username());
        } catch (IllegalArgumentException | NullPointerException bad) {
            throw Problems.badRequest(bad.getMessage() == null ? "incomplete roster" : bad.getMessage());
        }
        return rosters.find(unitCode).orElseThrow();
    }

    /** Who of the unit is on duty at {@code at} (default now); {@code gap} when the default contact stands in. */
    @GetMapping("/api/v1/alerts/rosters/{unitCode}/on-duty")
    OnDuty onDuty(Actor actor, @PathVariable String unitCode, @RequestParam(required = false)
                  @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) OffsetDateTime at) {
        Problems.requirePerson(actor);
        if (!Problems.governs(actor, unitCode)) {
            throw Problems.notFound("no unit " + unitCode + " in your scope");
        }
        Instant when = at == null ? clock.instant() : at.toInstant();
        OnDuty duty = rosters.onDuty(unitCode, when);
        return new OnDuty(duty.unitCode(), duty.unitName(), duty.contacts(), duty.gap(),
                duty.webhook() == null ? null : new OnDuty.Webhook(duty.webhook().url(), null));
    }
}
