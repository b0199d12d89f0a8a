package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void reportWriterFallsBackToSystemOutWhenTheDescriptorIsUnsetOrBad() {
    assertThat(Main.reportWriter(null)).isNull();
    assertThat(Main.reportWriter("three")).isNull();
    // Descriptor numbers this high are never open in a test JVM.
    assertThat(Main.reportWriter("987654")).isNull();
  }

  @Test
  void reportWriterOpensAnOpenDescriptor() {
    // Descriptor 2 (stderr) is open in every JVM.
    assertThat(Main.reportWriter("2")).isNotNull();
  }
}
