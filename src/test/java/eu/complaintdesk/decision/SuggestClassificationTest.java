package eu.complaintdesk.decision;

import static eu.complaintdesk.decision.DecisionTester.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import eu.complaintdesk.register.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code dmn/SuggestClassification.dmn}: the DRD SuggestClassification requires
 * SuggestFeedbackType, which requires SuggestCategory; both require RecogniseWords, the one table
 * with keyword lists. Every rule of the four tables is named by at least one case.
 */
class SuggestClassificationTest {

  private static final String CLASSIFICATION = "SuggestClassification";
  private static final String FEEDBACK_TYPE = "SuggestFeedbackType";
  private static final String CATEGORY = "SuggestCategory";
  private static final String WORDS = "RecogniseWords";

  private static final DecisionTester DECISION = DecisionTester.forDecision(CLASSIFICATION);

  private static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";

  /** One keyword of a cell: {@code contains(?, "keyword")}. */
  private static final Pattern KEYWORD = Pattern.compile("contains\\(\\?,\\s*\"([^\"]*)\"\\)");

  private static Map<String, Object> suggest(String text, String categoryHint) {
    return DECISION.evaluate(
        variables("channel", "WEB_FORM", "categoryHint", categoryHint, "text", text));
  }

  private static Map<String, Object> suggest(
      String text, String categoryHint, String feedbackTypeHint) {
    return DECISION.evaluate(
        variables(
            "channel",
            "WEB_FORM",
            "categoryHint",
            categoryHint,
            "feedbackTypeHint",
            feedbackTypeHint,
            "text",
            text));
  }

  // ------------------------------------------------------------------ category

