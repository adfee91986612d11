package dustwatch.disposal.warning;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

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

    WarningCase issued(Colour colour) {
        return WarningCase.issue(plantWarning(colour, ISSUED_AT, null), properties, clock);
    }

    WarningCase withFeedback(Colour colour) {
        WarningCase c = issued(colour);
        c.signIn(PLANT_USER);
        c.submitFeedback(PLANT_USER, "resin dust blinded the filter bags", "bags replaced, pulse interval halved");
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

        DisposalEvent feedback = c.submitFeedback(PLANT_USER, "resin dust blinded the filter bags", "bags replaced");
        assertThat(feedback.action()).isEqualTo("FEEDBACK");
        assertThat(feedback.toState()).isEqualTo(WarningState.FEEDBACK_SUBMITTED);
        assertThat(feedback.note()).isEqualTo("cause: resin dust blinded the filter bags; measures: bags replaced");

        DisposalEvent clear = c.clear(HUANGSHI_DUTY, "checked by video");
        assertThat(clear.action()).isEqualTo("CLEAR");
        assertThat(clear.fromState()).isEqualTo(WarningState.FEEDBACK_SUBMITTED);
        assertThat(clear.toState()).isEqualTo(WarningState.CLEARED);
        assertThat(clear.actorTier()).isEqualTo("TOWN");
        assertThat(c.record().state()).isEqualTo(WarningState.CLEARED);
    }

    @Test
    void rejectSendsTheFeedbackBackToTheEnterprise() {
        WarningCase c = withFeedback(Colour.ORANGE);
        DisposalEvent reject = c.reject(LICHENG_DUTY, "no photo of the replaced bags");
        assertThat(reject.action()).isEqualTo("REJECT");
        assertThat(reject.fromState()).isEqualTo(WarningState.FEEDBACK_SUBMITTED);
        assertThat(reject.toState()).isEqualTo(WarningState.SIGNED_IN);
        assertThat(c.record().state()).isEqualTo(WarningState.SIGNED_IN);
        c.submitFeedback(PLANT_USER, "resin dust", "bags replaced, photos attached");
        assertThat(c.clear(LICHENG_DUTY, null).toState()).isEqualTo(WarningState.CLEARED);
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
        assertThatThrownBy(() -> fresh.clear(HUANGSHI_DUTY, "too early"))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("it is ISSUED").hasMessageContaining("needs FEEDBACK_SUBMITTED");
        assertThatThrownBy(() -> fresh.submitFeedback(PLANT_USER, "c", "m"))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("ISSUED").hasMessageContaining("SIGNED_IN");
        assertThat(fresh.record().state()).isEqualTo(WarningState.ISSUED);

        fresh.signIn(PLANT_USER);
        assertThatThrownBy(() -> fresh.signIn(PLANT_USER))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("it is SIGNED_IN").hasMessageContaining("needs ISSUED");
        assertThatThrownBy(() -> fresh.reject(HUANGSHI_DUTY, "no"))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("it is SIGNED_IN").hasMessageContaining("needs FEEDBACK_SUBMITTED");

        WarningCase cleared = withFeedback(Colour.YELLOW);
        cleared.clear(HUANGSHI_DUTY, null);
        IllegalTransition again = org.junit.jupiter.api.Assertions.assertThrows(IllegalTransition.class,
                () -> cleared.clear(LICHENG_DUTY, "again"));
        assertThat(again.current()).isEqualTo(WarningState.CLEARED);
        assertThat(again.required()).containsExactly(WarningState.FEEDBACK_SUBMITTED);
        assertThatThrownBy(() -> cleared.supersede("W-2"))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("it is CLEARED")
                .hasMessageContaining("FEEDBACK_SUBMITTED or ISSUED or SIGNED_IN");
    }

    @Test
    void aHuangshiTownUserMayClearYellowButNotOrange() {
        assertThat(withFeedback(Colour.YELLOW).clear(HUANGSHI_DUTY, "ok").toState()).isEqualTo(WarningState.CLEARED);
        WarningCase orange = withFeedback(Colour.ORANGE);
        assertThatThrownBy(() -> orange.clear(HUANGSHI_DUTY, "ok"))
                .isInstanceOf(TransitionForbidden.class)
                .hasMessageContaining("tier TOWN").hasMessageContaining("DISTRICT");
        assertThatThrownBy(() -> orange.reject(HUANGSHI_DUTY, "no"))
                .isInstanceOf(TransitionForbidden.class);
        assertThat(orange.record().state()).isEqualTo(WarningState.FEEDBACK_SUBMITTED);
    }

    @Test
    void lichengDistrictMayClearYellowAndOrange() {
        assertThat(withFeedback(Colour.YELLOW).clear(LICHENG_DUTY, "ok").toState()).isEqualTo(WarningState.CLEARED);
        assertThat(withFeedback(Colour.ORANGE).clear(LICHENG_DUTY, "ok").toState()).isEqualTo(WarningState.CLEARED);
        assertThat(withFeedback(Colour.RED).clear(LICHENG_DUTY, "on site").actorTier()).isEqualTo("DISTRICT");
    }

    @Test
    void xinduTownMayClearNeitherColourOfAHuangshiWarning() {
        WarningCase yellow = withFeedback(Colour.YELLOW);
        assertThatThrownBy(() -> yellow.clear(XINDU_DUTY, "ok"))
                .isInstanceOf(TransitionForbidden.class)
                .hasMessageContaining("does not cover");
        assertThatThrownBy(() -> withFeedback(Colour.ORANGE).clear(XINDU_DUTY, "ok"))
                .isInstanceOf(TransitionForbidden.class);
        assertThat(yellow.record().state()).isEqualTo(WarningState.FEEDBACK_SUBMITTED);
    }

    @Test
    void theEnterpriseCannotClearAndOnlyItsOwnUserSignsIn() {
        WarningCase c = withFeedback(Colour.BLUE);
        assertThatThrownBy(() -> c.clear(PLANT_USER, "we fixed it"))
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
        assertThatThrownBy(() -> c.submitFeedback(PLANT_USER, "resin dust", " "))
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
        cleared.clear(LICHENG_DUTY, "on site");
        assertThat(cleared.record().overdue(afterClearDeadline)).isFalse();
    }

    @Test
    void propertiesMissingAColourAreRefused() {
        assertThatThrownBy(() -> new DisposalProperties("v1", java.util.Map.of(Colour.RED, Tier.DISTRICT),
                java.util.Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("verifying-tier.BLUE");
    }
}
