package eu.complaintdesk.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds text of another language in a text meant for a customer (issue 14): English words in
 * Latvian, Russian or Lithuanian; Cyrillic outside Russian; Latin words in Russian; Latvian-only
 * letters in Lithuanian, Lithuanian-only letters in Latvian; and letters no English word has in
 * English (ū is both Latvian and Lithuanian). Web and e-mail addresses, product names ({@link
 * #PRODUCT_NAMES}) and a name in brackets (the official name beside its translation: "Комиссия …
 * (Sabiedrisko pakalpojumu regulēšanas komisija)") do not count, though English words in brackets
 * do.
 */
public final class ForeignText {

  /** Names that stay as they are in every language. */
  public static final Set<String> PRODUCT_NAMES =
      Set.of(
          "PDF",
          "JPEG",
          "PNG",
          "SMS",
          "MB",
          // the accessibility statement's standards, levels and tools
          "WCAG",
          "A",
          "AA",
          "EN",
          "Chromium",
          "axe-core");

  /**
   * Common English words, none of them a word of Latvian or Lithuanian ("to", "no", "be", "man",
   * "it", "tie" are, so they are not here).
   */
  static final Set<String> ENGLISH_WORDS =
      Set.of(
          "the",
          "and",
          "your",
          "you",
          "information",
          "other",
          "others",
          "organisation",
          "organisations",
          "organization",
          "organizations",
          "is",
          "are",
          "was",
          "were",
          "needed",
          "need",
          "please",
          "we",
          "our",
          "us",
          "of",
          "for",
          "with",
          "from",
          "this",
          "that",
          "these",
          "have",
          "has",
          "will",
          "not",
          "been",
          "by",
          "on",
          "at",
          "in",
          "or",
          "its",
          "an",
          "if",
          "can",
          "may",
          "must",
          "should",
          "would",
          "dear",
          "customer",
          "regards",
          "kind",
          "thank",
          "thanks",
          "submission",
          "complaint",
          "complaints",
          "answer",
          "reply",
          "reason",
          "more",
          "time",
          "due",
          "date",
          "task",
          "case",
          "status",
          "number",
          "link",
          "here",
          "which",
          "what",
          "when",
          "where",
          "about",
          "after",
          "before",
          "than",
          "they",
          "their",
          "them",
          "there",
          "received",
          "sent",
          "file",
          "files",
          "page",
          "error",
          "request",
          "requests",
          "message",
          "authority",
          "appeal",
          "decision",
          "contact",
          "again",
          "new",
          "only",
          "also",
          "all",
          "any",
          "within",
          "until",
          "days",
          "day",
          "working",
          "extended",
          "deadline",
          "email",
          "e-mail",
          "phone",
          "address",
          "website");

  private static final Pattern ADDRESSES =
      Pattern.compile(
          "(?:https?://|www\\.)[^\\s()]*[^\\s().,;:]"
              + "|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"
              + "|\\b[\\w-]+(?:\\.[\\w-]+)*\\.(?:lv|lt|ru|eu|com|org|net|example)\\b",
          Pattern.UNICODE_CHARACTER_CLASS);

  private static final Pattern BRACKETS = Pattern.compile("\\([^()]*\\)");
  private static final Pattern WORD =
      Pattern.compile("[\\p{L}][\\p{L}'’-]*", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}+");
  private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}[\\p{IsLatin}'’-]*");
  private static final Pattern LATVIAN_ONLY = Pattern.compile("[āēīģķļņĀĒĪĢĶĻŅ]");
  private static final Pattern LITHUANIAN_ONLY = Pattern.compile("[ąęėįųĄĘĖĮŲ]");
  private static final Pattern NOT_ENGLISH_LETTER = Pattern.compile("[\\p{L}&&[^\\p{ASCII}]]");

  private ForeignText() {}

  /**
   * What of another language the text holds, as "what: where" findings; empty when it has none.
   *
   * @param language lv, ru, lt or en
   */
  public static List<String> findings(String text, String language) {
    List<String> findings = new ArrayList<>();
    String plain = ADDRESSES.matcher(text).replaceAll(" ");
    for (String name : PRODUCT_NAMES) {
      plain = plain.replaceAll("\\b" + name + "\\b", " ");
    }
    String outsideBrackets = BRACKETS.matcher(plain).replaceAll(" ");
    if (!language.equals("en")) {
      Matcher words = WORD.matcher(plain);
      while (words.find()) {
        if (ENGLISH_WORDS.contains(words.group().toLowerCase(Locale.ROOT))) {
          findings.add("English word '" + words.group() + "'");
        }
      }
    }
    if (!language.equals("ru")) {
      find(CYRILLIC, outsideBrackets, "Cyrillic", findings);
    } else {
      find(LATIN_WORD, outsideBrackets, "Latin-script word", findings);
    }
    switch (language) {
      case "lv" -> find(LITHUANIAN_ONLY, outsideBrackets, "Lithuanian letter", findings);
      case "lt" -> find(LATVIAN_ONLY, outsideBrackets, "Latvian letter", findings);
      case "en" ->
          find(NOT_ENGLISH_LETTER, outsideBrackets, "letter of another language", findings);
      default -> {}
    }
    return findings;
  }

  private static void find(Pattern pattern, String text, String what, List<String> findings) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      int from = Math.max(0, matcher.start() - 20);
      int to = Math.min(text.length(), matcher.end() + 20);
      findings.add(what + " '" + matcher.group() + "' in …" + text.substring(from, to) + "…");
    }
  }
}