  static Stream<Arguments> categoryCases() {
    return Stream.of(
        // rule, category, text (lv, ru, lt, en; inflected forms)
        arguments("RudeStaff", "STAFF_CONDUCT", "operatore bija ļoti rupja"),
        arguments("RudeStaff", "STAFF_CONDUCT", "kasiere nepieklājīgi atbildēja"),
        arguments("RudeStaff", "STAFF_CONDUCT", "сотрудник в кассе мне нагрубил"),
        arguments("RudeStaff", "STAFF_CONDUCT", "настоящее хамство со стороны мастера"),
        arguments("RudeStaff", "STAFF_CONDUCT", "darbuotoja buvo labai nemandagi"),
        arguments("RudeStaff", "STAFF_CONDUCT", "grubus elgesys telefonu"),
        arguments("RudeStaff", "STAFF_CONDUCT", "The engineer was rude to my mother"),
        arguments("RudeStaff", "STAFF_CONDUCT", "an impolite answer at the desk"),
        arguments("SupplyInterrupted", "SUPPLY_INTERRUPTION", "mājā nav elektrības kopš rīta"),
        arguments(
            "SupplyInterrupted", "SUPPLY_INTERRUPTION", "bez brīdinājuma atslēgta elektroenerģija"),
        arguments("SupplyInterrupted", "SUPPLY_INTERRUPTION", "отключили свет без предупреждения"),
        arguments("SupplyInterrupted", "SUPPLY_INTERRUPTION", "atjungė elektrą visam kvartalui"),
        arguments("SupplyInterrupted", "SUPPLY_INTERRUPTION", "Power cut in our street since 6 am"),
        arguments("SupplyInterrupted", "SUPPLY_INTERRUPTION", "third outage this week"),
        arguments("HotWater", "HOT_WATER_QUALITY", "karstais ūdens ir tikko silts"),
        arguments("HotWater", "HOT_WATER_QUALITY", "vannas istabā nav karstā ūdens"),
        arguments("HotWater", "HOT_WATER_QUALITY", "нет горячей воды третий день"),
        arguments("HotWater", "HOT_WATER_QUALITY", "karšto vandens temperatūra per žema"),
        arguments("HotWater", "HOT_WATER_QUALITY", "Hot water is brown and cold"),
        arguments("Heating", "HEATING_QUALITY", "nav apkures, dzīvoklī auksts"),
        arguments("Heating", "HEATING_QUALITY", "radiatori ir auksti"),
        arguments("Heating", "HEATING_QUALITY", "в квартире холодно, батареи еле тёплые"),
        arguments("Heating", "HEATING_QUALITY", "bute šalta, radiatoriai vos šilti"),
        arguments("Heating", "HEATING_QUALITY", "Cold radiators in the bedroom"),
        arguments(
            "HotlineUnreachable", "HOTLINE_REACHABILITY", "nevaru sazvanīt jūsu klientu centru"),
        arguments("HotlineUnreachable", "HOTLINE_REACHABILITY", "невозможно дозвониться"),
        arguments(
            "HotlineUnreachable", "HOTLINE_REACHABILITY", "negaliu prisiskambinti jau dvi dienas"),
        arguments("HotlineUnreachable", "HOTLINE_REACHABILITY", "Your hotline never answers"),
        arguments("EServices", "E_SERVICES", "portālā nevaru ielogoties"),
        arguments("EServices", "E_SERVICES", "e-pakalpojums neļauj iesniegt datus"),
        arguments("EServices", "E_SERVICES", "не открывается личный кабинет"),
        arguments("EServices", "E_SERVICES", "savitarnos svetainė neveikia"),
        arguments("EServices", "E_SERVICES", "The app crashes when I open it"),
        arguments("Meter", "METERING", "skaitītājs rāda nepareizi"),
        arguments("Meter", "METERING", "счётчик сломался"),
        arguments("Meter", "METERING", "поверка счетчика"),
        arguments("Meter", "METERING", "skaitiklio rodmenys neteisingi"),
        arguments("Meter", "METERING", "My meter was replaced and now the bill doubled"),
        arguments("Connection", "CONNECTION", "pieslēguma pieteikums netiek izskatīts"),
        arguments("Connection", "CONNECTION", "подключение нового дома затянулось"),
        arguments("Connection", "CONNECTION", "prijungimas prie tinklo vėluoja"),
        arguments("Connection", "CONNECTION", "Connection of my new house is delayed"),
        arguments("Billing", "BILLING", "rēķinā ir kļūda"),
        arguments("Billing", "BILLING", "kāpēc rēķini ir tik lieli"),
        arguments("Billing", "BILLING", "неправильный счёт за декабрь"),
        arguments("Billing", "BILLING", "прошу пересчитать счета"),
        arguments("Billing", "BILLING", "sąskaita per didelė"),
        arguments("Billing", "BILLING", "the invoice is too high"),
        arguments("Billing", "BILLING", "My bills doubled"),
        arguments("Contract", "CONTRACT", "vēlos lauzt līgumu"),
        arguments("Contract", "CONTRACT", "расторжение договора"),
        arguments("Contract", "CONTRACT", "sutarties nutraukimas"),
        arguments("Contract", "CONTRACT", "Contract terms changed without notice"),
        arguments("StaffMentioned", "STAFF_CONDUCT", "darbinieks neieradās norunātajā laikā"),
        arguments("StaffMentioned", "STAFF_CONDUCT", "сотрудник не пришёл"),
        arguments("StaffMentioned", "STAFF_CONDUCT", "darbuotojas neatvyko"),
        arguments("StaffMentioned", "STAFF_CONDUCT", "The employee did not come"),
        arguments("Other", "OTHER", "lorem ipsum dolor"),
        arguments("Other", "OTHER", ""),
        arguments("Other", "OTHER", null));
  }

  @ParameterizedTest(name = "[{index}] {0}: \"{2}\" is {1}")
  @MethodSource("categoryCases")
  void suggestsCategoryFromKeywordsWithoutHint(String rule, String category, String text) {
    assertThat(suggest(text, null)).containsEntry("suggestedCategory", category);
    assertThat(DECISION.matchedRule(CATEGORY)).isEqualTo(rule);
  }

