package eu.complaintdesk.system;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The HTTP sessions' part of anonymising a case ({@code privacy/}): a visitor's session that opened
 * the case on the public pages holds its number and access code (the {@code CaseAccess} attribute
 * of {@code web/}); that attribute is removed, so the session no longer names the case. (The code
 * would not open it any more anyway: the register forgets it.)
 */
@Component
public class SessionAnonymisation {

  /**
   * The session attribute of the public pages' case access, which {@code web/CaseAccess} stores
   * under this name (here, not in {@code web/}, since {@code web/} depends on {@code system/}).
   */
  public static final String CASE_ACCESS_ATTRIBUTE = "eu.complaintdesk.web.CaseAccess";

  private final JdbcClient jdbc;

  SessionAnonymisation(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Removes the case access to this case from every session; how many sessions held it. */
  public int forgetCase(String registrationNumber) {
    byte[] number = registrationNumber.getBytes(StandardCharsets.UTF_8);
    List<String> sessions =
        jdbc
            .sql(
                "select session_primary_id, attribute_bytes from spring_session_attributes"
                    + " where attribute_name = :name")
            .param("name", CASE_ACCESS_ATTRIBUTE)
            .query(
                (rs, row) ->
                    contains(rs.getBytes("attribute_bytes"), number)
                        ? rs.getString("session_primary_id")
                        : null)
            .list()
            .stream()
            .filter(id -> id != null)
            .toList();
    for (String session : sessions) {
      jdbc.sql(
              "delete from spring_session_attributes"
                  + " where session_primary_id = :session and attribute_name = :name")
          .param("session", session)
          .param("name", CASE_ACCESS_ATTRIBUTE)
          .update();
    }
    return sessions.size();
  }

  static boolean contains(byte[] haystack, byte[] needle) {
    if (haystack == null || needle.length == 0) {
      return false;
    }
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
