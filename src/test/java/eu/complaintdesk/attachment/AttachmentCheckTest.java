package eu.complaintdesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.testing.TestFiles;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** The checks every attachment passes before anything is stored: content, number, size, name. */
class AttachmentCheckTest {

  final AttachmentService attachments =
      new AttachmentService(
          null, null, new AttachmentProperties(5, DataSize.ofKilobytes(64), 12000), null);

  @Test
  void pdfJpegAndPngAreAcceptedByTheirContentWhateverTheyClaim() {
    List<CheckedFile> files =
        attachments.checkAll(
            List.of(
                new UploadedFile("invoice.pdf", "application/pdf", TestFiles.pdf()),
                new UploadedFile("photo", null, TestFiles.jpeg()),
                new UploadedFile("meter.txt", "text/plain", TestFiles.png())));

    assertThat(files)
        .extracting(CheckedFile::fileName, CheckedFile::mediaType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("invoice.pdf", "application/pdf"),
            org.assertj.core.groups.Tuple.tuple("photo.jpg", "image/jpeg"),
            org.assertj.core.groups.Tuple.tuple("meter.txt.png", "image/png"));
    assertThat(files.get(0).sha256())
        .hasSize(64)
        .isEqualTo(AttachmentService.sha256(TestFiles.pdf()));
  }