  static Stream<Arguments> hintCases() {
    return Stream.of(
            "BILLING",
            "SUPPLY_INTERRUPTION",
            "HEATING_QUALITY",
            "HOT_WATER_QUALITY",
            "METERING",
            "CONNECTION",
            "CONTRACT",
            "STAFF_CONDUCT",
            "HOTLINE_REACHABILITY",
            "E_SERVICES",
            "OTHER")
        .map(hint -> arguments("HintGiven", hint));
  }

  @ParameterizedTest(name = "[{index}] hint {1} beats the keywords for outage")
  @MethodSource("hintCases")
  void validCategoryHintWinsOverKeywords(String rule, String hint) {
    assertThat(suggest("nav elektrības, отключили свет, power cut", hint))
        .containsEntry("suggestedCategory", hint);
    assertThat(DECISION.matchedRule(CATEGORY)).isEqualTo(rule);
  }

  @ParameterizedTest(name = "[{index}] hint \"{0}\" is ignored")
  @NullAndEmptySource
  @ValueSource(strings = {"billing", "WATER_LEAK", " BILLING"})
  void invalidCategoryHintFallsBackToKeywords(String hint) {
    assertThat(suggest("rēķins ir par lielu", hint)).containsEntry("suggestedCategory", "BILLING");
    assertThat(DECISION.matchedRule(CATEGORY)).isEqualTo("Billing");
  }

  @Test
  void hintChangesThePriorityWithTheCategory() {
    assertThat(suggest("nav apkures", "BILLING"))
        .containsEntry("suggestedCategory", "BILLING")
        .containsEntry("suggestedPriority", "NORMAL");
  }

  // ------------------------------------------------------------------ feedback type

