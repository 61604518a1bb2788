package eu.complaintdesk.survey;

import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.text.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/surveys/{token}}: the customer rates the handling of their case. */
@Tag(name = "Customers")
@RestController
class SurveyController {

  @Schema(name = "SurveyAnswer")
  record SurveyAnswer(
      @Schema(example = "5", minimum = "1", maximum = "5") @NotNull @Min(1) @Max(5) Integer score,
      @Schema(example = "Quick and polite.") @Size(max = 2000) @PlainText String comment) {}

  private final SurveyService surveys;

  SurveyController(SurveyService surveys) {
    this.surveys = surveys;
  }

  @Operation(summary = "Rate the handling of a case (token from the invitation)")
  @ApiResponse(responseCode = "204", description = "Recorded")
  @ApiResponse(
      responseCode = "404",
      description = "No such survey",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  @ApiResponse(
      responseCode = "409",
      description = "Already answered",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  @ApiResponse(
      responseCode = "410",
      description = "The invitation expired",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  @PostMapping("/api/surveys/{token}")
  ResponseEntity<?> answer(@PathVariable String token, @Valid @RequestBody SurveyAnswer answer) {
    return switch (surveys.answer(token, answer.score(), answer.comment())) {
      case RECORDED -> ResponseEntity.noContent().build();
      case UNKNOWN -> throw new ApiProblem(HttpStatus.NOT_FOUND, null, "There is no such survey.");
      case EXPIRED -> throw new ApiProblem(HttpStatus.GONE, null, "This survey has expired.");
      case ALREADY_ANSWERED ->
          throw new ApiProblem(HttpStatus.CONFLICT, null, "This survey has already been answered.");
    };
  }
}