  @Test
  void executableRenamedPdfIsRefusedNamingTheFieldAndTheFile() {
    assertThatThrownBy(
            () ->
                attachments.checkAll(
                    List.of(
                        new UploadedFile("ok.png", "image/png", TestFiles.png()),
                        new UploadedFile("invoice.pdf", "application/pdf", TestFiles.exe()))))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            problem -> {
              assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
              assertThat(problem.field()).isEqualTo("attachments[1]");
              assertThat(problem.getMessage()).contains("invoice.pdf").contains("PDF, JPEG or PNG");
            });
  }

  @Test
  void textClaimingToBeAnImageIsRefused() {
    assertThatThrownBy(
            () ->
                attachments.checkAll(
                    List.of(new UploadedFile("photo.png", "image/png", TestFiles.text()))))
        .isInstanceOfSatisfying(
            ApiProblem.class, problem -> assertThat(problem.field()).isEqualTo("attachments[0]"));
  }

  @Test
  void tooLargeTooManyAndEmptyFilesAreRefused() {
    UploadedFile large = new UploadedFile("big.pdf", null, TestFiles.pdfOfSize(64 * 1024 + 1));
    UploadedFile justFits = new UploadedFile("fits.pdf", null, TestFiles.pdfOfSize(64 * 1024));
    UploadedFile png = new UploadedFile("a.png", null, TestFiles.png());

    assertThatThrownBy(() -> attachments.checkAll(List.of(large)))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            problem -> {
              assertThat(problem.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
              assertThat(problem.getMessage()).contains("big.pdf");
            });
    assertThat(attachments.checkAll(List.of(justFits))).hasSize(1);
    assertThatThrownBy(() -> attachments.checkAll(Collections.nCopies(6, png)))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            problem -> {
              assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(problem.field()).isEqualTo("attachments");
            });
    assertThat(attachments.checkAll(Collections.nCopies(5, png))).hasSize(5);
    assertThatThrownBy(
            () -> attachments.checkAll(List.of(new UploadedFile("e.pdf", null, new byte[0]))))
        .isInstanceOf(ApiProblem.class);
  }

  @Test
  void sortKeepsWhatMayBeKeptAndListsTheRest() {
    UploadedFile png = new UploadedFile("a.png", null, TestFiles.png());
    List<UploadedFile> files =
        List.of(png, new UploadedFile("virus.exe", null, TestFiles.exe()), png, png, png, png, png);

    AttachmentService.Sorted sorted = attachments.sort(files);

    assertThat(sorted.accepted()).hasSize(5);
    assertThat(sorted.refused())
        .extracting(RefusedFile::field)
        .containsExactly("attachments[1]", "attachments[6]");
  }

  @Test
  void namesLoseTheirPathControlAndDirectionCharacters() {
    assertThat(FileNames.clean("C:\\Users\\anna\\..\\scan.pdf")).isEqualTo("scan.pdf");
    assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
    assertThat(FileNames.clean("bill\u202Efdp.exe")).isEqualTo("bill_fdp.exe");
    assertThat(FileNames.clean("a\r\nb\"c;.pdf")).isEqualTo("a b_c_.pdf");
    assertThat(FileNames.clean("  ...  ")).isEqualTo(FileNames.FALLBACK);
    assertThat(FileNames.clean(null)).isEqualTo(FileNames.FALLBACK);
    assertThat(FileNames.clean("rēķins-ģimene.pdf")).isEqualTo("rēķins-ģimene.pdf");
    assertThat(FileNames.forType("x".repeat(300) + ".exe", AllowedType.PDF))
        .hasSize(FileNames.MAX)
        .endsWith(".pdf");
    assertThat(FileNames.forType("photo.JPEG", AllowedType.JPEG)).isEqualTo("photo.JPEG");
  }

  @Test
  void imageLargerThanTheLimitOnASideIsRefusedFromItsHeaderNamingTheField() throws Exception {
    java.io.ByteArrayOutputStream wide = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(13_000, 10, java.awt.image.BufferedImage.TYPE_BYTE_GRAY),
        "png",
        wide);

    assertThatThrownBy(
            () ->
                attachments.checkAll(
                    List.of(
                        new UploadedFile("ok.png", "image/png", TestFiles.png()),
                        new UploadedFile("wide.png", "image/png", wide.toByteArray()))))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            problem -> {
              assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(problem.field()).isEqualTo("attachments[1]");
              assertThat(problem.getMessage()).contains("wide.png", "12000 pixels");
              assertThat(attachments.isImageTooLarge(problem)).isTrue();
            });
  }

  @Test
  void pngWithAValidSignatureButATruncatedOrGarbledHeaderIsRefusedAsUnreadable() {
    byte[] png = TestFiles.png();
    // signature (8), IHDR length and type (8), and only half of the width
    byte[] truncated = java.util.Arrays.copyOf(png, 18);
    byte[] garbled = png.clone();
    // IHDR: width 16..19, height 20..23, bit depth 24 (1, 2, 4, 8 or 16)
    garbled[24] = 3;
    byte[] noWidth = png.clone();
    java.util.Arrays.fill(noWidth, 16, 20, (byte) 0);
    byte[] jpeg = TestFiles.jpeg();
    byte[] garbledJpeg = java.util.Arrays.copyOf(jpeg, 64);
    java.util.Arrays.fill(garbledJpeg, 4, 64, (byte) 0x55);

    for (byte[] unreadable : List.of(truncated, garbled, noWidth, garbledJpeg)) {
      assertThat(ImageSize.of(AllowedType.ofMediaType(tika(unreadable)).orElseThrow(), unreadable))
          .isEmpty();
      assertThatThrownBy(
              () ->
                  attachments.checkAll(
                      List.of(
                          new UploadedFile("ok.png", "image/png", png),
                          new UploadedFile("meter.png", "image/png", unreadable))))
          .isInstanceOfSatisfying(
              ApiProblem.class,
              problem -> {
                assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
                assertThat(problem.field()).isEqualTo("attachments[1]");
                assertThat(problem.getMessage()).contains("meter.png", "cannot be read");
                assertThat(attachments.isImageTooLarge(problem)).isFalse();
              });
    }
    assertThat(attachments.sort(List.of(new UploadedFile("meter.png", null, truncated))).refused())
        .extracting(RefusedFile::field, RefusedFile::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "attachments[0]", AttachmentService.UNREADABLE_IMAGE));
  }

  @Test
  void onlyTheImageDimensionsRefusalCountsAsImageTooLargeWhateverAMessageSays() {
    assertThat(
            attachments.isImageTooLarge(
                new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "attachments[0]",
                    "attachments[0] (x.png): the image is larger than 12000 pixels on a side")))
        .isFalse();
  }

  private static String tika(byte[] content) {
    return new org.apache.tika.Tika().detect(content);
  }
}