  static Stream<Arguments> feedbackTypeCases() {
    return Stream.of(
        // rule, feedback type, category hint, text
        arguments("RudeStaff", "CUSTOMER_SERVICE_COMPLAINT", null, "operators bija rupjš, paldies"),
        arguments(
            "RudeStaff",
            "CUSTOMER_SERVICE_COMPLAINT",
            "BILLING",
            "thank you, but the cashier was rude"),
        arguments("RudeStaff", "CUSTOMER_SERVICE_COMPLAINT", null, "почему мастер хамит?"),
        arguments(
            "ComplaintAboutCustomerService",
            "CUSTOMER_SERVICE_COMPLAINT",
            null,
            "sūdzība: nevaru sazvanīt"),
        arguments(
            "ComplaintAboutCustomerService",
            "CUSTOMER_SERVICE_COMPLAINT",
            null,
            "жалоба на горячую линию"),
        arguments(
            "ComplaintAboutCustomerService",
            "CUSTOMER_SERVICE_COMPLAINT",
            "STAFF_CONDUCT",
            "skundas dėl konsultanto"),
        arguments(
            "ComplaintAboutService", "SERVICE_COMPLAINT", null, "sūdzība par rēķinu, paldies"),
        arguments(
            "ComplaintAboutService", "SERVICE_COMPLAINT", null, "претензия по счёту, спасибо"),
        arguments("ComplaintAboutService", "SERVICE_COMPLAINT", null, "skundžiu sąskaitą, ačiū"),
        arguments(
            "ComplaintAboutService",
            "SERVICE_COMPLAINT",
            null,
            "I want to complain about my bill, thanks"),
        arguments("Proposal", "PROPOSAL", null, "ierosinu ieviest SMS atgādinājumus"),
        arguments("Proposal", "PROPOSAL", null, "mans priekšlikums: rēķinus sūtīt e-pastā"),
        arguments("Proposal", "PROPOSAL", null, "предлагаю добавить оплату картой"),
        arguments("Proposal", "PROPOSAL", null, "у меня есть предложение"),
        arguments("Proposal", "PROPOSAL", null, "siūlau įrengti daugiau kasų"),
        arguments("Proposal", "PROPOSAL", null, "pasiūlymas dėl svetainės"),
        arguments("Proposal", "PROPOSAL", null, "I suggest adding online meter reading"),
        arguments("Proposal", "PROPOSAL", null, "A proposal, thank you"),
        arguments(
            "ProblemWithCustomerService",
            "CUSTOMER_SERVICE_COMPLAINT",
            null,
            "nevaru sazvanīt jūsu tālruni"),
        arguments(
            "ProblemWithCustomerService",
            "CUSTOMER_SERVICE_COMPLAINT",
            null,
            "I cannot reach your hotline?"),
        arguments(
            "ProblemWithService",
            "SERVICE_COMPLAINT",
            null,
            "Kad būs apkure? Nav apkures jau nedēļu, paldies"),
        arguments("ProblemWithService", "SERVICE_COMPLAINT", null, "счётчик не работает, спасибо"),
        arguments("ProblemWithService", "SERVICE_COMPLAINT", null, "skaitiklis neveikia, ačiū"),
        arguments(
            "ProblemWithService", "SERVICE_COMPLAINT", null, "When will the outage end? Thanks"),
        arguments("ProblemWithService", "SERVICE_COMPLAINT", null, "The invoice is wrong"),
        arguments("Praise", "PRAISE", null, "Liels paldies montierim par ātro darbu"),
        arguments("Praise", "PRAISE", null, "izsaku pateicību jūsu kolektīvam"),
        arguments("Praise", "PRAISE", null, "Спасибо за быструю помощь"),
        arguments("Praise", "PRAISE", null, "благодарю мастера"),
        arguments("Praise", "PRAISE", null, "Ačiū už greitą pagalbą"),
        arguments("Praise", "PRAISE", null, "dėkojame jūsų komandai"),
        arguments("Praise", "PRAISE", "STAFF_CONDUCT", "Thank you for the quick repair"),
        arguments("Question", "INFORMATION_REQUEST", null, "kā var samaksāt rēķinu?"),
        arguments("Question", "INFORMATION_REQUEST", null, "kad būs nākamā pārbaude"),
        arguments("Question", "INFORMATION_REQUEST", null, "как передать показания"),
        arguments("Question", "INFORMATION_REQUEST", null, "когда будет перерасчёт"),
        arguments("Question", "INFORMATION_REQUEST", null, "kaip pateikti rodmenis"),
        arguments("Question", "INFORMATION_REQUEST", null, "kada bus atliktas patikrinimas"),
        arguments("Question", "INFORMATION_REQUEST", null, "How do I change my e-mail address"),
        arguments("Question", "INFORMATION_REQUEST", null, "when is the office open"),
        arguments("Question", "INFORMATION_REQUEST", null, "tarifs 2026. gadam?"),
        arguments(
            "CustomerServiceCategory", "CUSTOMER_SERVICE_COMPLAINT", null, "darbinieks neieradās"),
        arguments(
            "CustomerServiceCategory", "CUSTOMER_SERVICE_COMPLAINT", "HOTLINE_REACHABILITY", ""),
        arguments("ServiceComplaint", "SERVICE_COMPLAINT", null, "skaitītāja nomaiņa"),
        arguments("ServiceComplaint", "SERVICE_COMPLAINT", null, "lorem ipsum"),
        arguments("ServiceComplaint", "SERVICE_COMPLAINT", null, ""),
        arguments("ServiceComplaint", "SERVICE_COMPLAINT", null, null));
  }

  @ParameterizedTest(name = "[{index}] {0}: \"{3}\" is {1}")
  @MethodSource("feedbackTypeCases")
  void suggestsFeedbackType(String rule, String feedbackType, String hint, String text) {
    assertThat(suggest(text, hint)).containsEntry("suggestedFeedbackType", feedbackType);
    assertThat(DECISION.matchedRule(FEEDBACK_TYPE)).isEqualTo(rule);
  }

  // ------------------------------------------------------------------ feedback type hint

