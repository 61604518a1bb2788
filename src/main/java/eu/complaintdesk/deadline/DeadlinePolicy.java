package eu.complaintdesk.deadline;

/** One row of {@code dmn/DeadlinePolicy.dmn}: how many working days each step may take. */
public record DeadlinePolicy(
    int responseWorkingDays,
    int reminderWorkingDaysBefore,
    int missingInformationWaitWorkingDays,
    int surveyValidityDays) {}
