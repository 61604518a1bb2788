package eu.complaintdesk.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DigestPropertiesTest {

  @Test
  void unsetValuesGetTheirDefaultsAndTheDigestFollowsTheMailSetting() {
    DigestProperties defaults = new DigestProperties(null, null, null, null);

    assertThat(defaults.time()).isEqualTo(LocalTime.of(7, 30));
    assertThat(defaults.sendUntil()).isEqualTo(LocalTime.of(12, 0));
    assertThat(defaults.maxTasks()).isEqualTo(50);
    assertThat(defaults.enabledWith(true)).isTrue();
    assertThat(defaults.enabledWith(false)).isFalse();
    assertThat(new DigestProperties(false, null, null, null).enabledWith(true)).isFalse();
  }

  @Test
  void badValuesStopTheStartUpNamingTheKey() {
    assertThatThrownBy(() -> new DigestProperties(null, LocalTime.of(12, 30), null, null))
        .hasMessageContaining("complaints.digest.time")
        .hasMessageContaining("complaints.digest.send-until");
    assertThatThrownBy(() -> new DigestProperties(null, null, null, 0))
        .hasMessageContaining("complaints.digest.max-tasks");
    assertThatThrownBy(() -> new DigestProperties(true, null, null, null).enabledWith(false))
        .hasMessageContaining("complaints.digest.enabled")
        .hasMessageContaining("spring.mail.host");
  }
}
