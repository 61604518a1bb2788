package eu.complaintdesk.register;

import java.time.Instant;

/** Test data for the register and the other owners of its tables. */
public final class Complaints {

  private Complaints() {}

  public static NewComplaint newComplaint(Instant receivedAt) {
    return new NewComplaint(
        Channel.WEB_FORM,
        Language.lv,
        "Anna Bērziņa",
        "Anna.Berzina@Example.lv",
        "+37120000000",
        "C-1001",
        "Brīvības iela 1, Rīga, LV-1010",
        PreferredContact.EMAIL,
        "Radiators ir auksts",
        "Kopš pirmdienas dzīvoklī nav apkures.",
        "Pārrēķināt rēķinu",
        "HEATING_QUALITY",
        receivedAt,
        receivedAt.plusSeconds(14 * 24 * 3600),
        null);
  }

  public static NewComplaint withCustomer(Instant receivedAt, String email, String customerNumber) {
    NewComplaint c = newComplaint(receivedAt);
    return new NewComplaint(
        c.channel(),
        c.language(),
        c.customerName(),
        email,
        c.customerPhone(),
        customerNumber,
        c.customerAddress(),
        c.preferredContact(),
        c.subject(),
        c.description(),
        c.remedySought(),
        c.categoryHint(),
        receivedAt,
        c.responseDueAt(),
        "registrar1");
  }
}
