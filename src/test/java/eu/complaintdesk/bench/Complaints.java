package eu.complaintdesk.bench;

import java.util.List;

/**
 * Realistic submissions for the public API: four languages, the usual subjects, a category hint on
 * some, and a distinct customer for every number (so no per-contact limit ever applies).
 */
final class Complaints {

  private record Text(String language, String name, String subject, String description) {}

  private static final List<Text> TEXTS =
      List.of(
          new Text(
              "lv",
              "Anna Ozola",
              "Radiatori ir auksti",
              "Kopš pirmdienas dzīvoklī nav apkures, lai gan citiem kaimiņiem tā ir. Lūdzu"
                  + " pārbaudīt siltummezglu un pārrēķināt rēķinu par šo mēnesi."),
          new Text(
              "ru",
              "Ирина Петрова",
              "Счёт за отопление завышен",
              "В последнем счёте сумма за отопление почти вдвое больше, чем в прошлом году, хотя"
                  + " показания счётчика не изменились. Прошу проверить начисление."),
          new Text(
              "lt",
              "Jonas Kazlauskas",
              "Nėra karšto vandens",
              "Jau tris dienas name nėra karšto vandens, niekas apie tai neinformavo. Prašau"
                  + " pranešti, kada bus sutvarkyta, ir perskaičiuoti mokestį."),
          new Text(
              "en",
              "John Smith",
              "Meter reading not accepted",
              "I submitted my meter reading on the portal twice this month, but the bill still"
                  + " uses an estimate. Please correct the bill and fix the e-service."));

  private static final List<String> HINTS =
      List.of("HEATING_QUALITY", "BILLING", "HOT_WATER_QUALITY", "METERING", "");

  private Complaints() {}

  /** The JSON body of submission number {@code n} of this run ({@code run} keeps runs apart). */
  static String body(String run, int n) {
    Text text = TEXTS.get(n % TEXTS.size());
    String hint = HINTS.get(n % HINTS.size());
    return """
        {"language":"%s",
         "customer":{"name":"%s","email":"customer-%s-%d@bench.example","phone":"+371 2%07d",
                     "customerNumber":"C-%d","address":"Brīvības iela %d, Rīga, LV-1010"},
         "preferredContact":"EMAIL",
         "subject":"%s",
         "description":"%s",
         "remedySought":"Recalculate the bill"%s}
        """
        .formatted(
            text.language(),
            text.name(),
            run,
            n,
            n % 10_000_000,
            n,
            1 + n % 200,
            text.subject(),
            text.description(),
            hint.isEmpty() ? "" : ",\"categoryHint\":\"" + hint + "\"");
  }
}
