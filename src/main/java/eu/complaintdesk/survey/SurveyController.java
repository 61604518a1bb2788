package eu.complaintdesk.survey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/surveys/{token}}: the customer rates the handling of their case. */
@RestController
class SurveyController {

  record SurveyAnswer(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 2000) String comment) {}

  private final SurveyService surveys;

  SurveyController(SurveyService surveys) {
    this.surveys = surveys;
  }

  @PostMapping("/api/surveys/{token}")
  ResponseEntity<?> answer(@PathVariable String token, @Valid @RequestBody SurveyAnswer answer) {
    return switch (surveys.answer(token, answer.score(), answer.comment())) {
      case RECORDED -> ResponseEntity.noContent().build();
      case UNKNOWN -> problem(HttpStatus.NOT_FOUND, "There is no such survey.");
      case EXPIRED -> problem(HttpStatus.GONE, "This survey has expired.");
      case ALREADY_ANSWERED ->
          problem(HttpStatus.CONFLICT, "This survey has already been answered.");
    };
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
  }
}
