package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A JSON list submitted already serialized through the engine REST API is checked when it is
 * written: anything but a flat array of at most 64 KiB gets a 400 naming the variable, and nothing
 * is stored (before, it was stored and every later read of the task's variables answered 500).
 */
class JsonListRestIT extends ApplicationIntegrationTest {

  @LocalServerPort int port;

  @Test
  void nestedOrOversizedJsonListSubmittedToATaskIsRefusedWith400NamingTheVariable() {
    CaseDriver cases = new CaseDriver(port);
    String number = cases.heatingComplaintAwaitingDraft();
    EngineRest handler = EngineRest.as(port, "handler");
    String task = cases.awaitTask(number, "UserTask_DraftAnswer");
    assertThat(handler.post("/task/" + task + "/claim", CaseDriver.claimBody(handler)).status())
        .isEqualTo(204);

    for (String value :
        new String[] {
          "[[\\\"nested\\\"]]", "[\\\"" + "x".repeat(JsonListSerializer.MAX_BYTES) + "\\\"]"
        }) {
      EngineRest.Response refused =
          handler.post(
              "/task/" + task + "/submit-form",
              """
              {"variables":{
                "needsExternalInformation":{"value":true,"type":"Boolean"},
                "externalOrganisationChoice":{"value":"%s","type":"Object",
                  "valueInfo":{"serializationDataFormat":"application/json",
                               "objectTypeName":"java.util.ArrayList"}},
                "inquiryQuestion":{"value":"When was the heating switched off?","type":"String"}}}
              """
                  .formatted(value));

      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.json().get("message").asText())
          .contains("'externalOrganisationChoice' must be a JSON array");
    }
    // the task is still open and its variables still read
    EngineRest.Response variables = handler.get("/task/" + task + "/form-variables");
    assertThat(variables.status()).as(variables.toString()).isEqualTo(200);
  }
}