  static Stream<Arguments> feedbackTypeHintCases() {
    return Stream.of(
        // rule, feedback type, feedback type hint, category hint, text
        arguments("HintPraise", "PRAISE", "PRAISE", null, "Kad būs apkure? Nav apkures"),
        arguments("HintPraise", "PRAISE", "PRAISE", "STAFF_CONDUCT", "операторы на линии"),
        arguments("HintProposal", "PROPOSAL", "PROPOSAL", null, "sūdzība par rēķinu"),
        arguments("HintProposal", "PROPOSAL", "PROPOSAL", null, "Thank you, great service"),
        arguments("HintQuestion", "INFORMATION_REQUEST", "QUESTION", null, "skaitiklis neveikia"),
        arguments("HintQuestion", "INFORMATION_REQUEST", "QUESTION", null, "Liels paldies"),
        arguments(
            "HintComplaintRudeStaff",
            "CUSTOMER_SERVICE_COMPLAINT",
            "COMPLAINT",
            "BILLING",
            "thank you, but the cashier was rude"),
        arguments(
            "HintComplaintRudeStaff",
            "CUSTOMER_SERVICE_COMPLAINT",
            "COMPLAINT",
            null,
            "почему мастер хамит?"),
        arguments(
            "HintComplaintAboutCustomerService",
            "CUSTOMER_SERVICE_COMPLAINT",
            "COMPLAINT",
            "HOTLINE_REACHABILITY",
            ""),
        arguments(
            "HintComplaintAboutCustomerService",
            "CUSTOMER_SERVICE_COMPLAINT",
            "COMPLAINT",
            null,
            "nevaru sazvanīt jūsu tālruni"),
        arguments(
            "HintComplaintAboutCustomerService",
            "CUSTOMER_SERVICE_COMPLAINT",
            "COMPLAINT",
            null,
            "Спасибо оператору, но ждать пришлось час"),
        arguments("HintComplaint", "SERVICE_COMPLAINT", "COMPLAINT", null, "Liels paldies"),
        arguments("HintComplaint", "SERVICE_COMPLAINT", "COMPLAINT", null, "kā var samaksāt?"),
        arguments("HintComplaint", "SERVICE_COMPLAINT", "COMPLAINT", null, "siūlau pakeisti"),
        arguments("HintComplaint", "SERVICE_COMPLAINT", "COMPLAINT", "BILLING", "rēķinā ir kļūda"),
        arguments("HintComplaint", "SERVICE_COMPLAINT", "COMPLAINT", null, ""),
        arguments("HintComplaint", "SERVICE_COMPLAINT", "COMPLAINT", null, null));
  }

  @ParameterizedTest(name = "[{index}] {0}: hint {2}, \"{4}\" is {1}")
  @MethodSource("feedbackTypeHintCases")
  void feedbackTypeHintDecidesOverKeywords(
      String rule, String feedbackType, String hint, String categoryHint, String text) {
    assertThat(suggest(text, categoryHint, hint))
        .containsEntry("suggestedFeedbackType", feedbackType);
    assertThat(DECISION.matchedRule(FEEDBACK_TYPE)).isEqualTo(rule);
  }

  @ParameterizedTest(name = "[{index}] hint \"{0}\" is ignored")
  @NullAndEmptySource
  @ValueSource(strings = {"praise", "COMPLIMENT", " PRAISE", "SERVICE_COMPLAINT"})
  void unknownFeedbackTypeHintFallsBackToKeywords(String hint) {
    assertThat(suggest("Liels paldies montierim", null, hint))
        .containsEntry("suggestedFeedbackType", "PRAISE");
    assertThat(DECISION.matchedRule(FEEDBACK_TYPE)).isEqualTo("Praise");
    assertThat(suggest("nav apkures", null, hint))
        .containsEntry("suggestedFeedbackType", "SERVICE_COMPLAINT");
    assertThat(DECISION.matchedRule(FEEDBACK_TYPE)).isEqualTo("ProblemWithService");
  }

  @Test
  void feedbackTypeHintChangesThePriorityWithTheType() {
    // an outage is urgent, but the customer who says it is praise is not waiting for a repair
    assertThat(suggest("nav elektrības", null, "PRAISE"))
        .containsEntry("suggestedFeedbackType", "PRAISE")
        .containsEntry("suggestedCategory", "SUPPLY_INTERRUPTION")
        .containsEntry("suggestedPriority", "LOW");
    assertThat(suggest("paldies, ka tik ātri", null, "COMPLAINT"))
        .containsEntry("suggestedFeedbackType", "SERVICE_COMPLAINT")
        .containsEntry("suggestedPriority", "NORMAL");
  }

