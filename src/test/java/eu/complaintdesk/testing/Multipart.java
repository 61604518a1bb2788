package eu.complaintdesk.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body, built the way browsers and curl send one. */
public final class Multipart {

  private final String boundary = "----complaint-desk-" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  /** A JSON part, as curl sends {@code -F 'complaint={...};type=application/json'}. */
  public Multipart json(String name, String json) {
    return part(name, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** A text field, as a form or curl {@code -F message=...} sends it. */
  public Multipart text(String name, String value) {
    return part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
  }

  public Multipart file(String name, String fileName, String contentType, byte[] content) {
    return part(name, fileName, contentType, content);
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public byte[] body() {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    copy.writeBytes(body.toByteArray());
    copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return copy.toByteArray();
  }

  private Multipart part(String name, String fileName, String contentType, byte[] content) {
    StringBuilder head = new StringBuilder();
    head.append("--").append(boundary).append("\r\n");
    head.append("Content-Disposition: form-data; name=\"").append(name).append('"');
    if (fileName != null) {
      head.append("; filename=\"").append(fileName).append('"');
    }
    head.append("\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    head.append("\r\n");
    body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }
}
