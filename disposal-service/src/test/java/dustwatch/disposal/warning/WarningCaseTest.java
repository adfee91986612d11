package dustwatch.disposal.warning;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import dustwatch.disposal.feedback.Cause;
import dustwatch.disposal.feedback.Feedback;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dustwatch.disposal.warning.Fixtures.HUANGSHI_DUTY;
import static dustwatch.disposal.warning.Fixtures.HUANGSHI_PLANT;
import static dustwatch.disposal.warning.Fixtures.LICHENG_DUTY;
import static dustwatch.disposal.warning.Fixtures.PLANT_USER;
import static dustwatch.disposal.warning.Fixtures.SHOP_USER;
import static dustwatch.disposal.warning.Fixtures.XINDU_DUTY;
import static dustwatch.disposal.warning.Fixtures.plantWarning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarningCaseTest {
    static final Instant ISSUED_AT = Instant.parse("2026-03-02T01:00:00Z");
    static final Instant NOW = Instant.parse("2026-03-02T01:20:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final DisposalProperties properties = Fixtures.defaultProperties();

    static Feedback fb(String measures) {
        return new Feedback(Cause.REAL_HAZARD, measures, List.of(), "huangshi-plant-safety", NOW);
    }

    WarningCase issued(Colour colour) {
        return WarningCase.issue(plantWarning(colour, ISSUED_AT, null), properties, clock);
    }

    WarningCase withFeedback(Colour colour) {
        WarningCase c = issued(colour);
        c.signIn(PLANT_USER);
        c.submitFeedback(PLANT_USER, fb("bags replaced, pulse interval halved"));
        return c;
    }

    @Test
    void anIssuedCaseCarriesTheColoursVerifyingTierAndDeadlines() {
        WarningCase red = issued(Colour.RED);
        assertThat(red.record().state()).isEqualTo(WarningState.ISSUED);
        assertThat(red.record().verifyingTier()).isEqualTo(Tier.DISTRICT);
        assertThat(red.record().deadlines()).isEqualTo(new Deadlines(ISSUED_AT.plus(Duration.ofMinutes(15)),
                ISSUED_AT.plus(Duration.ofHours(1)), ISSUED_AT.plus(Duration.ofHours(24)), "disposal-limits-test"));
        WarningCase blue = issued(Colour.BLUE);
        assertThat(blue.record().verifyingTier()).isEqualTo(Tier.TOWN);
        assertThat(blue.record().deadlines().clear()).isEqualTo(ISSUED_AT.plus(Duration.ofDays(7)));

        DisposalEvent issue = red.issued();
        assertThat(issue.action()).isEqualTo("ISSUE");
        assertThat(issue.fromState()).isNull();
        assertThat(issue.toState()).isEqualTo(WarningState.ISSUED);
        assertThat(issue.actor()).isEqualTo("system");
        assertThat(issue.at()).isEqualTo(ISSUED_AT);
    }

    @Test
    void theWholeLoopSignInFeedbackClear() {
        WarningCase c = issued(Colour.YELLOW);

        DisposalEvent signIn = c.signIn(PLANT_USER);
        assertThat(signIn.action()).isEqualTo("SIGN_IN");
        assertThat(signIn.fromState()).isEqualTo(WarningState.ISSUED);
        assertThat(signIn.toState()).isEqualTo(WarningState.SIGNED_IN);
        assertThat(signIn.actor()).isEqualTo("huangshi-plant-safety");
        assertThat(signIn.actorTier()).isEqualTo("ENTERPRISE");
        assertThat(signIn.uscc()).isEqualTo(HUANGSHI_PLANT);
        assertThat(signIn.at()).isEqualTo(NOW);

        DisposalEvent feedback = c.submitFeedback(PLANT_USER, fb("bags replaced"));
        assertThat(feedback.action()).isEqualTo("FEEDBACK");
        assertThat(feedback.toState()).isEqualTo(WarningState.FEEDBACK_SUBMITTED);
        assertThat(feedback.note()).isEqualTo("cause: REAL_HAZARD; measures: bags replaced");

        DisposalEvent clear = c.clear(HUANGSHI_DUTY, "checked by video", ReviewMode.REMOTE);
        assertThat(clear.action()).isEqualTo("CLEAR");
        assertThat(clear.fromState()).isEqualTo(WarningState.FEEDBACK_SUBMITTED);
        assertThat(clear.toState()).isEqualTo(WarningState.CLEARED);
        assertThat(clear.actorTier()).isEqualTo("TOWN");
        assertThat(c.record().state()).isEqualTo(WarningState.CLEARED);
    }

    @Test
    void rejectSendsTheFeedbackBackToTheEnterprise() {
        WarningCase c = withFeedback(Colour.ORANGE);
        DisposalEvent reject = c.reject(LICHENG_DUTY, "no photo of the replaced bags", ReviewMode.REMOTE);
        assertThat(reject.action()).isEqualTo("REJECT");
        assertThat(reject.fromState()).isEqualTo(WarningState.FEEDBACK_SUBMITTED);
        assertThat(reject.toState()).isEqualTo(WarningState.SIGNED_IN);
        assertThat(c.record().state()).isEqualTo(WarningState.SIGNED_IN);
        c.submitFeedback(PLANT_USER, fb("bags replaced, photos attached"));
        assertThat(c.clear(LICHENG_DUTY, null, ReviewMode.REMOTE).toState()).isEqualTo(WarningState.CLEARED);
    }

    @Test
    void supersedeClosesAnyOpenState() {
        WarningCase issued = issued(Colour.BLUE);
        DisposalEvent e = issued.supersede("W-ORANGE-1");
        assertThat(e.fromState()).isEqualTo(WarningState.ISSUED);
        assertThat(e.toState()).isEqualTo(WarningState.SUPERSEDED);
        assertThat(e.actor()).isEqualTo("system");
        assertThat(e.note()).isEqualTo("superseded by W-ORANGE-1");
        assertThat(withFeedback(Colour.YELLOW).supersede(null).fromState()).isEqualTo(WarningState.FEEDBACK_SUBMITTED);
    }

    @Test
    void illegalTransitionsNameBothStates() {
        WarningCase fresh = issued(Colour.YELLOW);
        assertThatThrownBy(() -> fresh.clear(HUANGSHI_DUTY, "too early", ReviewMode.REMOTE))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("it is ISSUED").hasMessageContaining("needs FEEDBACK_SUBMITTED");
        assertThatThrownBy(() -> fresh.submitFeedback(PLANT_USER, fb("m")))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("ISSUED").hasMessageContaining("SIGNED_IN");
        assertThat(fresh.record().state()).isEqualTo(WarningState.ISSUED);

        fresh.signIn(PLANT_USER);
        assertThatThrownBy(() -> fresh.signIn(PLANT_USER))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("it is SIGNED_IN").hasMessageContaining("needs ISSUED");
        assertThatThrownBy(() -> fresh.reject(HUANGSHI_DUTY, "no", ReviewMode.REMOTE))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("it is SIGNED_IN").hasMessageContaining("needs FEEDBACK_SUBMITTED");

        WarningCase cleared = withFeedback(Colour.YELLOW);
        cleared.clear(HUANGSHI_DUTY, null, ReviewMode.REMOTE);
        IllegalTransition again = org.junit.jupiter.api.Assertions.assertThrows(IllegalTransition.class,
                () -> cleared.clear(LICHENG_DUTY, "again", ReviewMode.REMOTE));
        assertThat(again.current()).isEqualTo(WarningState.CLEARED);
        assertThat(again.required()).containsExactly(WarningState.FEEDBACK_SUBMITTED);
        assertThatThrownBy(() -> cleared.supersede("W-2"))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("it is CLEARED")
                .hasMessageContaining("FEEDBACK_SUBMITTED or ISSUED or SIGNED_IN");
    }

    @Test
    void aHuangshiTownUserMayClearYellowButNotOrange() {
        assertThat(withFeedback(Colour.YELLOW).clear(HUANGSHI_DUTY, "ok", ReviewMode.REMOTE).toState()).isEqualTo(WarningState.CLEARED);
        WarningCase orange = withFeedback(Colour.ORANGE);
        assertThatThrownBy(() -> orange.clear(HUANGSHI_DUTY, "ok", ReviewMode.REMOTE))
                .isInstanceOf(TransitionForbidden.class)
                .hasMessageContaining("tier TOWN").hasMessageContaining("DISTRICT");
        assertThatThrownBy(() -> orange.reject(HUANGSHI_DUTY, "no", ReviewMode.REMOTE))
                .isInstanceOf(TransitionForbidden.class);
        assertThat(orange.record().state()).isEqualTo(WarningState.FEEDBACK_SUBMITTED);
    }

    @Test
    void lichengDistrictMayClearYellowAndOrange() {
        assertThat(withFeedback(Colour.YELLOW).clear(LICHENG_DUTY, "ok", ReviewMode.REMOTE).toState()).isEqualTo(WarningState.CLEARED);
        assertThat(withFeedback(Colour.ORANGE).clear(LICHENG_DUTY, "ok", ReviewMode.REMOTE).toState()).isEqualTo(WarningState.CLEARED);
        assertThat(withFeedback(Colour.RED).clear(LICHENG_DUTY, "on site", ReviewMode.REMOTE).actorTier()).isEqualTo("DISTRICT");
    }

    @Test
    void xinduTownMayClearNeitherColourOfAHuangshiWarning() {
        WarningCase yellow = withFeedback(Colour.YELLOW);
        assertThatThrownBy(() -> yellow.clear(XINDU_DUTY, "ok", ReviewMode.REMOTE))
                .isInstanceOf(TransitionForbidden.class)
                .hasMessageContaining("does not cover");
        assertThatThrownBy(() -> withFeedback(Colour.ORANGE).clear(XINDU_DUTY, "ok", ReviewMode.REMOTE))
                .isInstanceOf(TransitionForbidden.class);
        assertThat(yellow.record().state()).isEqualTo(WarningState.FEEDBACK_SUBMITTED);
    }

    @Test
    void theEnterpriseCannotClearAndOnlyItsOwnUserSignsIn() {
        WarningCase c = withFeedback(Colour.BLUE);
        assertThatThrownBy(() -> c.clear(PLANT_USER, "we fixed it", ReviewMode.REMOTE))
                .isInstanceOf(TransitionForbidden.class)
                .hasMessageContaining("only a regulator");
        WarningCase fresh = issued(Colour.BLUE);
        assertThatThrownBy(() -> fresh.signIn(SHOP_USER))
                .isInstanceOf(TransitionForbidden.class)
                .hasMessageContaining("only the enterprise user of " + HUANGSHI_PLANT);
        assertThatThrownBy(() -> fresh.signIn(LICHENG_DUTY)).isInstanceOf(TransitionForbidden.class);
        assertThat(fresh.record().state()).isEqualTo(WarningState.ISSUED);
    }

    @Test
    void feedbackNeedsCauseAndMeasures() {
        WarningCase c = issued(Colour.YELLOW);
        c.signIn(PLANT_USER);
        assertThatThrownBy(() -> c.submitFeedback(PLANT_USER, fb(" ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(c.record().state()).isEqualTo(WarningState.SIGNED_IN);
    }

    @Test
    void overdueOnlyWhenTheClearDeadlinePassedAndOpen() {
        WarningRecord red = issued(Colour.RED).record();
        Instant afterClearDeadline = ISSUED_AT.plus(Duration.ofHours(25));
        assertThat(red.overdue(ISSUED_AT.plus(Duration.ofHours(23)))).isFalse();
        assertThat(red.overdue(afterClearDeadline)).isTrue();
        WarningCase cleared = withFeedback(Colour.RED);
        cleared.clear(LICHENG_DUTY, "on site", ReviewMode.REMOTE);
        assertThat(cleared.record().overdue(afterClearDeadline)).isFalse();
    }

    @Test
    void propertiesMissingAColourAreRefused() {
        assertThatThrownBy(() -> new DisposalProperties("v1", java.util.Map.of(Colour.RED, Tier.DISTRICT),
                java.util.Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("verifying-tier.BLUE");
    }

    @Test
    void theVerifierMustNotBeWhoSignedIn() {
        WarningCase c = issued(Colour.YELLOW);
        // a regulator account that is also the enterprise's signer (same username) may not verify
        dustwatch.contracts.scope.Actor signer = new dustwatch.contracts.scope.Actor("huangshi-plant-safety",
                dustwatch.contracts.scope.Actor.Kind.REGULATOR, HUANGSHI_DUTY.region(), null);
        c.signIn(PLANT_USER);
        assertThat(c.record().signedInBy()).isEqualTo("huangshi-plant-safety");
        c.submitFeedback(PLANT_USER, fb("bags replaced"));
        assertThatThrownBy(() -> c.clear(signer, "ok", ReviewMode.REMOTE))
                .isInstanceOf(TransitionForbidden.class).hasMessageContaining("verifier must be someone else");
        assertThatThrownBy(() -> c.reject(signer, "no", ReviewMode.ON_SITE))
                .isInstanceOf(TransitionForbidden.class);
        assertThat(c.record().state()).isEqualTo(WarningState.FEEDBACK_SUBMITTED);
        assertThat(c.clear(HUANGSHI_DUTY, "ok", ReviewMode.ON_SITE).note()).isEqualTo("review: ON_SITE; ok");
    }

    /** Every (state, step) pair: legal ones land in the expected state, illegal ones name both states. */
    @Test
    void everyLegalAndIllegalTransition() {
        java.util.Map<String, java.util.function.Function<WarningCase, DisposalEvent>> steps = new java.util.LinkedHashMap<>();
        steps.put("sign-in", c -> c.signIn(PLANT_USER));
        steps.put("feedback", c -> c.submitFeedback(PLANT_USER, fb("bags replaced")));
        steps.put("clear", c -> c.clear(LICHENG_DUTY, "ok", ReviewMode.REMOTE));
        steps.put("reject", c -> c.reject(LICHENG_DUTY, "no photo", ReviewMode.REMOTE));
        steps.put("supersede", c -> c.supersede("W-next"));
        java.util.Map<WarningState, java.util.Map<String, WarningState>> legal = java.util.Map.of(
                WarningState.ISSUED, java.util.Map.of("sign-in", WarningState.SIGNED_IN, "supersede", WarningState.SUPERSEDED),
                WarningState.SIGNED_IN, java.util.Map.of("feedback", WarningState.FEEDBACK_SUBMITTED,
                        "supersede", WarningState.SUPERSEDED),
                WarningState.FEEDBACK_SUBMITTED, java.util.Map.of("clear", WarningState.CLEARED,
                        "reject", WarningState.SIGNED_IN, "supersede", WarningState.SUPERSEDED),
                WarningState.CLEARED, java.util.Map.of(),
                WarningState.SUPERSEDED, java.util.Map.of());
        for (WarningState from : WarningState.values()) {
            for (var step : steps.entrySet()) {
                WarningCase c = inState(from);
                WarningState expected = legal.get(from).get(step.getKey());
                if (expected != null) {
                    assertThat(step.getValue().apply(c).toState()).as(from + " " + step.getKey()).isEqualTo(expected);
                } else {
                    assertThatThrownBy(() -> step.getValue().apply(c)).as(from + " " + step.getKey())
                            .isInstanceOf(IllegalTransition.class)
                            .hasMessageContaining("it is " + from).hasMessageContaining(step.getKey() + " needs");
                }
            }
        }
    }

    private WarningCase inState(WarningState state) {
        WarningCase c = issued(Colour.ORANGE);
        switch (state) {
            case ISSUED -> { }
            case SIGNED_IN -> c.signIn(PLANT_USER);
            case FEEDBACK_SUBMITTED -> { c.signIn(PLANT_USER); c.submitFeedback(PLANT_USER, fb("m")); }
            case CLEARED -> { c.signIn(PLANT_USER); c.submitFeedback(PLANT_USER, fb("m"));
                c.clear(LICHENG_DUTY, null, ReviewMode.REMOTE); }
            case SUPERSEDED -> c.supersede("W-next");
        }
        assertThat(c.record().state()).isEqualTo(state);
        return c;
    }
}