  // ------------------------------------------------------------------ priority and the whole
  // result

  static Stream<Arguments> classificationCases() {
    return Stream.of(
        // rule, text, hint, type, category, priority
        arguments("LowPriority", "paldies par ātru remontu", null, "PRAISE", "OTHER", "LOW"),
        arguments(
            "LowPriority",
            "спасибо, отопление снова работает",
            "HEATING_QUALITY",
            "PRAISE",
            "HEATING_QUALITY",
            "LOW"),
        arguments("LowPriority", "siūlau įrengti daugiau kasų", null, "PROPOSAL", "OTHER", "LOW"),
        arguments(
            "HighPriority",
            "nav elektrības",
            null,
            "SERVICE_COMPLAINT",
            "SUPPLY_INTERRUPTION",
            "HIGH"),
        arguments(
            "HighPriority",
            "When will the power cut end?",
            null,
            "SERVICE_COMPLAINT",
            "SUPPLY_INTERRUPTION",
            "HIGH"),
        arguments(
            "HighPriority",
            "в квартире холодно",
            null,
            "SERVICE_COMPLAINT",
            "HEATING_QUALITY",
            "HIGH"),
        arguments(
            "HighPriority",
            "kada bus karštas vanduo",
            null,
            "INFORMATION_REQUEST",
            "HOT_WATER_QUALITY",
            "HIGH"),
        arguments(
            "NormalPriority", "rēķinā ir kļūda", null, "SERVICE_COMPLAINT", "BILLING", "NORMAL"),
        arguments(
            "NormalPriority",
            "The cashier was rude",
            null,
            "CUSTOMER_SERVICE_COMPLAINT",
            "STAFF_CONDUCT",
            "NORMAL"),
        arguments(
            "NormalPriority",
            "kaip pateikti rodmenis",
            null,
            "INFORMATION_REQUEST",
            "METERING",
            "NORMAL"),
        arguments("NormalPriority", null, null, "SERVICE_COMPLAINT", "OTHER", "NORMAL"));
  }

  @ParameterizedTest(name = "[{index}] {0}: \"{1}\" is {3} / {4} / {5}")
  @MethodSource("classificationCases")
  void suggestsTypeCategoryAndPriorityInOneResult(
      String rule, String text, String hint, String type, String category, String priority) {
    assertThat(suggest(text, hint))
        .containsOnlyKeys("suggestedFeedbackType", "suggestedCategory", "suggestedPriority")
        .containsEntry("suggestedFeedbackType", type)
        .containsEntry("suggestedCategory", category)
        .containsEntry("suggestedPriority", priority);
    assertThat(DECISION.matchedRule(CLASSIFICATION)).isEqualTo(rule);
  }

  @Test
  void missingVariablesGiveTheDefaultSuggestion() {
    assertThat(DECISION.evaluate(new HashMap<>()))
        .containsEntry("suggestedFeedbackType", "SERVICE_COMPLAINT")
        .containsEntry("suggestedCategory", "OTHER")
        .containsEntry("suggestedPriority", "NORMAL");
  }

  @Test
  void textIsLowerCasedAndPunctuationIgnored() {
    assertThat(suggest("NAV APKURES!!!", null))
        .containsEntry("suggestedCategory", "HEATING_QUALITY")
        .containsEntry("suggestedPriority", "HIGH");
    assertThat(suggest("Meter,reading", null)).containsEntry("suggestedCategory", "METERING");
  }

  @Test
  void keywordsMatchTheStartOfWordsOnly() {
    // "happy" contains "app", "parameter" contains "meter": neither is a keyword match
    assertThat(suggest("happy with the parameters", null))
        .containsEntry("suggestedCategory", "OTHER");
  }

