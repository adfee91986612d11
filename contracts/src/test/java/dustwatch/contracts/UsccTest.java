package dustwatch.contracts;

import dustwatch.contracts.enterprise.Uscc;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsccTest {
    @Test
    void publishedCodesPassTheirCheckCharacter() {
        // USCCs printed on public business licences
        assertThat(Uscc.isValid("91350100M000100Y43")).isTrue();
        assertThat(Uscc.isValid("91110000600037341L")).isTrue();
    }

    @Test
    void aWrongCheckCharacterOrAlphabetFails() {
        assertThat(Uscc.isValid("91350100M000100Y44")).isFalse();
        assertThat(Uscc.isValid("91350100M000100YI3")).as("I is not in the alphabet").isFalse();
        assertThat(Uscc.isValid("9135010")).isFalse();
        assertThat(Uscc.isValid(null)).isFalse();
    }

    @Test
    void checkCharacterCompletesACode() {
        assertThat(Uscc.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThatThrownBy(() -> Uscc.checkCharacter("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
