package eu.complaintdesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.customermessage.CustomerMessages;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.NewComplaint;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.testing.H2TestConfiguration;
import eu.complaintdesk.testing.PostgresTestConfiguration;
import eu.complaintdesk.testing.TestDatabases;
import eu.complaintdesk.testing.TestFiles;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.util.unit.DataSize;

/** Attachments are stored and read back byte for byte on both databases the application runs on. */
class AttachmentStorageTest {

  private static final Instant RECEIVED = Instant.parse("2026-03-09T08:30:00Z");

  @TestConfiguration(proxyBeanMethods = false)
  @Import(AttachmentService.class)
  static class Attachments {
    @Bean
    AttachmentProperties attachmentProperties() {
      return new AttachmentProperties(5, DataSize.ofMegabytes(10), 12000);
    }
  }

  static NewComplaint newComplaint() {
    return new NewComplaint(
        Channel.WEB_FORM,
        Language.lv,
        "Anna Bērziņa",
        "anna@example.lv",
        null,
        null,
        null,
        PreferredContact.EMAIL,
        "Skaitītājs",
        "Foto pielikumā.",
        null,
        null,
        RECEIVED,
        RECEIVED.plusSeconds(14 * 24 * 3600),
        null);
  }

  abstract static class Contract {

    @Autowired AttachmentService attachments;
    @Autowired ComplaintRegister register;
    @Autowired CustomerMessages customerMessages;
    @Autowired DataSource dataSource;

    @BeforeEach
    void emptyRegister() {
      TestDatabases.clean(dataSource);
    }

    @Test
    void storedFilesComeBackByteForByteWithTheirMessageAndTimeline() {
      long id = register.register(newComplaint()).id();
      long messageId = customerMessages.add(id, "Here is the photo");
      byte[] large = TestFiles.pdfOfSize(3 * 1024 * 1024);
      List<CheckedFile> submitted =
          attachments.checkAll(List.of(new UploadedFile("rēķins.pdf", null, large)));
      List<CheckedFile> withMessage =
          attachments.checkAll(List.of(new UploadedFile("meter.png", null, TestFiles.png())));

      long pdfId = attachments.store(id, null, submitted).get(0);
      attachments.store(id, messageId, withMessage);

      assertThat(attachments.list(id))
          .extracting(AttachmentInfo::fileName, AttachmentInfo::customerMessageId)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("rēķins.pdf", null),
              org.assertj.core.groups.Tuple.tuple("meter.png", messageId));
      StoredFile pdf = attachments.find(id, pdfId).orElseThrow();
      assertThat(pdf.content()).isEqualTo(large);
      assertThat(pdf.info().size()).isEqualTo(large.length);
      assertThat(pdf.info().sha256()).isEqualTo(AttachmentService.sha256(large));
      assertThat(attachments.find(id + 1, pdfId)).isEmpty();
      assertThat(register.timeline(id))
          .filteredOn(e -> e.type().equals("ATTACHMENT_RECEIVED"))
          .extracting(TimelineEntry::detail)
          .containsExactly("rēķins.pdf", "meter.png");
    }
  }

  @Nested
  @SpringJUnitConfig({H2TestConfiguration.class, Attachments.class})
  class OnH2 extends Contract {}

  @Nested
  @SpringJUnitConfig({PostgresTestConfiguration.class, Attachments.class})
  class OnPostgres extends Contract {}
}