  @ParameterizedTest
  @EnumSource(Channel.class)
  void channelDoesNotChangeTheSuggestion(Channel channel) {
    Map<String, Object> viaChannel =
        DECISION.evaluate(
            variables("channel", channel.name(), "categoryHint", null, "text", "nav apkures"));
    Map<String, Object> withoutChannel =
        DECISION.evaluate(variables("channel", null, "categoryHint", null, "text", "nav apkures"));
    assertThat(viaChannel)
        .isEqualTo(withoutChannel)
        .containsEntry("suggestedCategory", "HEATING_QUALITY");
  }

  // ------------------------------------------------------------------ recognised words

  static Stream<Arguments> wordsCases() {
    return Stream.of(
        // rule, text: the first kind of words in the order of the table wins
        arguments("RudeWords", "sūdzība: operators bija rupjš, paldies"),
        arguments("RudeWords", "почему мастер хамит?"),
        arguments("ComplaintWords", "sūdzība par rēķinu, nestrādā, paldies"),
        arguments("ComplaintWords", "I want to complain, I suggest a refund"),
        arguments("ProposalWords", "ierosinu ieviest SMS, paldies"),
        arguments("ProposalWords", "I suggest adding online meter reading"),
        arguments("ProblemWords", "skaitiklis neveikia, ačiū"),
        arguments("ProblemWords", "When will the outage end? Thanks"),
        arguments("PraiseWords", "Ačiū už greitą pagalbą, kada atvyksite?"),
        arguments("PraiseWords", "Thank you for the quick repair"),
        arguments("QuestionWords", "kā var samaksāt rēķinu?"),
        arguments("QuestionWords", "when is the office open"),
        arguments("NoWords", "lorem ipsum"),
        arguments("NoWords", ""),
        arguments("NoWords", null));
  }

  @ParameterizedTest(name = "[{index}] {0}: \"{1}\"")
  @MethodSource("wordsCases")
  void recognisesTheFirstKindOfWordsInTheOrderOfTheTable(String rule, String text) {
    suggest(text, null);
    assertThat(DECISION.matchedRule(WORDS)).isEqualTo(rule);
  }

  @Test
  void casesCoverEveryRuleOfRecogniseWords() {
    DECISION.assertCasesCoverEveryRule(WORDS, wordsCases().map(a -> (String) a.get()[0]));
  }

  @Test
  void noTwoRulesCarryTheSameKeywordList() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document dmn = factory.newDocumentBuilder().parse(DecisionTester.file(CLASSIFICATION).toFile());
    Map<Set<String>, List<String>> rulesByKeywords = new HashMap<>();
    NodeList entries = dmn.getElementsByTagNameNS(DMN_NS, "inputEntry");
    for (int i = 0; i < entries.getLength(); i++) {
      Element entry = (Element) entries.item(i);
      Set<String> keywords = new TreeSet<>();
      Matcher keyword = KEYWORD.matcher(entry.getTextContent());
      while (keyword.find()) {
        keywords.add(keyword.group(1));
      }
      if (!keywords.isEmpty()) {
        String rule = ((Element) entry.getParentNode()).getAttribute("id");
        rulesByKeywords.computeIfAbsent(keywords, k -> new ArrayList<>()).add(rule);
      }
    }
    // the six lists of RecogniseWords and the ten of SuggestCategory
    assertThat(rulesByKeywords).hasSize(16);
    assertThat(rulesByKeywords.values())
        .as("rules with the same keyword list")
        .allSatisfy(rules -> assertThat(rules).hasSize(1));
  }

  // ------------------------------------------------------------------ coverage of the tables

  @Test
  void casesCoverEveryRuleOfTheThreeTables() {
    DECISION.assertCasesCoverEveryRule(
        CATEGORY, Stream.concat(categoryCases(), hintCases()).map(a -> (String) a.get()[0]));
    DECISION.assertCasesCoverEveryRule(
        FEEDBACK_TYPE,
        Stream.concat(feedbackTypeCases(), feedbackTypeHintCases()).map(a -> (String) a.get()[0]));
    DECISION.assertCasesCoverEveryRule(
        CLASSIFICATION, classificationCases().map(a -> (String) a.get()[0]));
  }
}
